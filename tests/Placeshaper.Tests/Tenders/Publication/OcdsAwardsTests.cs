using Placeshaper.Calculators;
using Placeshaper.Calendar;
using Placeshaper.Evaluation;
using Placeshaper.Providers;
using Placeshaper.Tenders;
using Placeshaper.Tenders.Publication;

namespace Placeshaper.Tests.Tenders.Publication;

public sealed class OcdsAwardsTests
{
    private static readonly DateTime Decided = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static readonly Standstill.Period Period = new(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 2), []);

    private static (Tender Tender, AwardDecision Decision, Dictionary<Guid, Provider> Winners) Decision(ProviderDetails winner)
    {
        var tender = Tender.Draft(Guid.NewGuid(), null, "T-1", "Transport", null, ContractKind.GoodsAndServices, 100_000m, ProcurementThresholds.Official, Decided).Value!;
        var bidId = Guid.NewGuid();
        var lot = new EvaluationResults.Lot(null, "Whole contract",
            [new(bidId, winner.Name!, new TenderEvaluation.ScoredBid(winner.Name!, 52_000m, 40m, 40m, 10m, 90m, 1, false, 52_000m, []))]);
        var decision = AwardDecision.Decide(tender, lot, null, Guid.NewGuid(), Period, Decided).Value!;
        return (tender, decision, new() { [bidId] = Provider.Register(tender.OrganisationId, winner.Check().Value!, Decided) });
    }

    [Fact]
    public void A_decision_in_standstill_is_a_pending_award_whose_standstill_ends_with_its_last_uk_working_day()
    {
        var (tender, decision, winners) = Decision(new("Brightside Family Support", LegalForm.Charity, CharityNumber: "1002459", IsVcse: true));

        var award = OcdsAwards.For(tender, [decision], winners).ShouldHaveSingleItem();

        (award.Status, award.Value, award.Date, award.Contract).ShouldBe((AwardState.Pending, 52_000m, Decided, null));
        (award.StandstillStart, award.StandstillEnd).ShouldBe((Decided, new DateTime(2026, 12, 2, 23, 59, 59, DateTimeKind.Utc)), "in December the UK is on GMT");
        var supplier = award.Suppliers.ShouldHaveSingleItem();
        (supplier.Id, supplier.Identifier!.Scheme, supplier.Vcse).ShouldBe(("GB-CHC-1002459", "GB-CHC", true));
    }

    [Fact]
    public void Entering_into_the_contract_makes_the_award_active_and_adds_a_contract_signed_that_day()
    {
        var (tender, decision, winners) = Decision(new("Anytown Community Care CIC", LegalForm.CommunityInterestCompany, CompanyNumber: "99000101", IsVcse: true));
        var awardedAt = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        decision.Award(Guid.NewGuid(), new DateOnly(2026, 12, 3), awardedAt).ShouldBeNull();

        var awards = OcdsAwards.For(tender, [decision], winners);

        awards.Select(a => (a.Id, a.Status, a.Date)).ShouldBe([(decision.Id.ToString(), AwardState.Pending, Decided), (decision.Id.ToString(), AwardState.Active, awardedAt)]);
        var contract = awards[1].Contract.ShouldNotBeNull();
        (contract.Status, contract.Value, contract.DateSigned).ShouldBe((ContractState.Active, 52_000m, awardedAt));
        awards[1].Suppliers[0].Id.ShouldBe("GB-COH-99000101");
    }

    [Theory]
    [InlineData("SC012345", "GB-SC")]
    [InlineData("NIC100002", "GB-NIC")]
    [InlineData("1002459-1", "GB-CHC")]
    public void Charities_are_identified_in_their_regulators_scheme(string number, string scheme) =>
        OcdsAwards.Supplier(Provider.Register(Guid.NewGuid(), new ProviderDetails("A charity", LegalForm.Charity, CharityNumber: number).Check().Value!, Decided))
            .Identifier!.Scheme.ShouldBe(scheme);
}
