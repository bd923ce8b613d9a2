using Microsoft.EntityFrameworkCore;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Portal;

/// <summary>What a provider's user may find: published tenders, and only their own provider's bids.</summary>
public static class PortalQueries
{
    public sealed record Mine(Bid Bid, Tender Tender);

    public static async Task<IReadOnlyList<Tender>> PublishedAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var tenders = await db.Tenders.AsNoTracking().Where(t => t.OrganisationId == organisationId && t.Status == TenderStatus.Published).ToListAsync(cancellationToken);
        return tenders.OrderBy(t => t.SubmissionDeadline).ToList();
    }

    /// <summary>A published tender; drafts and cancelled tenders do not exist for bidders.</summary>
    public static async Task<Tender?> FindPublishedAsync(PlaceshaperDb db, Guid organisationId, Guid tenderId, CancellationToken cancellationToken) =>
        await TenderQueries.FindAsync(db, organisationId, tenderId, cancellationToken) is { Status: TenderStatus.Published } tender ? tender : null;

    public static async Task<HashSet<Guid>> LiveBidsAsync(PlaceshaperDb db, Guid providerId, CancellationToken cancellationToken) =>
        (await db.Bids.Where(b => b.ProviderId == providerId && b.Status == BidStatus.Submitted).Select(b => b.TenderId).ToListAsync(cancellationToken)).ToHashSet();

    public static Task<Bid?> LiveBidAsync(PlaceshaperDb db, Guid tenderId, Guid providerId, CancellationToken cancellationToken) =>
        db.Bids.SingleOrDefaultAsync(b => b.TenderId == tenderId && b.ProviderId == providerId && b.Status == BidStatus.Submitted, cancellationToken);

    public static async Task<IReadOnlyList<BidViews.ReceiptView>> MyBidsAsync(PlaceshaperDb db, Guid organisationId, Guid providerId, CancellationToken cancellationToken)
    {
        var rows = await db.Bids.AsNoTracking().Where(b => b.OrganisationId == organisationId && b.ProviderId == providerId)
            .Join(db.Tenders, b => b.TenderId, t => t.Id, (b, t) => new { Bid = b, t.Reference })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Bid.SubmittedAt).Select(r => BidViews.Of(r.Bid, r.Reference)).ToList();
    }

    /// <summary>One of this provider's bids with its tender; another provider's bid is simply not found.</summary>
    public static async Task<Mine?> FindMineAsync(PlaceshaperDb db, Guid organisationId, Guid providerId, Guid bidId, CancellationToken cancellationToken)
    {
        var bid = await db.Bids.SingleOrDefaultAsync(b => b.Id == bidId && b.OrganisationId == organisationId && b.ProviderId == providerId, cancellationToken);
        return bid is not null && await TenderQueries.FindAsync(db, organisationId, bid.TenderId, cancellationToken) is { } tender ? new Mine(bid, tender) : null;
    }
}
