using System.Globalization;

namespace Placeshaper.Common;

/// <summary>
/// How money is held and stored. Amounts are <see cref="decimal"/> pounds in memory. In the database they are
/// whole numbers of <see cref="Scale"/>-decimal-place units (ten-thousandths of a pound) in a 64-bit integer
/// column, so that both SQLite and PostgreSQL store source precision (spend files carry amounts like
/// 2646.6875) without loss and SUM them exactly. See docs/adr/0003-money.md.
/// </summary>
public static class Money
{
    /// <summary>Decimal places kept in storage: four, the most the councils' spend files use for real amounts.</summary>
    public const int Scale = 4;

    private const decimal UnitsPerPound = 10_000m;

    /// <summary>Largest storable amount: the 64-bit integer range in ten-thousandths, about £922 trillion.</summary>
    public static readonly decimal MaxPounds = long.MaxValue / UnitsPerPound;

    /// <summary>
    /// The stored units of an amount. Rounds half away from zero to <see cref="Scale"/> places, which only ever
    /// touches float residue in source files (e.g. Devon's 6.82121E-13), never a real amount.
    /// </summary>
    public static long ToStoredUnits(decimal pounds)
    {
        if (Math.Abs(pounds) > MaxPounds)
        {
            throw new OverflowException($"£{pounds} is beyond the largest amount Placeshaper stores.");
        }

        return (long)Math.Round(pounds * UnitsPerPound, 0, MidpointRounding.AwayFromZero);
    }

    public static decimal FromStoredUnits(long units) => units / UnitsPerPound;

    /// <summary>Rounds to pounds and pence, half away from zero: the rule for every amount that is paid or shown.</summary>
    public static decimal ToPence(decimal pounds) => Math.Round(pounds, 2, MidpointRounding.AwayFromZero);

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Reads an amount as people type it: "£1,250.50", "1250.5", "-30", " 12 000 ". Refuses anything else, including
    /// more than <see cref="Scale"/> decimal places, rather than guess.
    /// </summary>
    public static bool TryParse(string? text, out decimal pounds)
    {
        pounds = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace("\u2212", "-", StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out pounds)
            && decimal.Round(pounds, Scale) == pounds
            && Math.Abs(pounds) <= MaxPounds;
    }

    /// <summary>£1,234.56 (negative as −£1,234.56); sub-penny amounts are shown in full.</summary>
    public static string Format(decimal pounds)
    {
        var places = decimal.Round(pounds, 2) == pounds ? 2 : Scale;
        var text = Math.Abs(pounds).ToString("N" + places.ToString(CultureInfo.InvariantCulture), EnGb);
        return pounds < 0 ? "\u2212£" + text : "£" + text;
    }
}
