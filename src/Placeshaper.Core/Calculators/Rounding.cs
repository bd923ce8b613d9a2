using System.Globalization;

namespace Placeshaper.Calculators;

/// <summary>
/// The calculators' one rounding rule: work in full <see cref="decimal"/> precision and round only the results people
/// see, amounts and scores to 2 dp and ratios to 4 dp, half away from zero (so 0.125 is 0.13, as a person would do it).
/// </summary>
public static class Rounding
{
    public static decimal ToTwoPlaces(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal? ToTwoPlaces(decimal? value) => value is { } v ? ToTwoPlaces(v) : null;

    public static decimal Ratio(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A figure in the working shown on screen, to two places with thousands separators.</summary>
    public static string Show(decimal value) => ToTwoPlaces(value).ToString("#,##0.00", EnGb);

    public static string Pounds(decimal value) => (value < 0 ? "−£" : "£") + Show(Math.Abs(value));

    /// <summary>Inputs echoed in the working: as typed, without trailing zeros.</summary>
    public static string Plain(decimal value) => value.ToString("#,##0.##########", EnGb);

    public static string Percent(decimal ratio) => (ratio * 100).ToString("0.##", EnGb) + "%";
}
