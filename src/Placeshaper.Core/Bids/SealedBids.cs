using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Bids;

public enum SealedRead
{
    Allowed,

    /// <summary>Before the deadline: nobody reads a bid, and the attempt is recorded.</summary>
    TooEarly,

    /// <summary>After the deadline, but no officer has opened the bids yet, which is itself a recorded decision.</summary>
    NotOpened,

    /// <summary>Opened, but the reader has not declared that they have no conflict of interest with the bidders.</summary>
    NotDeclared,
}

/// <summary>
/// The one way to a bid's content. Every route that shows a bid (page, API, download) asks here, so the rule lives
/// once: nothing before the deadline, for anyone, and each refused attempt goes in the audit trail with who tried.
/// </summary>
public sealed class SealedBids(PlaceshaperDb db, SealingKeys keys)
{
    public sealed record Opened(Bid Bid, BidContent Content);

    /// <summary>Opens the tender's bids for evaluation: allowed once the deadline has passed, and recorded.</summary>
    public async Task<SealedRead> OpenAsync(Tender tender, Guid personId, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (tender.Status != TenderStatus.Published || tender.BidsAreSealed(now))
        {
            await RefuseAsync(tender, "open the bids", cancellationToken);
            return SealedRead.TooEarly;
        }

        if (tender.BidsOpenedAt is null)
        {
            var receipts = await db.Bids.AsNoTracking().Where(b => b.TenderId == tender.Id && b.Status == BidStatus.Submitted)
                .OrderBy(b => b.SubmittedAt).Select(b => new { bid = b.Id, provider = b.ProviderId, receipt = b.Receipt }).ToListAsync(cancellationToken);
            tender.RecordBidsOpened(personId, now);
            db.RecordDecision(new AuditDecision(tender.OrganisationId, "bids-opened", nameof(Tender), tender.Id.ToString(),
                After: JsonSerializer.Serialize(new { tender = tender.Reference, deadline = tender.SubmissionDeadline, bids = receipts })));
            await db.SaveChangesAsync(cancellationToken);
        }

        return SealedRead.Allowed;
    }

    /// <summary>The buyer's reading of every live bid, once opened.</summary>
    public async Task<(SealedRead Read, IReadOnlyList<Opened> Bids)> ReadAllAsync(Tender tender, Guid readerId, CancellationToken cancellationToken)
    {
        var read = await CheckAsync(tender, readerId, "read the bids", cancellationToken);
        if (read != SealedRead.Allowed)
        {
            return (read, []);
        }

        var bids = await db.Bids.AsNoTracking().Where(b => b.TenderId == tender.Id && b.Status == BidStatus.Submitted).ToListAsync(cancellationToken);
        return (read, bids.OrderBy(b => b.SubmittedAt).Select(b => new Opened(b, Unseal(b))).ToList());
    }

    /// <summary>One bid, for the buyer once opened, or for its own bidder once the deadline has passed.</summary>
    /// <param name="readerId">The officer reading, who must have declared no conflict; null for the bid's own bidder.</param>
    public async Task<(SealedRead Read, Opened? Bid)> ReadAsync(Tender tender, Bid bid, Guid? readerId, CancellationToken cancellationToken)
    {
        var read = readerId is { } reader
            ? await CheckAsync(tender, reader, "read a bid", cancellationToken, bid)
            : tender.BidsAreSealed(db.Clock.GetUtcNow().UtcDateTime) ? await RefusedAsync(tender, "read their own bid", cancellationToken, bid, OwnBidReadRefused) : SealedRead.Allowed;
        return read == SealedRead.Allowed && bid.Status == BidStatus.Submitted ? (read, new Opened(bid, Unseal(bid))) : (read, null);
    }

    /// <summary>
    /// The social value commitments of the bid an award decision chose, for the contract the award enters into: the
    /// bids were opened before the decision, so nothing sealed is revealed. None when the bid is not found.
    /// </summary>
    public async Task<IReadOnlyList<BidContent.Commitment>> AwardedCommitmentsAsync(Evaluation.AwardDecision decision, CancellationToken cancellationToken)
    {
        var bid = await db.Bids.AsNoTracking().SingleOrDefaultAsync(b => b.Id == decision.BidId && b.Status == BidStatus.Submitted, cancellationToken);
        var opened = await db.Tenders.AsNoTracking().AnyAsync(t => t.Id == decision.TenderId && t.BidsOpenedAt != null, cancellationToken);
        return bid is null || !opened ? [] : Unseal(bid).Commitments;
    }

    private async Task<SealedRead> CheckAsync(Tender tender, Guid readerId, string attempt, CancellationToken cancellationToken, Bid? bid = null) =>
        tender.BidsAreSealed(db.Clock.GetUtcNow().UtcDateTime) ? await RefusedAsync(tender, attempt, cancellationToken, bid)
        : tender.BidsOpenedAt is null ? SealedRead.NotOpened
        : !await db.Evaluations.AnyAsync(e => e.TenderId == tender.Id && e.Declarations.Any(d => d.PersonId == readerId && !d.HasConflict), cancellationToken) ? SealedRead.NotDeclared
        : SealedRead.Allowed;

    /// <summary>
    /// A bidder's own early attempt to read its bid: recorded apart from officers' attempts, since it names the bidder,
    /// and so sealed in the trail until the deadline like the bid's other entries (<c>AuditQueries.SealBidsAsync</c>).
    /// </summary>
    public const string OwnBidReadRefused = "own-bid-read-refused";

    private async Task<SealedRead> RefusedAsync(Tender tender, string attempt, CancellationToken cancellationToken, Bid? bid = null, string action = "sealed-bid-read-refused")
    {
        await RefuseAsync(tender, attempt, cancellationToken, bid, action);
        return SealedRead.TooEarly;
    }

    private async Task RefuseAsync(Tender tender, string attempt, CancellationToken cancellationToken, Bid? bid = null, string action = "sealed-bid-read-refused")
    {
        db.RecordDecision(new AuditDecision(tender.OrganisationId, action, bid is null ? nameof(Tender) : nameof(Bid), (bid?.Id ?? tender.Id).ToString(),
            After: JsonSerializer.Serialize(new { tender = tender.Reference, attempt, deadline = tender.SubmissionDeadline })));
        await db.SaveChangesAsync(cancellationToken);
    }

    private BidContent Unseal(Bid bid)
    {
        var key = keys.Find(bid.KeyId) ?? throw new InvalidOperationException($"The sealing key {bid.KeyId} that sealed bid {bid.Id} is missing from the key file.");
        return JsonSerializer.Deserialize<BidContent>(BidSeal.Open(bid.Envelope, bid.Identity, key))!;
    }
}
