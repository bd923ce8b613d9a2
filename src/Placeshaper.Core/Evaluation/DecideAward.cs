using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Bids;
using Placeshaper.Calendar;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// The award decision for a lot, taken on the moderated ranking and recorded with the standstill it starts; and the
/// award itself once the standstill is over. Both are decisions in the audit trail.
/// </summary>
public sealed class DecideAward(PlaceshaperDb db, SealedBids sealedBids, WorkingCalendar calendar)
{
    public sealed record Outcome(AwardDecision? Decision, Errors? Errors = null, string? Refusal = null);

    public async Task<Outcome> DecideAsync(Tender tender, BidEvaluation evaluation, Guid? lotId, string? abnormallyLowExplanation, Guid personId, CancellationToken cancellationToken)
    {
        var live = await EvaluationQueries.LiveBidsAsync(db, tender.Id, cancellationToken);
        if (!evaluation.IsModerated(live, tender))
        {
            return new Outcome(null, Refusal: "Every answer of every bid must be moderated before an award decision.");
        }

        if (lotId is { } id && tender.Lots.All(l => l.Id != id) || lotId is null && tender.Lots.Count > 0)
        {
            return new Outcome(null, Errors.For("lotId", "Choose one of the tender's lots"));
        }

        if (await db.AwardDecisions.AnyAsync(a => a.TenderId == tender.Id && a.LotId == lotId, cancellationToken))
        {
            return new Outcome(null, Refusal: "This lot already has an award decision.");
        }

        var (read, opened) = await sealedBids.ReadAllAsync(tender, personId, cancellationToken);
        if (read != SealedRead.Allowed)
        {
            return new Outcome(null, Refusal: "Declare any conflict of interest before deciding the award.");
        }

        var bidders = await BidQueries.BiddersAsync(db, opened.Select(o => o.Bid.ProviderId), cancellationToken);
        var checks = await EvaluationQueries.ChecksAsync(db, tender.Id, cancellationToken);
        var results = EvaluationResults.For(tender, evaluation, opened.Select(o => EvaluationQueries.Entry(o, bidders.GetValueOrDefault(o.Bid.ProviderId, ""))).ToList(),
            EvaluationQueries.Excluded(checks));
        if (!results.Succeeded)
        {
            return new Outcome(null, results.Errors);
        }

        // Proportionate checks fall on the bidder about to win, not on every bidder: it must have passed one.
        var winner = results.Value.Single(l => l.LotId == lotId).Bids.FirstOrDefault(b => b.Score.Rank == 1);
        if (winner is not null && (!checks.TryGetValue(winner.BidId, out var check) || !check.Passes))
        {
            return new Outcome(null, Refusal: check is null
                ? $"Check {winner.Bidder}'s financial standing before deciding the award."
                : $"{winner.Bidder}'s financial standing is not known yet: ask for its latest accounts and check it again before deciding the award.");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        // The contract award notice is published with the decision, so the standstill begins today (UK date).
        var standstill = await calendar.StandstillEndsAsync(now.UkDate(), cancellationToken);
        var decided = AwardDecision.Decide(tender, results.Value.Single(l => l.LotId == lotId), abnormallyLowExplanation, personId, standstill, now);
        if (!decided.Succeeded)
        {
            return new Outcome(null, decided.Errors);
        }

        db.AwardDecisions.Add(decided.Value);
        db.RecordDecision(new AuditDecision(tender.OrganisationId, "award-decided", nameof(Tender), tender.Id.ToString(), After: JsonSerializer.Serialize(new
        {
            lot = lotId,
            supplier = decided.Value.Supplier,
            value = decided.Value.Value,
            standstillEndsOn = decided.Value.StandstillEndsOn,
            warnings = standstill.Warnings,
        })));
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(decided.Value);
    }

    public async Task<Errors?> AwardAsync(AwardDecision decision, Guid personId, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var errors = decision.Award(personId, now.UkDate(), now);
        if (errors is null)
        {
            db.RecordDecision(new AuditDecision(decision.OrganisationId, "contract-awarded", nameof(Tender), decision.TenderId.ToString(),
                After: JsonSerializer.Serialize(new { lot = decision.LotId, supplier = decision.Supplier, value = decision.Value })));
            var commitments = await sealedBids.AwardedCommitmentsAsync(decision, cancellationToken);
            await Contracts.ContractFromAward.AddAsync(db, decision, commitments, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return errors;
    }
}
