using System.Globalization;

namespace Placeshaper.Shared;

/// <summary>How dates and times read on screen: en-GB, in UK local time (stored values are UTC).</summary>
public static class Formats
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>e.g. "21 November 2026, 11:31pm".</summary>
    public static string ToLocalUkTime(this DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);
        return local.ToString("d MMMM yyyy, h:mm", EnGb) + local.ToString("tt", CultureInfo.InvariantCulture).ToLowerInvariant();
    }

    /// <summary>e.g. "21 November 2026", the date in the UK at that moment.</summary>
    public static string ToUkDate(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime).ToString("d MMMM yyyy", EnGb);
}
