namespace Placeshaper.Benchmarks;

/// <summary>
/// The distribution of a group's figures: count, minimum, lower quartile, median, upper quartile, maximum, in exact
/// decimal arithmetic. Quantiles are Hyndman and Fan's type 7 (linear interpolation between closest ranks: R's
/// default and Excel's QUARTILE.INC): with the n values sorted x[0..n-1], the p-quantile is at h = (n - 1)p and is
/// x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋]).
/// </summary>
public sealed record Distribution(int Count, decimal Minimum, decimal LowerQuartile, decimal Median, decimal UpperQuartile, decimal Maximum)
{
    public static Distribution Of(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A distribution needs at least one value", nameof(values));
        }

        return new Distribution(sorted.Length, sorted[0], Quantile(sorted, 0.25m), Quantile(sorted, 0.5m), Quantile(sorted, 0.75m), sorted[^1]);
    }

    /// <summary>The type 7 p-quantile of values already sorted ascending.</summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1m);
        var h = (sorted.Count - 1) * p;
        var below = (int)decimal.Floor(h);
        return below + 1 >= sorted.Count ? sorted[below] : sorted[below] + ((h - below) * (sorted[below + 1] - sorted[below]));
    }

    /// <summary>Where a value sits, in words: which quarter of the distribution.</summary>
    public string Place(decimal value) =>
        value < LowerQuartile ? "Lowest quarter"
        : value <= Median ? "Second quarter"
        : value <= UpperQuartile ? "Third quarter"
        : "Highest quarter";
}
