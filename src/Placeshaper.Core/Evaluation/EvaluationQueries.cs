using Microsoft.EntityFrameworkCore;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

public static class EvaluationQueries
{
    /// <summary>The tender's evaluation, started when first needed once its bids are open; null before that.</summary>
    public static async Task<BidEvaluation?> FindOrStartAsync(PlaceshaperDb db, Tender tender, CancellationToken cancellationToken)
    {
        var evaluation = await db.Evaluations.Include(e => e.Declarations).Include(e => e.Panel).Include(e => e.Scores).Include(e => e.Moderated).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.TenderId == tender.Id, cancellationToken);
        if (evaluation is null && tender.BidsOpenedAt is not null)
        {
            evaluation = BidEvaluation.For(tender, db.Clock.GetUtcNow().UtcDateTime);
            db.Evaluations.Add(evaluation);
        }

        return evaluation;
    }

    public static async Task<IReadOnlyList<Guid>> LiveBidsAsync(PlaceshaperDb db, Guid tenderId, CancellationToken cancellationToken) =>
        await db.Bids.Where(b => b.TenderId == tenderId && b.Status == BidStatus.Submitted).OrderBy(b => b.SubmittedAt).Select(b => b.Id).ToListAsync(cancellationToken);

    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(PlaceshaperDb db, IEnumerable<Guid> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        return await db.Users.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
    }

    /// <summary>The tender's supplier checks, by bid.</summary>
    public static async Task<IReadOnlyDictionary<Guid, SupplierCheck>> ChecksAsync(PlaceshaperDb db, Guid tenderId, CancellationToken cancellationToken) =>
        await db.SupplierChecks.AsNoTracking().Where(c => c.TenderId == tenderId).ToDictionaryAsync(c => c.BidId, cancellationToken);

    /// <summary>The bids left out of the ranking: their bidders did not meet a supplier check.</summary>
    public static IReadOnlyCollection<Guid> Excluded(IReadOnlyDictionary<Guid, SupplierCheck> checks) =>
        checks.Values.Where(c => c.Excludes).Select(c => c.BidId).ToHashSet();

    /// <summary>The opened bids as the ranking needs them, read through the seal (so the reader must be clear to read).</summary>
    public static EvaluationResults.Entry Entry(SealedBids.Opened opened, string bidder) => new(
        opened.Bid.Id,
        bidder,
        opened.Content.Prices.Where(p => p.LotId is not null).ToDictionary(p => p.LotId!.Value, p => p.Price),
        opened.Content.Prices.FirstOrDefault(p => p.LotId is null)?.Price);
}
