using System.Globalization;
using System.Text.RegularExpressions;

namespace Placeshaper.Needs;

/// <summary>
/// The period a figure covers, in the forms public statistics use: a calendar year ("2024"), a financial year
/// ("2024/25"), a quarter ("2024-Q2") or a month ("2024-04").
/// </summary>
public readonly partial record struct Period(string Label, DateOnly Start)
{
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var t = text?.Trim() ?? "";
        Match m;
        if ((m = Year().Match(t)).Success)
        {
            var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            period = new Period(y.ToString(CultureInfo.InvariantCulture), new DateOnly(y, 1, 1));
        }
        else if ((m = FinancialYear().Match(t)).Success
            && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) == (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1) % 100)
        {
            // "2011-12" is read as the financial year 2011/12, as public statistics write it, not December 2011.
            var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            period = new Period(new Budgets.FinancialYear(y).Label, new DateOnly(y, 4, 1));
        }
        else if ((m = Quarter().Match(t)).Success)
        {
            var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var q = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            period = new Period($"{y}-Q{q}", new DateOnly(y, ((q - 1) * 3) + 1, 1));
        }
        else if ((m = Month().Match(t)).Success)
        {
            var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            period = new Period($"{y}-{month:00}", new DateOnly(y, month, 1));
        }
        else
        {
            return false;
        }

        return period.Start.Year is >= 1900 and <= 2200;
    }

    public const string Formats = "a year (2024), a financial year (2024/25), a quarter (2024-Q2) or a month (2024-04)";

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(\d{4})[/-](\d{2})$")]
    private static partial Regex FinancialYear();

    [GeneratedRegex(@"^(\d{4})-?Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(\d{4})-(0[1-9]|1[0-2])$")]
    private static partial Regex Month();
}
