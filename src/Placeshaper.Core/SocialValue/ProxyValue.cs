using System.Globalization;

namespace Placeshaper.SocialValue;

/// <summary>
/// What a commitment is worth at the buyer's proxy value: quantity × pounds per unit, exact (decimal arithmetic, no
/// rounding), with the working. Rounded to pence only for display. Information for the evaluation panel: it does not
/// enter the scores, which follow the published award criteria.
/// </summary>
public sealed record ProxyValue(decimal Quantity, string Unit, decimal PerUnit, decimal Value)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static ProxyValue Of(decimal quantity, string unit, decimal perUnit) => new(quantity, unit, perUnit, quantity * perUnit);

    /// <summary>The value to the penny, half away from zero, as shown.</summary>
    public decimal ShownValue => Money.ToPence(Value);

    /// <summary>Like "12 people × £1,234.5600 per person = £14,814.72".</summary>
    public string Working => $"{Quantity.ToString("#,##0.##", EnGb)} {Unit} × {Money.Format(PerUnit)} = {Money.Format(ShownValue)}";
}
