using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Bids;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.Tests.SocialValue;

/// <summary>The rules of social value obligations and delivery reports, and committed against delivered.</summary>
public sealed class SocialValueDeliveryRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private static readonly KpiObservation.Actor Provider = new(Guid.NewGuid(), Guid.NewGuid());
    private static readonly KpiObservation.Actor Officer = new(Guid.NewGuid(), null);
    private static readonly DateOnly April = new(2026, 4, 1);
    private static readonly DateOnly June = new(2026, 6, 30);

    private static Contract NewContract() =>
        Contract.Create(Guid.NewGuid(), new Contract.Details("C-1", "Test", "", null, "Supplier", null, null, 1_000_000m, 100_000m, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), Contract.Known.Nothing, Now).Value!;

    private static SocialValueObligation Obligation(Contract contract, decimal committed = 10m, decimal? proxy = 1_500m) =>
        SocialValueObligation.Create(contract, new("", "Local jobs", "Local people employed", "people", committed, proxy, null), null, "test", Now).Value!;

    private static DeliveryReport Report(Contract contract, SocialValueObligation obligation, decimal quantity, IReadOnlyCollection<DeliveryReport>? history = null, DateOnly? start = null, DateOnly? end = null) =>
        DeliveryReport.Submit(contract, [obligation], new(obligation.Id, start ?? April, end ?? June, quantity, "narrative"), Provider, "test", history ?? [], Now).Value!;

    [Fact]
    public void A_winning_commitment_becomes_an_obligation_with_the_tenders_measure_and_is_due_by_the_contracts_end()
    {
        var contract = NewContract();

        var obligation = SocialValueObligation.FromCommitment(contract, new BidContent.Commitment(Guid.NewGuid(), "Apprenticeships for local people", 12.5m, "apprenticeships"), null, Now);

        (obligation.ContractId, obligation.Measure, obligation.CommittedQuantity, obligation.Unit, obligation.Theme, obligation.ProxyValue, obligation.DueBy, obligation.Source)
            .ShouldBe((contract.Id, "Apprenticeships for local people", 12.5m, "apprenticeships", "Other", (decimal?)null, (DateOnly?)new DateOnly(2028, 12, 31), "award"));
        obligation.CommittedValue.ShouldBeNull("no measure, so no proxy value");
    }

    [Fact]
    public void An_obligation_names_every_wrong_field()
    {
        var contract = NewContract();

        var refused = SocialValueObligation.Create(contract, new("NOPE", null, "", null, 0m, -1m, new DateOnly(2025, 1, 1)), null, "test", Now);

        refused.Errors!.ByField.Keys.ShouldBe(["measureCode", "measure", "unit", "committedQuantity", "proxyValue", "dueBy"], ignoreOrder: true);
    }

    [Fact]
    public void A_provider_cannot_verify_or_return_a_report_its_own_or_any_other()
    {
        var contract = NewContract();
        var obligation = Obligation(contract);
        var report = Report(contract, obligation, 3m);

        report.Verify(Provider, [report], Now).ShouldNotBeNull().ShouldContain("provider cannot verify");
        report.Verify(new KpiObservation.Actor(Guid.NewGuid(), Guid.NewGuid()), [report], Now).ShouldNotBeNull();
        report.Return(Provider, "no", Now).Errors!.ByField.Keys.ShouldBe(["status"]);
        report.Status.ShouldBe(DeliveryReportStatus.Submitted);

        report.Verify(Officer, [report], Now).ShouldBeNull();
        report.Status.ShouldBe(DeliveryReportStatus.Verified);
        report.Verify(Officer, [report], Now).ShouldNotBeNull("only a submitted report can be verified");
    }

    [Fact]
    public void A_verified_correction_supersedes_the_report_it_corrects_and_only_one_report_of_a_period_waits_at_a_time()
    {
        var contract = NewContract();
        var obligation = Obligation(contract);
        var first = Report(contract, obligation, 3m);
        first.Verify(Officer, [first], Now).ShouldBeNull();
        var correction = Report(contract, obligation, 4m, [first]);

        DeliveryReport.Submit(contract, [obligation], new(obligation.Id, April, June, 5m, null), Provider, "test", [first, correction], Now)
            .Errors!.ByField.Keys.ShouldBe(["periodStart"]);
        correction.Verify(Officer, [first, correction], Now).ShouldBeNull();

        (first.Status, correction.Status).ShouldBe((DeliveryReportStatus.Superseded, DeliveryReportStatus.Verified));
        var line = DeliveryLedger.For([obligation], [first, correction]).Single();
        (line.Delivered, line.DeliveredValue).ShouldBe((4m, 6_000m), "the superseded 3 no longer counts");
    }

    [Fact]
    public void A_returned_report_needs_a_reason_and_does_not_count()
    {
        var contract = NewContract();
        var obligation = Obligation(contract);
        var report = Report(contract, obligation, 3m);

        report.Return(Officer, " ", Now).Errors!.ByField.Keys.ShouldBe(["reason"]);
        report.Return(Officer, "The payroll extract shows two", Now).Succeeded.ShouldBeTrue();

        (report.Status, report.ReturnReason).ShouldBe((DeliveryReportStatus.Returned, "The payroll extract shows two"));
        DeliveryLedger.For([obligation], [report]).Single().Delivered.ShouldBe(0m);
    }

    [Fact]
    public void A_report_names_every_wrong_field()
    {
        var contract = NewContract();
        var obligation = Obligation(contract);

        DeliveryReport.Submit(contract, [obligation], new(Guid.NewGuid(), new DateOnly(2025, 12, 1), null, -1m, new string('x', 4001)), Provider, "test", [], Now)
            .Errors!.ByField.Keys.ShouldBe(["obligationId", "periodStart", "periodEnd", "quantity", "narrative"], ignoreOrder: true);
        DeliveryReport.Submit(contract, [obligation], new(obligation.Id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 1m, null), Provider, "test", [], Now)
            .Errors!.ByField.Keys.ShouldBe(["periodStart"], ignoreOrder: false, customMessage: "the period has not started");
        DeliveryReport.Submit(contract, [obligation], new(obligation.Id, April, April.AddYears(1), 1m, null), Provider, "test", [], Now)
            .Errors!.ByField.Keys.ShouldBe(["periodEnd"], ignoreOrder: false, customMessage: "more than a year");
        DeliveryReport.Submit(contract, [obligation], new(obligation.Id, June, April, 1m, null), Provider, "test", [], Now)
            .Errors!.ByField.Keys.ShouldBe(["periodEnd"], ignoreOrder: false, customMessage: "ends before it starts");
    }

    [Fact]
    public void Evidence_is_kept_with_its_sha256()
    {
        var contract = NewContract();
        var report = Report(contract, Obligation(contract), 1m);

        report.AddEvidence("payroll.csv", "name,start\nA,2026-04-01\n"u8.ToArray(), "evidence[0]", Now).ShouldBeNull();
        report.AddEvidence("virus.exe", [1, 2], "evidence[1]", Now)!.ByField.Keys.ShouldBe(["evidence[1].fileName"]);

        report.Evidence.Single().Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("name,start\nA,2026-04-01\n"u8.ToArray())));
    }

    [Fact]
    public void Committed_against_delivered_counts_verified_reports_as_delivered_and_submitted_ones_as_pending_exactly()
    {
        var contract = NewContract();
        var people = Obligation(contract, committed: 10m, proxy: 1_234.5678m);
        var hours = Obligation(contract, committed: 100m, proxy: null);
        var verified = Report(contract, people, 3m);
        verified.Verify(Officer, [], Now).ShouldBeNull();
        var waiting = Report(contract, people, 1.5m, [verified], new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30));
        var counted = Report(contract, hours, 40m);
        counted.Verify(Officer, [], Now).ShouldBeNull();

        var lines = DeliveryLedger.For([people, hours], [verified, waiting, counted]);
        var totals = DeliveryLedger.Totals.Of(lines);

        (lines[0].Committed, lines[0].Delivered, lines[0].Pending, lines[0].CommittedValue, lines[0].DeliveredValue, lines[0].PendingValue)
            .ShouldBe((10m, 3m, 1.5m, (decimal?)12_345.678m, (decimal?)3_703.7034m, (decimal?)1_851.8517m));
        (lines[1].Delivered, lines[1].DeliveredValue, lines[1].Share).ShouldBe((40m, (decimal?)null, 0.4m));
        totals.ShouldBe(new DeliveryLedger.Totals(12_345.678m, 3_703.7034m, 1_851.8517m), "an obligation without a proxy value adds no pounds");
        DeliveryLedger.For([people], [verified, waiting], from: new DateOnly(2026, 7, 1), to: new DateOnly(2027, 3, 31)).Single().Delivered.ShouldBe(0m, "the verified report's period ended before");
        (lines[0].State(new DateOnly(2026, 11, 22)), lines[0].State(new DateOnly(2029, 1, 1))).ShouldBe(("in progress", "overdue"));
    }

    [Fact]
    public void Delivered_value_is_the_sum_of_verified_quantities_times_the_proxy_value()
    {
        var cases =
            from proxy in Gen.Choose(0, 10_000_000)
            from quantities in Gen.ListOf(Gen.Choose(0, 100_000))
            from verdicts in Gen.ListOf(Gen.Choose(0, 2))
            select (Proxy: proxy / 10_000m, Quantities: quantities.Select(q => q / 100m).ToList(), Verdicts: verdicts.ToList());

        Prop.ForAll(Arb.From(cases), c =>
            {
                var contract = NewContract();
                var obligation = Obligation(contract, proxy: c.Proxy);
                var reports = new List<DeliveryReport>();
                for (var i = 0; i < c.Quantities.Count; i++)
                {
                    // Each report is for its own month, so none supersedes another.
                    var start = new DateOnly(2026, 1, 1).AddDays(i);
                    var report = Report(contract, obligation, c.Quantities[i], reports, start, start);
                    var verdict = i < c.Verdicts.Count ? c.Verdicts[i] : 0;
                    _ = verdict == 1 ? report.Verify(Officer, reports, Now) : verdict == 2 ? report.Return(Officer, "why", Now).Errors?.ToString() : null;
                    reports.Add(report);
                }

                var line = DeliveryLedger.For([obligation], reports).Single();
                var verified = reports.Where(r => r.Status == DeliveryReportStatus.Verified).Sum(r => r.Quantity);
                var submitted = reports.Where(r => r.Status == DeliveryReportStatus.Submitted).Sum(r => r.Quantity);
                return line.DeliveredValue == verified * c.Proxy
                    && line.Delivered == verified
                    && line.Pending == submitted
                    && DeliveryLedger.Totals.Of([line]).DeliveredValue == reports.Where(r => r.Status == DeliveryReportStatus.Verified).Sum(r => r.Quantity * c.Proxy);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Theory]
    [InlineData("2026-03-31", 2025)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2027-01-15", 2026)]
    public void A_financial_year_runs_from_April_to_March_and_is_named_by_the_year_it_starts(string date, int year)
    {
        YearReport.YearOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(year);
        YearReport.Span(year).ShouldBe((new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31)));
    }

    [Fact]
    public void The_year_report_adds_up_a_measure_across_contracts_and_counts_reports_by_the_end_of_their_period()
    {
        var first = NewContract();
        var second = NewContract();
        var a = SocialValueObligation.Create(first, new("", "Local jobs", "Local people employed", "people", 4m, 1_000.005m, null), null, "test", Now).Value!;
        var b = SocialValueObligation.Create(second, new("", "local jobs", "local people employed", "People", 6m, 1_000.005m, null), null, "test", Now).Value!;
        var inYear = DeliveryReport.Submit(first, [a], new(a.Id, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), 1m, null), Provider, "test", [], Now).Value!;
        var nextYear = DeliveryReport.Submit(second, [b], new(b.Id, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30), 2m, null), Provider, "test", [], Now).Value!;
        inYear.Verify(Officer, [], Now).ShouldBeNull();
        nextYear.Verify(Officer, [], Now).ShouldBeNull();

        var theme = YearReport.Themes(2025, [a, b], [inYear, nextYear]).Single();

        var measure = theme.Measures.Single();
        (measure.Obligations, measure.Committed, measure.DeliveredInYear, measure.DeliveredToDate).ShouldBe((2, 10m, 1m, 1m), "the report ending on 30 April counts in 2026");
        (theme.CommittedValue, theme.DeliveredValueInYear).ShouldBe((10_000.05m, 1_000.005m), "exact: rounding comes only when shown");
    }

    [Fact]
    public void A_programmes_return_uses_the_sroi_calculator_on_the_years_delivered_value_and_says_why_when_it_cannot()
    {
        var theme = new YearReport.Theme("Local jobs", [new YearReport.Measure("Local jobs", "ANY-01", "Local people", "people", 5m, 2m, 2m, 0m, 7_500m, 3_000m, 3_000m, 0m, 1)]);
        var assumptions = YearReport.Assumptions.Default with { Deadweight = 0.1m };

        var worked = YearReport.Return(Guid.NewGuid(), "Older people", [theme], 20_000m, assumptions);
        var nothing = YearReport.Return(Guid.NewGuid(), "Empty", [], 20_000m, assumptions);
        var free = YearReport.Return(Guid.NewGuid(), "Free", [theme], 0m, assumptions);

        // £3,000 × 0.9 ÷ 1.035 = £2,608.6957 over £20,000.
        (decimal.Round(worked.Result!.PresentValue, 4), decimal.Round(worked.Result.Ratio, 4), worked.Investment).ShouldBe((2_608.6957m, 0.1304m, 20_000m));
        worked.Result.Outcomes.Single().Working[0].ShouldBe("Year 1 impact: £3,000.00 × (1 − 0.1) × (1 − 0) × (1 − 0) = £2,700.00");
        (nothing.Result, nothing.Missing is not null, free.Result, free.Missing is not null).ShouldBe((null, true, null, true));
    }
}
