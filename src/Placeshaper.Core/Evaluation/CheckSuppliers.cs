using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// Checks a bidder's financial standing against what it bid for, from the provider register and the figures an
/// officer enters, and records the check as a decision. The lots a bid priced are read through the seal, so only a
/// reader clear to read the opened bids can check.
/// </summary>
public sealed class CheckSuppliers(PlaceshaperDb db, SealedBids sealedBids)
{
    /// <param name="Read">Why the bid could not be read, when it could not (too early is a 403; the rest are 409s).</param>
    public sealed record Outcome(SupplierCheck? Check, Errors? Errors = null, string? Refusal = null, bool NotFound = false, SealedRead Read = SealedRead.Allowed);

    public sealed record Prepared(Bid Bid, string Bidder, SupplierCheck.Known Known, SupplierCheck? Current);

    /// <summary>What the check starts from, or why it cannot be done; null when the bid is not a live bid of the tender.</summary>
    public async Task<(Prepared? Prepared, SealedRead Read)> PrepareAsync(Tender tender, Guid bidId, Guid personId, CancellationToken cancellationToken)
    {
        var bid = await db.Bids.SingleOrDefaultAsync(b => b.Id == bidId && b.TenderId == tender.Id && b.Status == BidStatus.Submitted, cancellationToken);
        if (bid is null)
        {
            return (null, SealedRead.Allowed);
        }

        var (read, opened) = await sealedBids.ReadAsync(tender, bid, personId, cancellationToken);
        if (read != SealedRead.Allowed || opened is null)
        {
            return (null, read);
        }

        var provider = await db.Providers.Include(p => p.Members).SingleAsync(p => p.Id == bid.ProviderId, cancellationToken);
        var memberIds = provider.Members.Select(m => m.MemberId).ToList();
        var members = await db.Providers.Where(p => memberIds.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new SupplierCheck.Member(p.Name, p.Turnover)).ToListAsync(cancellationToken);
        var months = tender.SpecificationId is { } specificationId
            ? await db.Specifications.Where(s => s.Id == specificationId).Select(s => s.ContractMonths).SingleOrDefaultAsync(cancellationToken)
            : null;
        var annual = AnnualValue.For(tender, opened.Content.Prices.Select(p => p.LotId).ToList(), months);
        var current = await db.SupplierChecks.SingleOrDefaultAsync(c => c.BidId == bid.Id, cancellationToken);
        return (new Prepared(bid, provider.Name, new SupplierCheck.Known(tender.OrganisationId, tender.Id, bid.Id, bid.ProviderId, annual, provider.Turnover, members), current), SealedRead.Allowed);
    }

    public async Task<Outcome> RecordAsync(Tender tender, Guid bidId, SupplierCheck.Figures figures, Guid personId, CancellationToken cancellationToken)
    {
        var (prepared, read) = await PrepareAsync(tender, bidId, personId, cancellationToken);
        if (prepared is null)
        {
            return read == SealedRead.Allowed ? new Outcome(null, NotFound: true) : new Outcome(null, Refusal: Refusal(read), Read: read);
        }

        if (await db.AwardDecisions.AnyAsync(a => a.TenderId == tender.Id, cancellationToken))
        {
            return new Outcome(null, Refusal: "An award decision has been taken on these checks: they can no longer change.");
        }

        var recorded = SupplierCheck.Record(prepared.Current, prepared.Known, figures, personId, db.Clock.GetUtcNow().UtcDateTime);
        if (!recorded.Succeeded)
        {
            return new Outcome(null, recorded.Errors);
        }

        var check = recorded.Value;
        if (prepared.Current is null)
        {
            db.SupplierChecks.Add(check);
        }

        db.RecordDecision(new AuditDecision(tender.OrganisationId, "supplier-checked", nameof(Tender), tender.Id.ToString(), After: JsonSerializer.Serialize(new
        {
            bid = check.BidId,
            bidder = prepared.Bidder,
            outcome = check.Outcome.ToString(),
            annualValue = check.AnnualValue,
            required = check.Required,
            turnover = check.Turnover,
            guarantor = check.GuarantorName,
            guarantorTurnover = check.GuarantorTurnover,
            overrideReason = check.OverrideReason,
            explanation = check.Explanation,
        })));
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(check);
    }

    public static string Refusal(SealedRead read) => read switch
    {
        SealedRead.TooEarly => "Bids stay sealed until the deadline for bids: nobody can check a bidder before then.",
        SealedRead.NotOpened => "Bidders are checked once the bids have been opened.",
        _ => "Declare any conflict of interest before checking bidders.",
    };
}
