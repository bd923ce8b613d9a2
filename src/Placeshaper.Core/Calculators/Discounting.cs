namespace Placeshaper.Calculators;

/// <summary>
/// Discounting to present value, as in HM Treasury's Green Book: an amount in year <c>t</c> counts as
/// amount / (1 + r)^t today, year 0 being now (one-off transition costs) and undiscounted.
/// </summary>
public static class Discounting
{
    /// <summary>
    /// The Green Book's social time preference rate: 3.5% a year for the first 30 years (HM Treasury, The Green Book,
    /// 2022 edition, "Discounting" and its Annex A6). Appraisals may set another rate; this is only the default.
    /// </summary>
    public const decimal GreenBookRate = 0.035m;

    /// <summary>The longest horizon the calculators accept: long enough for any service contract or asset life.</summary>
    public const int MaxYears = 100;

    /// <summary>
    /// 1 / (1 + r)^year, by repeated multiplication of 1 / (1 + r), which shrinks towards 0 rather than growing past
    /// <see cref="decimal"/>'s range for high rates over long horizons (1 + r is at most 2, and 2^100 would overflow).
    /// </summary>
    public static decimal Factor(decimal rate, int year)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfNegative(year);
        var step = 1 / (1 + rate);
        var factor = 1m;
        for (var t = 0; t < year; t++)
        {
            factor *= step;
        }

        return factor;
    }

    public static decimal PresentValue(decimal amount, decimal rate, int year) => amount * Factor(rate, year);
}
