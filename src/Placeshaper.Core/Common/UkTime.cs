using System.Globalization;

namespace Placeshaper.Common;

/// <summary>Times as people in the UK read them: stored values are UTC, deadlines are read in UK local time.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The date in the UK at that moment: what "today" means for standstill and deadlines.</summary>
    public static DateOnly UkDate(this DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>e.g. "21 November 2026, 11:31pm".</summary>
    public static string ToLocalUkTime(this DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return local.ToString("d MMMM yyyy, h:mm", EnGb) + local.ToString("tt", CultureInfo.InvariantCulture).ToLowerInvariant();
    }

    /// <summary>e.g. "21 November 2026", the date in the UK at that moment.</summary>
    public static string ToUkDate(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("d MMMM yyyy", EnGb);

    /// <summary>The first moment of a UK date, in UTC: when a period that runs "from" that day starts.</summary>
    public static DateTime StartOfUkDay(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The last second of a UK date, in UTC: when a period that runs "to the end of" that day ends.</summary>
    public static DateTime EndOfUkDay(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Unspecified), Zone);
}
