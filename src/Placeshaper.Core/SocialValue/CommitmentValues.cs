using Placeshaper.Bids;
using Placeshaper.Tenders;

namespace Placeshaper.SocialValue;

/// <summary>
/// A bid's social value commitments beside the tender's measures: for each, the measure it counts towards (if any)
/// and what it is worth at the buyer's proxy value when the measure has one. Information for the evaluation panel
/// once bids are opened; the scores follow the award criteria and are not changed by it.
/// </summary>
public static class CommitmentValues
{
    public sealed record Line(BidContent.Commitment Commitment, TenderSocialValueMeasure? Measure, ProxyValue? Value);

    public static IReadOnlyList<Line> For(Tender tender, BidContent content) => content.Commitments.Select(c =>
    {
        var measure = c.MeasureCode is null ? null : tender.SocialValueMeasures.FirstOrDefault(m => string.Equals(m.Code, c.MeasureCode, StringComparison.OrdinalIgnoreCase));
        return new Line(c, measure, measure?.ProxyValue is { } perUnit ? ProxyValue.Of(c.Quantity, c.Unit, perUnit) : null);
    }).ToList();

    /// <summary>The exact sum of the commitments that have a proxy value.</summary>
    public static decimal Total(IEnumerable<Line> lines) => lines.Sum(l => l.Value?.Value ?? 0);
}
