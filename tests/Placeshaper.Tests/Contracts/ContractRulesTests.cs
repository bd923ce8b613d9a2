using Placeshaper.Contracts;
using Placeshaper.Needs;
using Placeshaper.Specifications;

namespace Placeshaper.Tests.Contracts;

public sealed class ContractRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Council = Guid.Parse("00000000-0000-0000-0000-00000000000a");

    private static Contract.Details Details(
        decimal? total = 1_000_000m, DateOnly? start = null, DateOnly? end = null, IReadOnlyList<Contract.ExtensionInput?>? extensions = null,
        IReadOnlyList<Contract.BreakClauseInput?>? breaks = null, int? decisionMonths = null, DateOnly? review = null, string? exemption = null) =>
        new("C-1", "Family support", null, null, "Brightside Family Support", null, null, total, null,
            start ?? new DateOnly(2024, 4, 1), end ?? new DateOnly(2027, 3, 31), extensions, breaks,
            ExtensionDecisionMonths: decisionMonths, ReviewDate: review, KpiExemptionReason: exemption);

    private static Contract Made(Contract.Details details) => Contract.Create(Council, details, Contract.Known.Nothing, Now).Value!;

    private static ContractKpi.Input Kpi(Polarity polarity = Polarity.HigherIsBetter, decimal target = 90m, decimal minimum = 80m) =>
        new("Families seen within 10 working days", "%", polarity, target, minimum, KpiFrequency.Monthly, "Provider's case records");

    [Fact]
    public void The_current_expiry_adds_only_the_extensions_taken_and_the_decision_to_extend_is_due_six_months_before_it()
    {
        var contract = Made(Details(extensions: [new(12, Taken: true), new(12)]));

        contract.CurrentExpiry.ShouldBe(new DateOnly(2028, 3, 31));
        contract.ExtensionDecisionDue.ShouldBe(new DateOnly(2027, 9, 30));
        contract.KeyDates().Single(d => d.Kind == KeyDateKind.ExtensionDecision).What.ShouldContain("extension 2 (12 months)");
    }

    [Fact]
    public void The_decision_to_extend_can_be_due_earlier_and_is_not_due_at_all_once_every_option_is_taken()
    {
        Made(Details(extensions: [new(24)], decisionMonths: 9)).ExtensionDecisionDue.ShouldBe(new DateOnly(2026, 6, 30));
        var allTaken = Made(Details(extensions: [new(12, Taken: true)]));

        allTaken.ExtensionDecisionDue.ShouldBeNull();
        allTaken.KeyDates().Select(d => d.Kind).ShouldBe([KeyDateKind.Expiry]);
    }

    [Fact]
    public void Key_dates_include_the_review_and_the_last_day_for_break_clause_notice_in_date_order()
    {
        var contract = Made(Details(breaks: [new(new DateOnly(2026, 3, 31), 3)], review: new DateOnly(2025, 10, 1), extensions: [new(12)]));

        contract.KeyDates().Select(d => (d.Kind, d.On)).ShouldBe(
        [
            (KeyDateKind.Review, new DateOnly(2025, 10, 1)),
            (KeyDateKind.BreakNotice, new DateOnly(2025, 12, 31)),
            (KeyDateKind.ExtensionDecision, new DateOnly(2026, 9, 30)),
            (KeyDateKind.Expiry, new DateOnly(2027, 3, 31)),
        ]);
    }

    [Fact]
    public void A_contract_is_expired_after_its_current_expiry_and_terminated_only_when_recorded()
    {
        var contract = Made(Details(extensions: [new(12, Taken: true)]));

        contract.StatusOn(new DateOnly(2028, 3, 31)).ShouldBe(ContractStatus.Active);
        contract.StatusOn(new DateOnly(2028, 4, 1)).ShouldBe(ContractStatus.Expired);
        contract.Change(Details(extensions: [new(12, Taken: true)]) with { Status = ContractStatus.Terminated }, Contract.Known.Nothing, Now).ShouldBeNull();
        contract.StatusOn(new DateOnly(2025, 1, 1)).ShouldBe(ContractStatus.Terminated);
        contract.Change(Details() with { Status = ContractStatus.Expired }, Contract.Known.Nothing, Now)!.ByField.Keys.ShouldBe(["status"]);
    }

    [Fact]
    public void Reminders_list_what_is_due_within_the_window_and_what_is_overdue_but_nothing_of_ended_contracts()
    {
        var running = Made(Details(extensions: [new(12)], breaks: [new(new DateOnly(2026, 3, 31), 3)], review: new DateOnly(2026, 12, 1)));
        var ended = Made(Details(start: new DateOnly(2020, 1, 1), end: new DateOnly(2021, 12, 31), review: new DateOnly(2021, 6, 1)) with { Reference = "C-2" });
        var today = new DateOnly(2026, 11, 23);

        var reminders = Reminders.For([running, ended], today, 30);

        // The break date (31 March 2026) has passed, so its notice date is no one's to act on; the decision to extend
        // (30 September 2026) was missed and is overdue; the review (1 December 2026) is due within 30 days.
        reminders.Select(r => (r.Reference, r.Kind, r.On, r.Overdue)).ShouldBe(
        [
            ("C-1", KeyDateKind.ExtensionDecision, new DateOnly(2026, 9, 30), true),
            ("C-1", KeyDateKind.Review, new DateOnly(2026, 12, 1), false),
        ]);
        Reminders.For([running], new DateOnly(2025, 12, 1), 60).Select(r => r.Kind).ShouldBe([KeyDateKind.BreakNotice]);
    }

    [Fact]
    public void Section_52_warns_about_a_contract_over_five_million_with_fewer_than_three_KPIs_until_it_has_them_or_a_reason()
    {
        var large = Made(Details(total: 5_000_000.01m));
        large.AddKpi(Kpi(), Now).Succeeded.ShouldBeTrue();

        large.Warnings().Single().ShouldContain("Procurement Act 2023 (s.52)");
        large.Warnings().Single().ShouldContain("£5,000,000.01");
        large.Warnings().Single().ShouldContain("this contract has 1");
        large.AddKpi(Kpi(), Now);
        large.AddKpi(Kpi(), Now);
        large.Warnings().ShouldBeEmpty();
        Made(Details(total: 5_000_000m)).Warnings().ShouldBeEmpty("exactly £5 million is not over it");
        Made(Details(total: 8_000_000m, exemption: "Performance is assessed by the regulator's inspection")).Warnings().ShouldBeEmpty();
        Made(Details(total: 8_000_000m)).Warnings().Count.ShouldBe(1);
    }

    [Fact]
    public void A_KPI_whose_minimum_is_on_the_wrong_side_of_its_target_is_refused_naming_the_field()
    {
        var contract = Made(Details());

        contract.AddKpi(Kpi(Polarity.HigherIsBetter, 90m, 95m), Now).Errors!.ByField.Keys.ShouldBe(["minimum"]);
        contract.AddKpi(Kpi(Polarity.LowerIsBetter, 5m, 2m), Now).Errors!.ByField.Keys.ShouldBe(["minimum"]);
        contract.AddKpi(new ContractKpi.Input(null, null, null, null, null, null, null), Now).Errors!.ByField.Keys
            .ShouldBe(["definition", "unit", "polarity", "target", "minimum", "frequency", "dataSource"], ignoreOrder: true);
        contract.Kpis.ShouldBeEmpty();
    }

    [Fact]
    public void A_contract_made_here_needs_its_value_and_term_and_takes_extensions_in_order()
    {
        var errors = Contract.Create(Council, new Contract.Details("", "", null, null, null, null, null, -1m, 1.001m, null, null,
            [new(12), new(12, Taken: true)], [new(null, -1)], [new(" ", null)]), Contract.Known.Nothing, Now).Errors!;

        errors.ByField.Keys.ShouldBe(
        [
            "reference", "title", "supplierName", "totalValue", "annualValue", "startDate", "endDate", "extensions[1].taken",
            "breakClauses[0].on", "breakClauses[0].noticeMonths", "parties[0].name", "parties[0].role",
        ], ignoreOrder: true);
        Contract.Create(Council, Details(end: new DateOnly(2024, 3, 31)), Contract.Known.Nothing, Now).Errors!.ByField.Keys.ShouldBe(["endDate"]);
        Contract.Create(Council, Details() with { ProviderId = Guid.NewGuid() }, Contract.Known.Nothing, Now).Errors!.ByField.Keys.ShouldBe(["providerId"]);
    }

    [Theory]
    [InlineData("2024-04-01", "2027-03-31", "36")]
    [InlineData("2022-03-07", "2022-03-14", "0.3")]
    [InlineData("2022-02-01", "2022-02-28", "1")]
    public void The_term_downloads_in_months_whole_when_the_dates_are_whole_months_apart(string start, string end, string months) =>
        TransparencyRegister.Months(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(decimal.Parse(months, System.Globalization.CultureInfo.InvariantCulture));
}
