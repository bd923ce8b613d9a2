using System.Globalization;

namespace Placeshaper.Spend;

/// <summary>
/// Reads a payment date as spend files write it: dd/mm/yyyy (and d/m/yy), ISO yyyy-mm-dd with or without a time,
/// "01-Apr-2016", "5-Oct-21", "25 Apr 2023", and Excel serial day numbers (from workbooks, or CSV exported without
/// formatting). UK files are day first, so 03/04/2016 is 3 April. A date far outside the years spend files cover
/// (before 1990 or after 2100) is refused rather than guessed at: it is almost always a broken export.
/// </summary>
public static class SpendDate
{
    private static readonly string[] Formats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm",
        "dd-MMM-yyyy", "d-MMM-yyyy", "dd-MMM-yy", "d-MMM-yy", "d MMM yyyy", "dd MMM yyyy", "d MMMM yyyy", "dd.MM.yyyy", "yyyy/MM/dd",
        "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "yyyy-MM-ddTHH:mm:ss.fff", "yyyy-MM-ddTHH:mm:ssZ",
    ];

    private static readonly DateOnly Earliest = new(1990, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>The date, or null with the reason in <paramref name="reason"/>.</summary>
    public static DateOnly? Parse(ReadOnlySpan<char> text, out string? reason)
    {
        reason = null;
        text = text.Trim();
        if (text.IsEmpty)
        {
            reason = "no date";
            return null;
        }

        // The common case first, without the format list: dd/mm/yyyy and yyyy-mm-dd.
        if (text.Length == 10 && Fast(text) is { } fast)
        {
            return InRange(fast, text, out reason);
        }

        if (text.Length <= 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial > 0)
        {
            // Excel's day numbers count from 1900-01-00 and include its phantom 29 February 1900.
            return InRange(DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(serial)), text, out reason);
        }

        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            // A time of day (Devon's "2017-04-03 00:00:00") says nothing about the payment: the day is kept.
            return InRange(DateOnly.FromDateTime(parsed), text, out reason);
        }

        reason = $"'{(text.Length > 40 ? string.Concat(text[..40], "…") : text.ToString())}' is not a date (day/month/year, ISO or an Excel day number)";
        return null;
    }

    private static DateOnly? InRange(DateOnly date, ReadOnlySpan<char> text, out string? reason)
    {
        if (date < Earliest || date > Latest)
        {
            reason = $"'{text}' is not a plausible payment date";
            return null;
        }

        reason = null;
        return date;
    }

    private static DateOnly? Fast(ReadOnlySpan<char> t)
    {
        int day, month, year;
        if (t[2] == '/' && t[5] == '/')
        {
            if (!Digits(t[..2], out day) || !Digits(t[3..5], out month) || !Digits(t[6..], out year))
            {
                return null;
            }
        }
        else if (t[4] == '-' && t[7] == '-')
        {
            if (!Digits(t[..4], out year) || !Digits(t[5..7], out month) || !Digits(t[8..], out day))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        return month is >= 1 and <= 12 && day >= 1 && year >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static bool Digits(ReadOnlySpan<char> t, out int value)
    {
        value = 0;
        foreach (var c in t)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
