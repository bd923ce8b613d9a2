using System.Globalization;

namespace Placeshaper.Reviews;

/// <summary>How ratings read on the page: figures in words, as screen readers and print need them, not just star glyphs.</summary>
public static class Stars
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(decimal? rating) => rating is { } r ? $"{r.ToString("0.00", EnGb)} out of 5" : "No ratings yet";

    public static string Of(int rating) => rating == 1 ? "1 star" : $"{rating} stars";

    public static string Reviews(int count) => count == 1 ? "1 review" : $"{count.ToString("N0", EnGb)} reviews";

    public static string Date(DateTime when) => when.ToString("d MMMM yyyy", EnGb);
}
