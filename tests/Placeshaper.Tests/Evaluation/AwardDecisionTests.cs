using Placeshaper.Calculators;
using Placeshaper.Calendar;
using Placeshaper.Evaluation;
using Placeshaper.Tenders;

namespace Placeshaper.Tests.Evaluation;

public sealed class AwardDecisionTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Standstill.Period Period = new(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 2), []);

    private static Tender ATender() => Tender.Draft(Guid.NewGuid(), null, "T-1", "Transport", null, ContractKind.GoodsAndServices, 100_000m, ProcurementThresholds.Official, Now).Value!;

    private static EvaluationResults.Ranked Ranked(string bidder, int rank, bool abnormallyLow, decimal total) =>
        new(Guid.NewGuid(), bidder, new TenderEvaluation.ScoredBid(bidder, 50_000m, 40m, total - 50m, 10m, total, rank, abnormallyLow, 70_000m, []));

    [Fact]
    public void An_abnormally_low_winner_needs_the_reason_its_price_was_accepted()
    {
        var lot = new EvaluationResults.Lot(null, "Whole contract", [Ranked("Cheap Ltd", 1, abnormallyLow: true, 90.123m), Ranked("Fair CIC", 2, false, 80m)]);

        AwardDecision.Decide(ATender(), lot, null, Guid.NewGuid(), Period, Now).Errors!.ByField.Keys.ShouldBe(["abnormallyLowExplanation"]);
        var decided = AwardDecision.Decide(ATender(), lot, "Volunteer drivers explain the lower staff costs; checked against their accounts", Guid.NewGuid(), Period, Now).Value!;

        decided.Supplier.ShouldBe("Cheap Ltd");
        decided.Places.Select(p => (p.Bidder, p.Total, p.Rank)).ShouldBe([("Cheap Ltd", 90.12m, 1), ("Fair CIC", 80m, 2)]);
    }

    [Theory]
    [InlineData(2026, 12, 2, false)]
    [InlineData(2026, 12, 3, true)]
    public void The_contract_is_entered_into_only_after_the_standstills_last_day(int year, int month, int day, bool allowed)
    {
        var lot = new EvaluationResults.Lot(null, "Whole contract", [Ranked("Fair CIC", 1, false, 80m)]);
        var decision = AwardDecision.Decide(ATender(), lot, null, Guid.NewGuid(), Period, Now).Value!;

        var errors = decision.Award(Guid.NewGuid(), new DateOnly(year, month, day), Now);

        (errors is null).ShouldBe(allowed);
        decision.Status.ShouldBe(allowed ? AwardStatus.Awarded : AwardStatus.Standstill);
    }

    [Fact]
    public void A_lot_nobody_bid_for_cannot_be_awarded()
    {
        var empty = new EvaluationResults.Lot(Guid.NewGuid(), "Lot 2", []);

        AwardDecision.Decide(ATender(), empty, null, Guid.NewGuid(), Period, Now).Errors!.ByField.Keys.ShouldBe(["lotId"]);
    }
}
