namespace Placeshaper.Budgets;

/// <summary>
/// Splits an amount of money between parties by weight so that the parts are whole pence and add up to the amount
/// exactly (the largest remainder method, as used for apportioning pooled-fund variances): each part is first cut
/// to the penny toward zero, then the pence left over go one each to the parts that lost most in the cut (ties to
/// the earlier party). No part is ever more than a penny from its exact share.
/// </summary>
public static class LargestRemainder
{
    public static IReadOnlyList<decimal> Split(decimal amount, IReadOnlyList<decimal> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(decimal.Round(amount, 2), amount, nameof(amount));
        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.Sum() == 0)
        {
            throw new ArgumentException("Weights must be non-negative with a positive total.", nameof(weights));
        }

        var total = weights.Sum();
        var exact = weights.Select(w => amount * w / total).ToList();
        var parts = exact.Select(e => decimal.Truncate(e * 100) / 100).ToList();
        var leftoverPence = (int)((amount - parts.Sum()) * 100);
        var penny = Math.Sign(leftoverPence) * 0.01m;
        var byLoss = Enumerable.Range(0, parts.Count)
            .OrderByDescending(i => Math.Abs(exact[i] - parts[i]))
            .ThenBy(i => i)
            .Take(Math.Abs(leftoverPence));
        foreach (var i in byLoss)
        {
            parts[i] += penny;
        }

        return parts;
    }
}
