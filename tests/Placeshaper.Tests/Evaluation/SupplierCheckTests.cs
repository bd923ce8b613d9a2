using Placeshaper.Evaluation;
using Placeshaper.Tenders;

namespace Placeshaper.Tests.Evaluation;

public sealed class SupplierCheckTests
{
    private static readonly DateTime Now = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);

    private static Tender ATender(decimal value = 900_000m, params (string Title, decimal Value)[] lots)
    {
        var tender = Tender.Draft(Guid.NewGuid(), null, "T-1", "Home care", null, ContractKind.GoodsAndServices, value, ProcurementThresholds.Official, Now).Value!;
        if (lots.Length > 0)
        {
            tender.SetLots(lots.Select(l => ((string?)l.Title, (decimal?)l.Value)).ToList(), null, true, true, Now).ShouldBeNull();
        }

        return tender;
    }

    [Fact]
    public void The_annual_value_is_the_estimate_of_what_was_bid_for_spread_over_the_initial_term()
    {
        var tender = ATender(900_000m, ("North", 300_000m), ("South", 600_000m));
        var north = tender.Lots.Single(l => l.Number == 1).Id;
        var south = tender.Lots.Single(l => l.Number == 2).Id;

        // One lot over three years: 300,000 × 12 ÷ 36.
        AnnualValue.For(tender, [north], 36).Value.ShouldBe(100_000m);
        AnnualValue.For(tender, [north, south], 36).Value.ShouldBe(300_000m);
        // 300,000 × 12 ÷ 28 = 128,571.428…, to the penny.
        AnnualValue.For(tender, [north], 28).Value.ShouldBe(128_571.43m);
        AnnualValue.For(tender, [north], 6).Value.ShouldBe(300_000m);
        var unknownTerm = AnnualValue.For(tender, [north], null);
        (unknownTerm.Value, unknownTerm.Basis).ShouldBe((300_000m, "Lot 1's estimated value of £300,000.00, taken as one year's: the tender has no specification giving the contract's term"));
        AnnualValue.For(ATender(), [null], 24).Value.ShouldBe(450_000m);
    }

    private static SupplierCheck.Known Known(decimal annual, decimal? turnover, params SupplierCheck.Member[] members) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new AnnualValue.Suggestion(annual, "The tender's estimated value"), turnover, members);

    [Fact]
    public void A_check_takes_the_suggested_value_and_the_registers_turnover_unless_the_officer_enters_others()
    {
        var person = Guid.NewGuid();
        var check = SupplierCheck.Record(null, Known(100_000m, 250_000m), new(null, null, null, null, null), person, Now).Value!;
        (check.Outcome, check.AnnualValue, check.Turnover, check.Required, check.Passes, check.CheckedBy).ShouldBe((FinancialStanding.Outcome.Meets, 100_000m, 250_000m, 200_000m, true, person));

        var entered = SupplierCheck.Record(check, Known(100_000m, 250_000m), new(150_000m, 240_000m, null, null, null), person, Now.AddHours(1)).Value!;
        entered.ShouldBeSameAs(check, "checking again replaces the check; the audit trail keeps each one");
        (entered.Outcome, entered.Excludes, entered.Required).ShouldBe((FinancialStanding.Outcome.DoesNotMeet, true, 300_000m));
        entered.AnnualValueBasis.ShouldStartWith("Entered by the officer (the tender suggests £100,000.00");
    }

    [Fact]
    public void A_consortium_passes_on_its_members_turnover_from_the_register_and_a_guarantor_needs_a_name_and_a_turnover()
    {
        var consortium = SupplierCheck.Record(null, Known(100_000m, null, new("Care CIC", 150_000m), new("Brightside", 90_000m)), new(null, null, null, null, null), Guid.NewGuid(), Now).Value!;
        (consortium.Outcome, consortium.Members.Count).ShouldBe((FinancialStanding.Outcome.MeetsAsConsortium, 2));
        SupplierCheck.Record(null, Known(100_000m, null, new("Care CIC", 150_000m), new("Unknown", null)), new(null, null, null, null, null), Guid.NewGuid(), Now).Value!
            .Outcome.ShouldBe(FinancialStanding.Outcome.Unknown, "a member's turnover is missing: ask for accounts, never assume");

        SupplierCheck.Record(null, Known(100_000m, 50_000m), new(null, null, "Parent Ltd", null, null), Guid.NewGuid(), Now).Errors!.ByField.Keys.ShouldBe(["guarantorTurnover"]);
        SupplierCheck.Record(null, Known(100_000m, 50_000m), new(null, null, " ", 900_000m, null), Guid.NewGuid(), Now).Errors!.ByField.Keys.ShouldBe(["guarantorName"]);
        SupplierCheck.Record(null, Known(100_000m, 50_000m), new(0m, -1m, null, null, null, 0m), Guid.NewGuid(), Now).Errors!.ByField.Keys.Order()
            .ShouldBe(["annualValue", "turnover", "turnoverMultiple"]);
        SupplierCheck.Record(null, Known(100_000m, 50_000m), new(100_000.001m, null, null, null, null), Guid.NewGuid(), Now).Errors!.ByField.Keys.ShouldBe(["annualValue"]);
    }

    [Fact]
    public void An_override_reason_is_kept_only_when_it_is_what_the_bidder_passed_on()
    {
        var accepted = SupplierCheck.Record(null, Known(100_000m, 120_000m), new(null, null, null, null, "  Profitable for ten years  "), Guid.NewGuid(), Now).Value!;
        (accepted.Outcome, accepted.OverrideReason).ShouldBe((FinancialStanding.Outcome.AcceptedWithReason, "Profitable for ten years"));
        var meets = SupplierCheck.Record(null, Known(100_000m, 500_000m), new(null, null, null, null, "Not needed"), Guid.NewGuid(), Now).Value!;
        (meets.Outcome, meets.OverrideReason).ShouldBe((FinancialStanding.Outcome.Meets, ""));
    }
}
