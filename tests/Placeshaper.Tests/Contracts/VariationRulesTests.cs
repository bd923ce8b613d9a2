using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Contracts;

namespace Placeshaper.Tests.Contracts;

public sealed class VariationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Council = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Requester = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Approver = Guid.Parse("00000000-0000-0000-0000-000000000002");

    private static Contract Made(decimal? total = 100_000m, ContractNature? nature = null) =>
        Contract.Create(Council, new Contract.Details("C-1", "Family support", null, null, "Brightside Family Support", null, null, total, null,
            new DateOnly(2026, 4, 1), new DateOnly(2028, 3, 31), Complete: total is not null, Nature: nature), Contract.Known.Nothing, Now).Value!;

    private static Variation Requested(Contract contract, decimal value, int months = 0, int number = 1) =>
        Variation.Request(contract, number, new(value, months, "More visits", "Demand rose"), Requester, "Procurement officer", Now).Value!;

    [Theory]
    [InlineData(ContractNature.Services, 10_000, false)]
    [InlineData(ContractNature.Services, 10_001, true)]
    [InlineData(ContractNature.Goods, -10_001, true)]
    [InlineData(ContractNature.Works, 15_000, false)]
    [InlineData(ContractNature.Works, 15_001, true)]
    public void The_limit_is_ten_percent_for_goods_and_services_and_fifteen_for_works_measured_against_the_original(ContractNature nature, int change, bool over)
    {
        var ledger = VariationLedger.Of(100_000m, nature, [change]);

        ledger.OverLimit.ShouldBe(over);
        ledger.Ratio.ShouldBe(decimal.Round(Math.Abs(change) / 100_000m, 4));
        ledger.CurrentValue.ShouldBe(100_000m + change);
    }

    [Fact]
    public void Approving_applies_the_change_to_the_current_value_and_term_but_never_to_the_original()
    {
        var contract = Made();
        var variation = Requested(contract, 8_000m, months: 6);

        variation.Approve(contract, [], Approver, "Commissioner", null, Now).ShouldBeNull();

        (contract.TotalValue, contract.OriginalValue, contract.CurrentExpiry).ShouldBe((108_000m, 100_000m, new DateOnly(2028, 9, 30)));
        (variation.Status, variation.ValueAfter, variation.CumulativeChange, variation.DecidedBy).ShouldBe((VariationStatus.Approved, 108_000m, 8_000m, Approver));
    }

    [Fact]
    public void Beyond_the_limit_taken_together_approval_needs_a_legal_basis_naming_the_field()
    {
        var contract = Made();
        var first = Requested(contract, 8_000m);
        first.Approve(contract, [], Approver, "Commissioner", null, Now).ShouldBeNull();
        var second = Requested(contract, 4_000m, number: 2);

        second.Approve(contract, [first], Approver, "Commissioner", null, Now)!.ByField.Keys.ShouldBe(["legalBasis"]);
        second.Approve(contract, [first], Approver, "Commissioner", "other:   ", Now)!.ByField.Keys.ShouldBe(["legalBasis"]);
        second.Status.ShouldBe(VariationStatus.Requested);
        contract.TotalValue.ShouldBe(108_000m, "a refused approval changes nothing");

        second.Approve(contract, [first], Approver, "Commissioner", "unforeseeable", Now).ShouldBeNull();
        (contract.TotalValue, second.LegalBasis, second.CumulativeChange).ShouldBe((112_000m, "unforeseeable", 12_000m));
    }

    [Fact]
    public void Other_legal_bases_are_recorded_in_their_own_words()
    {
        var contract = Made(nature: ContractNature.Works);
        var variation = Requested(contract, 20_000m);

        variation.Approve(contract, [], Approver, "Commissioner", "other: council resolution 2026/41", Now).ShouldBeNull();

        variation.LegalBasis.ShouldBe("other: council resolution 2026/41");
    }

    [Fact]
    public void The_requester_cannot_approve_or_reject_their_own_variation()
    {
        var contract = Made();
        var variation = Requested(contract, 1_000m);

        variation.Approve(contract, [], Requester, "Procurement officer", null, Now)!.ByField.Keys.ShouldBe(["approvedBy"]);
        variation.Reject(Requester, "Procurement officer", "Changed my mind", Now)!.ByField.Keys.ShouldBe(["rejectedBy"]);
        (variation.Status, contract.TotalValue).ShouldBe((VariationStatus.Requested, 100_000m));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_a_decided_variation_cannot_be_decided_again()
    {
        var contract = Made();
        var variation = Requested(contract, 1_000m);

        variation.Reject(Approver, "Commissioner", " ", Now)!.ByField.Keys.ShouldBe(["reason"]);
        variation.Reject(Approver, "Commissioner", "Not value for money", Now).ShouldBeNull();
        variation.Approve(contract, [], Approver, "Commissioner", null, Now)!.ByField.Keys.ShouldBe(["status"]);
        contract.TotalValue.ShouldBe(100_000m);
    }

    [Fact]
    public void A_bad_request_names_each_field()
    {
        var contract = Made();

        Variation.Request(contract, 1, new(null, -30, "", null), Requester, "P", Now).Errors!.ByField.Keys.Order().ShouldBe(["description", "reason", "termMonths"]);
        Variation.Request(contract, 1, new(-100_001m, null, "Less", "Less"), Requester, "P", Now).Errors!.ByField.Keys.ShouldBe(["valueChange"]);
        Variation.Request(contract, 1, new(0.001m, null, "Less", "Less"), Requester, "P", Now).Errors!.ByField.Keys.ShouldBe(["valueChange"]);
        Variation.Request(contract, 1, new(null, null, "Nothing", "Nothing"), Requester, "P", Now).Errors!.ByField.Keys.ShouldBe(["valueChange"]);
        Variation.Request(Made(total: null), 1, new(5m, null, "More", "More"), Requester, "P", Now).Errors!.ByField.Keys.ShouldBe(["valueChange"]);
    }

    [Fact]
    public void Editing_the_value_keeps_what_variations_changed_so_the_original_moves_with_the_correction()
    {
        var contract = Made();
        Requested(contract, 5_000m).Approve(contract, [], Approver, "Commissioner", null, Now).ShouldBeNull();

        contract.Change(contract.ToDetails() with { TotalValue = 110_000m }, Contract.Known.Nothing, Now).ShouldBeNull();

        (contract.TotalValue, contract.OriginalValue, contract.VariedValue).ShouldBe((110_000m, 105_000m, 5_000m));
    }

    [Fact]
    public void Terminating_sets_the_status_once_and_a_later_edit_cannot_undo_it()
    {
        var contract = Made();

        var termination = Termination.Record(contract, new(new DateOnly(2027, 1, 31), TerminationGround.Breach, new DateOnly(2026, 12, 1), "Repeated serious breaches"), "Commissioner", Now);

        termination.Succeeded.ShouldBeTrue();
        (contract.Status, contract.TerminatedOn, contract.StatusOn(new DateOnly(2026, 12, 1))).ShouldBe((ContractStatus.Terminated, new DateOnly(2027, 1, 31), ContractStatus.Terminated));
        Termination.Record(contract, new(new DateOnly(2027, 1, 31), TerminationGround.Agreement, null, "Again"), "Commissioner", Now).Errors!.ByField.Keys.ShouldBe(["contract"]);
        contract.Change(contract.ToDetails() with { Status = ContractStatus.Active }, Contract.Known.Nothing, Now).ShouldBeNull();
        contract.Status.ShouldBe(ContractStatus.Terminated);
        Variation.Request(contract, 1, new(1m, null, "More", "More"), Requester, "P", Now).Errors!.ByField.Keys.ShouldContain("contract");
    }

    [Fact]
    public void A_termination_needs_its_date_ground_and_reason_and_notice_before_the_end()
    {
        var contract = Made();

        Termination.Record(contract, new(new DateOnly(2027, 1, 31), null, new DateOnly(2027, 2, 1), ""), "C", Now).Errors!.ByField.Keys.Order().ShouldBe(["ground", "noticeGivenOn", "reason"]);
        contract.Status.ShouldBe(ContractStatus.Active);
    }

    [Fact]
    public void An_exit_plan_is_due_for_review_a_year_after_the_last_and_is_overdue_after_that()
    {
        var contract = Made();

        var plan = ExitPlan.Create(contract, new("Step-in by the council's in-house team", "Case records returned within 10 days", null, null, "Head of commissioning", new DateOnly(2025, 10, 1), null), Now).Value!;

        plan.NextReviewDue.ShouldBe(new DateOnly(2026, 10, 1));
        plan.OverdueOn(new DateOnly(2026, 10, 2)).ShouldBeTrue();
        var reminder = Reminders.For([contract], new DateOnly(2026, 11, 23), 30, [plan]).Single(r => r.Kind == KeyDateKind.ExitPlanReview);
        (reminder.Overdue, reminder.On).ShouldBe((true, new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void The_cumulative_change_is_the_sum_of_the_approved_changes_and_the_current_value_is_the_original_plus_it()
    {
        var cases =
            from original in Gen.Choose(1, 100_000_000)
            from changes in Gen.ListOf(Gen.Choose(-1_000_000, 1_000_000))
            from nature in Gen.Elements(ContractNature.Goods, ContractNature.Services, ContractNature.Works)
            select (Original: original / 100m, Changes: changes.Select(c => c / 100m).ToList(), Nature: nature);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var ledger = VariationLedger.Of(c.Original, c.Nature, c.Changes);
                var cumulative = c.Changes.Sum();
                var limit = c.Nature == ContractNature.Works ? 0.15m : 0.10m;
                return ledger.CumulativeChange == cumulative
                    && ledger.CurrentValue == c.Original + cumulative
                    && ledger.Ratio == decimal.Round(Math.Abs(cumulative) / c.Original, 4, MidpointRounding.AwayFromZero)
                    && ledger.OverLimit == (Math.Abs(cumulative) > limit * c.Original);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
