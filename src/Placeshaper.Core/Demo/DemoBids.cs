using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Providers;
using Placeshaper.Tenders;

namespace Placeshaper.Demo;

/// <summary>
/// A small tender whose deadline has passed, with three sealed bids that the procurement officer has opened: a
/// community interest company, a charity and a large company, ready for evaluation.
/// </summary>
internal static class DemoBids
{
    public const string Reference = "ANYTOWN-2026-009";

    private static readonly string[] Descriptors =
    [
        "No answer, or an answer that does not address the question",
        "Poor: significant gaps or concerns",
        "Weak: meets some of the requirement with limited evidence",
        "Adequate: meets the requirement with some evidence",
        "Good: meets the requirement fully with clear evidence",
        "Excellent: exceeds the requirement with strong evidence and added value for residents",
    ];

    private sealed record Offer(string Provider, string Email, decimal Price, string[] Answers, BidContent.Commitment[] Commitments, int[] Consensus);

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, IReadOnlyDictionary<string, Provider> providers, Guid openedBy, SealingKeys keys, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Tenders.IgnoreQueryFilters().AnyAsync(t => t.OrganisationId == anytown.Id && t.Reference == Reference, cancellationToken))
        {
            return;
        }

        var programme = await db.Programmes.IgnoreQueryFilters().SingleAsync(p => p.OrganisationId == anytown.Id && p.Name == "Older people living independently", cancellationToken);
        var drafted = now.AddDays(-45);
        var tender = Tender.Draft(anytown.Id, programme.Id, Reference, "Community transport for older people",
            "Door-to-door minibus trips to day centres, shops and appointments for older people who cannot use buses, across Anytown.",
            ContractKind.GoodsAndServices, 180_000m, ProcurementThresholds.Official, drafted).Value!;
        tender.SetAwardCriteria(40, 45, 15, null,
        [
            new(null, QuestionKind.Quality, "How will you make trips safe, reliable and easy to book for people with limited mobility or memory problems?", 60, Descriptors),
            new(null, QuestionKind.Quality, "How will you recruit, train and support drivers and volunteers?", 40, Descriptors),
            new(null, QuestionKind.SocialValue, "How will the service reduce loneliness and keep money in Anytown?", 100, Descriptors),
        ], drafted);
        tender.SetLots([], "One minibus fleet serves the whole town; splitting it would duplicate vehicles and depots for a contract this size.", true, true, drafted);
        tender.SetTimetable(now.AddDays(-20), now.AddDays(-3), drafted);
        tender.Publish(drafted, ProcurementThresholds.Official);
        db.Tenders.Add(tender);

        Offer[] offers =
        [
            new("Anytown Community Care CIC", "care@anytown-community-care.example", 168_500m,
                ["Drivers trained in dementia awareness; booking by phone with a named coordinator; wheelchair-accessible vehicles checked daily.", "Paid drivers at the real living wage, backed by 20 trained volunteers."],
                [new(Guid.Empty, "Local people employed at the real living wage", 6, "people")], [4, 4, 4]),
            new("Brightside Family Support", "hello@brightside.example", 152_000m,
                ["Volunteer escorts on every trip for people who need them; text reminders the day before; a fixed weekly timetable people can learn.", "Volunteer drivers recruited through our family support network, with DBS checks and a buddy scheme."],
                [new(Guid.Empty, "Volunteer hours in Anytown", 2_400, "hours")], [4, 3, 5]),
            new("Northgate Facilities Ltd", "bids@northgate-facilities.example", 139_900m,
                ["Online booking and a national call centre; vehicles tracked by GPS.", "Drivers from our regional pool, trained to our national standard."],
                [new(Guid.Empty, "Apprenticeships", 1, "people")], [2, 2, 1]),
        ];
        var questions = tender.Questions.OrderBy(q => q.Order).ToList();
        var socialValue = questions.Single(q => q.Kind == QuestionKind.SocialValue);
        var bids = new List<(Bid Bid, Offer Offer)>();
        for (var i = 0; i < offers.Length; i++)
        {
            var offer = offers[i];
            var content = new BidContent(
                [new BidContent.LotPrice(null, offer.Price)],
                [new(questions[0].Id, offer.Answers[0]), new(questions[1].Id, offer.Answers[1]), new(socialValue.Id, $"{offer.Commitments[0].Quantity:0} {offer.Commitments[0].Unit}: {offer.Commitments[0].Measure}.")],
                offer.Commitments.Select(c => c with { QuestionId = socialValue.Id }).ToList(),
                []);
            var bidder = await db.Users.Where(p => p.Email == offer.Email).Select(p => p.Id).SingleAsync(cancellationToken);
            var bid = Bid.Seal(anytown.Id, tender.Id, providers[offer.Provider].Id, bidder, JsonSerializer.SerializeToUtf8Bytes(content), keys, now.AddDays(-10 + i));
            db.Bids.Add(bid);
            bids.Add((bid, offer));
        }

        tender.RecordBidsOpened(openedBy, now.AddDays(-2));
        db.RecordDecision(new AuditDecision(anytown.Id, "bids-opened", nameof(Tender), tender.Id.ToString(), After: JsonSerializer.Serialize(new { tender = Reference, demo = true })));
        await db.SaveChangesAsync(cancellationToken);
        await EvaluateAsync(db, tender, bids, questions, providers, openedBy, now, cancellationToken);
    }

    /// <summary>Two panel members declared, scored alone and submitted; the consensus is agreed, so the ranking shows.</summary>
    private static async Task EvaluateAsync(PlaceshaperDb db, Tender tender, List<(Bid Bid, Offer Offer)> bids, List<TenderQuestion> questions, IReadOnlyDictionary<string, Provider> providers, Guid procurement, DateTime now, CancellationToken cancellationToken)
    {
        var evaluator = await db.Users.Where(p => p.Email == "evaluator@anytown.example").Select(p => p.Id).SingleAsync(cancellationToken);
        var evaluation = Evaluation.BidEvaluation.For(tender, now.AddDays(-2));
        var live = bids.Select(b => b.Bid.Id).ToList();
        foreach (var person in new[] { evaluator, procurement })
        {
            evaluation.Appoint(person, now.AddDays(-2));
            evaluation.Declare(person, false, null, now.AddDays(-2));
        }

        foreach (var (bid, offer) in bids)
        {
            for (var q = 0; q < questions.Count; q++)
            {
                var consensus = offer.Consensus[q];
                // The evaluator is a little harsher on the first question; moderation settles on the consensus.
                evaluation.Score(evaluator, bid.Id, questions[q].Id, q == 0 ? Math.Max(0, consensus - 1) : consensus, "Scored against the descriptors: see the answer's evidence.", live, tender, now.AddDays(-1));
                evaluation.Score(procurement, bid.Id, questions[q].Id, consensus, "Scored against the descriptors: see the answer's evidence.", live, tender, now.AddDays(-1));
            }
        }

        evaluation.Submit(evaluator, live, tender, now.AddDays(-1));
        evaluation.Submit(procurement, live, tender, now.AddDays(-1));
        foreach (var (bid, offer) in bids)
        {
            for (var q = 0; q < questions.Count; q++)
            {
                evaluation.Moderate(procurement, bid.Id, questions[q].Id, offer.Consensus[q], "Consensus at the moderation meeting, with the evaluator's notes.", live, tender, now.AddHours(-3));
            }
        }

        db.Evaluations.Add(evaluation);

        // The winner's financial standing checked on the register's turnover, then the award decided this morning: the
        // standstill runs, and each bidder can read its assessment summary in the portal.
        var entries = bids.Select(b => new Evaluation.EvaluationResults.Entry(b.Bid.Id, b.Offer.Provider, new Dictionary<Guid, decimal>(), b.Offer.Price)).ToList();
        var ranking = Evaluation.EvaluationResults.For(tender, evaluation, entries, []).Value!;
        var decidedAt = now.AddHours(-1);
        var winner = bids.Single(b => b.Bid.Id == ranking[0].Bids[0].BidId);
        db.SupplierChecks.Add(Evaluation.SupplierCheck.Record(null, new Evaluation.SupplierCheck.Known(
                tender.OrganisationId, tender.Id, winner.Bid.Id, winner.Bid.ProviderId,
                Evaluation.AnnualValue.For(tender, [null], null), providers[winner.Offer.Provider].Turnover, []),
            new Evaluation.SupplierCheck.Figures(null, null, null, null, null), procurement, now.AddHours(-2)).Value!);
        var standstill = Calendar.Standstill.For(decidedAt.UkDate(), new Calendar.WorkingDays([]));
        db.AwardDecisions.Add(Evaluation.AwardDecision.Decide(tender, ranking[0], null, procurement, standstill, decidedAt).Value!);
        await db.SaveChangesAsync(cancellationToken);
    }
}
