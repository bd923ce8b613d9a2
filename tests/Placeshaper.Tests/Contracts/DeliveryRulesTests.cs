using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Needs;
using Placeshaper.Payments;
using Placeshaper.Specifications;

namespace Placeshaper.Tests.Contracts;

public sealed class DeliveryRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private static readonly KpiObservation.Actor Provider = new(Guid.NewGuid(), Guid.NewGuid());
    private static readonly KpiObservation.Actor Officer = new(Guid.NewGuid(), null);

    /// <summary>A contract from 1 January 2026 with three KPIs: 1 % higher is better (monthly), 2 a count (quarterly), 3 cost in £ lower is better (quarterly).</summary>
    private static Contract NewContract()
    {
        var contract = Contract.Create(Guid.NewGuid(), new Contract.Details("C-1", "Test", "", null, "Supplier", null, null, 1_000_000m, 100_000m, new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), Contract.Known.Nothing, Now).Value!;
        _ = contract.AddKpi(new("Repairs on time", "%", Polarity.HigherIsBetter, 95m, 90m, KpiFrequency.Monthly, "Helpdesk"), Now).Value!;
        _ = contract.AddKpi(new("Families turned around", "families", Polarity.HigherIsBetter, 10m, 5m, KpiFrequency.Quarterly, "Case records"), Now).Value!;
        _ = contract.AddKpi(new("Cost of care", "£", Polarity.LowerIsBetter, 90_000m, 120_000m, KpiFrequency.Quarterly, "Ledger"), Now).Value!;
        return contract;
    }

    private static ContractKpi Kpi(Contract contract, int number) => contract.Kpis.Single(k => k.Number == number);

    private static KpiObservation Approved(Contract contract, int kpi, DateOnly period, decimal value)
    {
        var observation = KpiObservation.Submit(contract, new(Kpi(contract, kpi).Id, period, value, null), Provider, "test", [], Now).Value!;
        observation.Approve(Officer, [], Now).ShouldBeNull();
        return observation;
    }

    private static PaymentTermsVersion Terms(Contract contract, DateOnly from, PaymentTermsVersion.Terms terms, params PaymentTermsVersion[] existing)
    {
        var created = PaymentTermsVersion.Create(contract, from, terms, existing, null, Now);
        created.Errors.ShouldBeNull();
        return created.Value!;
    }

    [Theory]
    [InlineData(KpiFrequency.Monthly, "2026-05-17", "2026-05-01", "2026-05-31")]
    [InlineData(KpiFrequency.Quarterly, "2026-05-17", "2026-04-01", "2026-06-30")]
    [InlineData(KpiFrequency.Quarterly, "2026-02-28", "2026-01-01", "2026-03-31")]
    [InlineData(KpiFrequency.Yearly, "2026-05-17", "2026-04-01", "2027-03-31")]
    [InlineData(KpiFrequency.Yearly, "2026-03-31", "2025-04-01", "2026-03-31")]
    public void A_period_is_the_month_financial_quarter_or_financial_year_that_holds_the_date(KpiFrequency frequency, string date, string start, string end)
    {
        var first = KpiPeriods.StartOf(frequency, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        first.ShouldBe(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        KpiPeriods.EndOf(frequency, first).ShouldBe(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        KpiPeriods.IsStart(frequency, first).ShouldBeTrue();
        KpiPeriods.Check(frequency, first.AddDays(1))!.ShouldContain(first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(96, Polarity.HigherIsBetter, Rag.Green, ServiceCredits.Good)]
    [InlineData(95, Polarity.HigherIsBetter, Rag.Green, ServiceCredits.Good)]
    [InlineData(92, Polarity.HigherIsBetter, Rag.Amber, ServiceCredits.ApproachingTarget)]
    [InlineData(90, Polarity.HigherIsBetter, Rag.Amber, ServiceCredits.ApproachingTarget)]
    [InlineData(89, Polarity.HigherIsBetter, Rag.Red, ServiceCredits.RequiresImprovement)]
    [InlineData(4, Polarity.LowerIsBetter, Rag.Green, ServiceCredits.Good)]
    [InlineData(7, Polarity.LowerIsBetter, Rag.Amber, ServiceCredits.ApproachingTarget)]
    [InlineData(11, Polarity.LowerIsBetter, Rag.Red, ServiceCredits.RequiresImprovement)]
    public void A_value_is_rated_against_the_target_and_the_minimum(decimal actual, Polarity polarity, Rag rag, string act)
    {
        var contract = NewContract();
        var kpi = contract.AddKpi(polarity == Polarity.HigherIsBetter
            ? new("On time", "%", polarity, 95m, 90m, KpiFrequency.Monthly, "Log")
            : new("Complaints", "%", polarity, 5m, 10m, KpiFrequency.Monthly, "Log"), Now).Value!;

        PerformanceRatings.Rate(kpi, actual).ShouldBe(new PerformanceRatings.Rating(rag, act));
    }

    [Fact]
    public void A_provider_cannot_approve_or_return_data_and_an_officer_can()
    {
        var contract = NewContract();
        var submitted = KpiObservation.Submit(contract, new(Kpi(contract, 1).Id, new DateOnly(2026, 3, 1), 93m, "March"), Provider, "portal", [], Now).Value!;

        submitted.Approve(Provider, [], Now)!.ShouldContain("A provider cannot approve");
        submitted.Approve(Provider with { PersonId = Officer.PersonId }, [], Now)!.ShouldContain("A provider cannot approve");
        submitted.Return(Provider, "no", Now).Errors!.ByField.Keys.ShouldBe(["status"]);
        submitted.Status.ShouldBe(ObservationStatus.Submitted);
        submitted.Return(Officer, " ", Now).Errors!.ByField.Keys.ShouldBe(["reason"]);

        submitted.Approve(Officer, [], Now).ShouldBeNull();
        submitted.Status.ShouldBe(ObservationStatus.Approved);
        submitted.Approve(Officer, [], Now)!.ShouldContain("already approved");
    }

    [Fact]
    public void A_correction_is_a_new_submission_and_approving_it_supersedes_the_approved_value()
    {
        var contract = NewContract();
        var first = Approved(contract, 1, new DateOnly(2026, 3, 1), 93m);
        var correction = KpiObservation.Submit(contract, new(Kpi(contract, 1).Id, new DateOnly(2026, 3, 1), 91m, "Corrected"), Provider, "portal", [first], Now).Value!;
        KpiObservation.Submit(contract, new(Kpi(contract, 1).Id, new DateOnly(2026, 3, 1), 90m, null), Provider, "portal", [first, correction], Now)
            .Errors!.ByField["periodStart"][0].ShouldContain("already waiting for approval");

        first.Status.ShouldBe(ObservationStatus.Approved, "an approved value is never overwritten by a submission");
        correction.Approve(Officer, [first, correction], Now).ShouldBeNull();

        (first.Status, first.Value, correction.Status, correction.Value).ShouldBe((ObservationStatus.Superseded, 93m, ObservationStatus.Approved, 91m));
    }

    [Fact]
    public void A_submission_names_each_bad_field()
    {
        var contract = NewContract();

        KpiObservation.Submit(contract, new(Guid.NewGuid(), null, null, new string('x', 2001)), Provider, "api", [], Now).Errors!.ByField.Keys
            .ShouldBe(["kpiId", "periodStart", "value", "comment"], ignoreOrder: true);
        KpiObservation.Submit(contract, new(Kpi(contract, 2).Id, new DateOnly(2026, 5, 1), -1m, null), Provider, "api", [], Now).Errors!.ByField["periodStart"][0].ShouldContain("give 2026-04-01");
        KpiObservation.Submit(contract, new(Kpi(contract, 2).Id, new DateOnly(2026, 4, 1), -1m, null), Provider, "api", [], Now).Errors!.ByField["value"][0].ShouldContain("count cannot be negative");
        KpiObservation.Submit(contract, new(Kpi(contract, 1).Id, new DateOnly(2025, 12, 1), 90m, null), Provider, "api", [], Now).Errors!.ByField.Keys.ShouldBe(["periodStart"]);
        KpiObservation.Submit(contract, new(Kpi(contract, 1).Id, new DateOnly(2026, 12, 1), 90m, null), Provider, "api", [], Now).Errors!.ByField["periodStart"][0].ShouldContain("not started");
    }

    [Fact]
    public void Terms_are_versioned_forward_only_and_the_version_in_force_is_the_latest_effective()
    {
        var contract = NewContract();
        var fixedPrice = new PaymentTermsVersion.Terms(KpiFrequency.Monthly, Fixed: new(1_000m));
        var first = Terms(contract, new DateOnly(2026, 1, 1), fixedPrice);
        var second = Terms(contract, new DateOnly(2026, 7, 1), fixedPrice with { Fixed = new(1_200m) }, first);

        PaymentTermsVersion.Create(contract, new DateOnly(2026, 7, 1), fixedPrice, [first, second], null, Now).Errors!.ByField["effectiveFrom"][0].ShouldContain("never changed");
        (first.Version, second.Version).ShouldBe((1, 2));
        PaymentTermsVersion.InForce([first, second], new DateOnly(2026, 6, 1)).ShouldBe(first);
        PaymentTermsVersion.InForce([first, second], new DateOnly(2026, 7, 1)).ShouldBe(second);
        PaymentTermsVersion.InForce([first, second], new DateOnly(2025, 12, 1)).ShouldBeNull();
    }

    [Fact]
    public void Bad_terms_are_refused_naming_each_field()
    {
        var contract = NewContract();
        var terms = new PaymentTermsVersion.Terms(
            KpiFrequency.Monthly,
            Fixed: new(-5m),
            PaymentByResults: new([new PaymentByResults.YearTerms(1, 100m, 1.5m)], [new PaymentTermsVersion.OutcomeRate(Kpi(contract, 1).Id, 10m)]),
            ServiceCredits: new(-1m, [new PaymentTermsVersion.CreditKpi(Guid.NewGuid(), 1m, 200m)]));

        PaymentTermsVersion.Create(contract, new DateOnly(2026, 1, 15), terms, [], null, Now).Errors!.ByField.Keys.ShouldBe(
            ["effectiveFrom", "terms.fixed.amountPerPeriod", "terms.paymentByResults.years[0].outcomeShare", "terms.paymentByResults.outcomes[0].kpiId", "terms.serviceCredits.capPercent", "terms.serviceCredits.kpis[0].kpiId", "terms.serviceCredits.kpis[0].maxCreditPercent"],
            ignoreOrder: true);
    }

    [Fact]
    public void A_period_of_fixed_price_less_service_credits_is_worked_out_from_the_approved_values_with_the_working()
    {
        var contract = NewContract();
        var terms = Terms(contract, new DateOnly(2026, 1, 1), new(KpiFrequency.Monthly, Fixed: new(10_000m, UpliftRate: 0.03m),
            ServiceCredits: new(5m, [new PaymentTermsVersion.CreditKpi(Kpi(contract, 1).Id, 1m, 3m)])));
        var march = Approved(contract, 1, new DateOnly(2026, 3, 1), 93m);
        var february = Approved(contract, 1, new DateOnly(2026, 2, 1), 80m);

        var worked = PaymentSchedule.Work(contract, terms, new DateOnly(2026, 3, 1), [march, february]).Value!;

        (worked.FixedElement, worked.OutcomePayments, worked.Credits, worked.Due).ShouldBe((10_000m, 0m, 200m, 9_800m));
        worked.Inputs.Select(i => i.ObservationId).ShouldBe([march.Id]);
        worked.Working.ShouldContain(line => line.Contains("lesser of 2 × 1% and 3% = 2%", StringComparison.Ordinal));
        worked.Working[^1].ShouldBe("Due: £10,000.00 + £0.00 − £200.00 = £9,800.00");
        PaymentSchedule.Work(contract, terms, new DateOnly(2026, 2, 1), [march, february]).Value!.Credits.ShouldBe(300m, "missing the minimum costs the KPI's full 3%");
        PaymentSchedule.Work(contract, terms, new DateOnly(2027, 1, 1), []).Value!.FixedElement.ShouldBe(10_300m, "year 2 is uplifted by 3%");
    }

    [Fact]
    public void Payment_by_results_pays_the_attachment_and_the_outcomes_capped_at_the_pot()
    {
        var contract = NewContract();
        var terms = Terms(contract, new DateOnly(2026, 1, 1), new(KpiFrequency.Quarterly, PaymentByResults: new(
            [new PaymentByResults.YearTerms(1, 400_000m, 0.2m)], [new PaymentTermsVersion.OutcomeRate(Kpi(contract, 2).Id, 1_000m)])));

        var some = PaymentSchedule.Work(contract, terms, new DateOnly(2026, 1, 1), [Approved(contract, 2, new DateOnly(2026, 1, 1), 14m)]).Value!;
        var many = PaymentSchedule.Work(contract, terms, new DateOnly(2026, 4, 1), [Approved(contract, 2, new DateOnly(2026, 4, 1), 23m)]).Value!;

        (some.FixedElement, some.OutcomePayments, some.Due).ShouldBe((80_000m, 14_000m, 94_000m));
        (many.FixedElement, many.OutcomePayments, many.Due).ShouldBe((80_000m, 20_000m, 100_000m));
        PaymentSchedule.Work(contract, terms, new DateOnly(2027, 1, 1), []).Errors!.ByField["terms"][0].ShouldContain("no payment-by-results budget for contract year 2");
    }

    [Fact]
    public void Gain_share_recovers_the_investment_once_across_periods_then_shares_the_savings()
    {
        var contract = NewContract();
        var terms = Terms(contract, new DateOnly(2026, 1, 1), new(KpiFrequency.Quarterly, GainShare: new(
            BaselineCostPerPeriod: 120_000m, ActualCostKpiId: Kpi(contract, 3).Id, ProviderInvestment: 30_000m, ProviderShareAfterRecovery: 0.5m)));

        var first = PaymentSchedule.Work(contract, terms, new DateOnly(2026, 1, 1), [Approved(contract, 3, new DateOnly(2026, 1, 1), 100_000m)]).Value!;
        var second = PaymentSchedule.Work(contract, terms, new DateOnly(2026, 4, 1), [Approved(contract, 3, new DateOnly(2026, 4, 1), 100_000m)], first.InvestmentRecovered).Value!;
        var none = PaymentSchedule.Work(contract, terms, new DateOnly(2026, 7, 1), [], 30_000m).Value!;

        (first.InvestmentRecovered, first.OutcomePayments).ShouldBe((20_000m, 20_000m));
        (second.InvestmentRecovered, second.OutcomePayments).ShouldBe((10_000m, 15_000m), "£10,000 left to recover, then half of the other £10,000");
        none.Due.ShouldBe(0m);
        none.Working.ShouldContain(line => line.Contains("no approved cost figures", StringComparison.Ordinal));
    }

    [Fact]
    public void A_credit_is_flagged_only_when_it_was_due_and_the_payment_did_not_deduct_it()
    {
        PaymentSchedule.CreditNotLevied(credits: 100m, due: 900m, paid: 1_000m).ShouldBeTrue();
        PaymentSchedule.CreditNotLevied(credits: 100m, due: 900m, paid: 900m).ShouldBeFalse();
        PaymentSchedule.CreditNotLevied(credits: 0m, due: 900m, paid: 1_000m).ShouldBeFalse();
        PaymentSchedule.CreditNotLevied(credits: 100m, due: 900m, paid: null).ShouldBeFalse();
    }

    [Fact]
    public void What_is_due_is_the_fixed_element_plus_outcomes_less_credits_and_credits_never_exceed_the_cap()
    {
        var cases =
            from price in Gen.Choose(0, 1_000_000)
            from cap in Gen.Choose(0, 100)
            from repairs in Gen.Choose(0, 100)
            from families in Gen.Choose(0, 40)
            from share in Gen.Choose(0, 100)
            select (Price: price / 100m, Cap: (decimal)cap, Repairs: (decimal)repairs, Families: (decimal)families, Share: share / 100m);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var contract = NewContract();
                var terms = PaymentTermsVersion.Create(contract, new DateOnly(2026, 1, 1), new(KpiFrequency.Quarterly,
                    Fixed: new(c.Price),
                    PaymentByResults: new([new PaymentByResults.YearTerms(1, 40_000m, c.Share)], [new PaymentTermsVersion.OutcomeRate(Kpi(contract, 2).Id, 500m)]),
                    ServiceCredits: new(c.Cap, [new PaymentTermsVersion.CreditKpi(Kpi(contract, 1).Id, 2m, 50m)])), [], null, Now).Value!;
                var worked = PaymentSchedule.Work(contract, terms, new DateOnly(2026, 1, 1),
                    [Approved(contract, 1, new DateOnly(2026, 1, 1), c.Repairs), Approved(contract, 1, new DateOnly(2026, 2, 1), c.Repairs), Approved(contract, 2, new DateOnly(2026, 1, 1), c.Families)]).Value!;
                return worked.Due == worked.FixedElement + worked.OutcomePayments - worked.Credits
                    && worked.Credits <= decimal.Round(worked.FixedElement * c.Cap / 100, 2, MidpointRounding.AwayFromZero)
                    && worked.Credits >= 0
                    && worked.OutcomePayments <= decimal.Round(10_000m * c.Share, 2, MidpointRounding.AwayFromZero);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }
}
