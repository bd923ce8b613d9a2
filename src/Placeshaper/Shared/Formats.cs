namespace Placeshaper.Shared;

/// <summary>How dates and times read on screen: en-GB, in UK local time (stored values are UTC).</summary>
public static class Formats
{
    /// <summary>e.g. "21 November 2026, 11:31pm".</summary>
    public static string ToLocalUkTime(this DateTime utc) => Common.UkTime.ToLocalUkTime(utc);

    /// <summary>e.g. "21 November 2026", the date in the UK at that moment.</summary>
    public static string ToUkDate(this DateTime utc) => Common.UkTime.ToUkDate(utc);
}
