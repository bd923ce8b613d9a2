using System.Globalization;
using System.Text.RegularExpressions;

namespace Placeshaper.Budgets;

/// <summary>A UK public-sector financial year, 1 April to 31 March, written "2026/27".</summary>
public readonly partial record struct FinancialYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    public string Label => $"{StartYear}/{(StartYear + 1) % 100:00}";

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public static FinancialYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Reads "2026/27", "2026-27" or "2026".</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (match.Groups[2].Success && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) != (start + 1) % 100)
        {
            return false;
        }

        year = new FinancialYear(start);
        return start is >= 2000 and <= 2100;
    }

    public override string ToString() => Label;

    [GeneratedRegex(@"^(\d{4})(?:[/-](\d{2}))?$")]
    private static partial Regex Pattern();
}
