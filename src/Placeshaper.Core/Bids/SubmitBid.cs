using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Bids;

/// <summary>
/// A provider's bid going in, being replaced or being withdrawn, each only before the deadline. The content is sealed
/// on arrival; what the audit trail and the buyer learn is who bid, when, and the receipt.
/// </summary>
public sealed class SubmitBid(PlaceshaperDb db, SealingKeys keys)
{
    public sealed record Outcome(Bid? Bid, Errors? Errors = null, string? Refusal = null);

    public async Task<Outcome> SubmitAsync(Tender tender, Guid providerId, Guid personId, BidContent.Input input, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (Closed(tender, now) is { } refusal)
        {
            return new Outcome(null, Refusal: refusal);
        }

        var content = BidContent.From(input, tender);
        if (!content.Succeeded)
        {
            return new Outcome(null, content.Errors);
        }

        var previous = await db.Bids.Where(b => b.TenderId == tender.Id && b.ProviderId == providerId && b.Status == BidStatus.Submitted).ToListAsync(cancellationToken);
        foreach (var replaced in previous)
        {
            replaced.Close(BidStatus.Replaced, now);
        }

        var bid = Bid.Seal(tender.OrganisationId, tender.Id, providerId, personId, JsonSerializer.SerializeToUtf8Bytes(content.Value), keys, now);
        db.Bids.Add(bid);
        db.RecordDecision(new AuditDecision(tender.OrganisationId, previous.Count > 0 ? "bid-resubmitted" : "bid-submitted", nameof(Bid), bid.Id.ToString(),
            After: JsonSerializer.Serialize(new { tender = tender.Reference, provider = providerId, receipt = bid.Receipt, replaces = previous.Select(p => p.Id) })));
        // Saved before the deadline is checked again, so a bid racing the deadline cannot slip in after it.
        if (Closed(tender, db.Clock.GetUtcNow().UtcDateTime) is { } late)
        {
            return new Outcome(null, Refusal: late);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.Is(exception))
        {
            // Another submission from the same provider was saved between our read and our write (ix_bids_one_live_bid).
            return new Outcome(null, Refusal: "Another bid from you for this tender arrived at the same moment. Check your bids, then submit again if you need to.");
        }

        return new Outcome(bid);
    }

    public async Task<Outcome> WithdrawAsync(Tender tender, Bid bid, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (Closed(tender, now) is { } refusal)
        {
            return new Outcome(null, Refusal: refusal);
        }

        if (bid.Status != BidStatus.Submitted)
        {
            return new Outcome(null, Refusal: "This bid was already withdrawn or replaced.");
        }

        bid.Close(BidStatus.Withdrawn, now);
        db.RecordDecision(new AuditDecision(tender.OrganisationId, "bid-withdrawn", nameof(Bid), bid.Id.ToString(),
            After: JsonSerializer.Serialize(new { tender = tender.Reference, provider = bid.ProviderId, receipt = bid.Receipt })));
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(bid);
    }

    private static string? Closed(Tender tender, DateTime now) =>
        tender.Status != TenderStatus.Published ? "This tender is not taking bids."
        : tender.IsOpenForBids(now) ? null
        : $"The deadline for bids passed at {tender.SubmissionDeadline!.Value.ToLocalUkTime()}: late bids cannot be accepted.";
}
