using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Calculators;
using Placeshaper.Payments;

namespace Placeshaper.Tests.Payments;

public sealed class SocialImpactBondTests
{
    /// <summary>
    /// Peterborough's shape: £5m invested, payments only for a reduction of 10% or more against a baseline
    /// reconviction rate of 0.6, £30,000 an outcome, three cohorts of 1,000 paid in years 1 to 3.
    /// </summary>
    private static SocialImpactBond.Input Peterborough(decimal cap = 8_000_000m) => new(
        5_000_000m, 0.6m, 0.1m, 30_000m, cap,
        [new(3, 1_000, 0.48m), new(1, 1_000, 0.57m), new(2, 1_000, 0.51m)]);

    [Fact]
    public void A_cohort_below_the_threshold_earns_nothing_and_the_others_pay_per_outcome()
    {
        // Year 1: (0.6 − 0.57) ÷ 0.6 = 5%, under 10%: nothing. Year 2: 15%; (0.6 − 0.51) × 1,000 = 90 outcomes × £30,000 = £2.7m.
        // Year 3: 20%; 120 outcomes = £3.6m. Total £6.3m within the £8m cap; multiple 6.3 ÷ 5 = 1.26.
        var result = SocialImpactBond.Calculate(Peterborough()).Value!;

        result.Cohorts.Select(c => (c.Year, Rounding.Ratio(c.RelativeImprovement), c.Outcomes, c.Payment)).ShouldBe([
            (1, 0.05m, 0m, 0m),
            (2, 0.15m, 90m, 2_700_000m),
            (3, 0.2m, 120m, 3_600_000m),
        ]);
        result.TotalPaid.ShouldBe(6_300_000m);
        result.CapApplied.ShouldBeFalse();
        result.Multiple.ShouldBe(1.26m);
        result.Cohorts[0].Working.ShouldContain("Below the threshold of 10%: no payment");
    }

    [Fact]
    public void The_irr_is_the_rate_at_which_the_investors_flows_are_worth_nothing_today()
    {
        // −5,000,000 + 2,700,000 ÷ 1.0945² + 3,600,000 ÷ 1.0945³ = −5,000,000 + 2,253,887 + 2,745,713 ≈ −399; at 9.44% the
        // sum is +766, so the root lies between 9.44% and 9.45%, nearer 9.45% (worked by hand on a calculator).
        var irr = SocialImpactBond.Calculate(Peterborough()).Value!.Irr!.Value;

        Rounding.Ratio(irr).ShouldBe(0.0945m);
        (-5_000_000m + Discounting.PresentValue(2_700_000m, irr, 2) + Discounting.PresentValue(3_600_000m, irr, 3)).ShouldBe(0m, 0.01m);
    }

    [Fact]
    public void The_cap_holds_payments_cumulatively_in_year_order()
    {
        // £2.7m in year 2 leaves £3.3m of a £6m cap for year 3's £3.6m.
        var result = SocialImpactBond.Calculate(Peterborough(cap: 6_000_000m)).Value!;

        result.Cohorts.Select(c => (c.UncappedPayment, c.Payment)).ShouldBe([(0m, 0m), (2_700_000m, 2_700_000m), (3_600_000m, 3_300_000m)]);
        result.TotalPaid.ShouldBe(6_000_000m);
        result.CapApplied.ShouldBeTrue();
        Rounding.Ratio(result.Irr!.Value).ShouldBe(0.0744m);
        result.Cohorts[2].Working.ShouldContain("Capped: only £3,300,000.00 of the £6,000,000.00 cap was left, so £300,000.00 is not paid");
    }

    [Fact]
    public void Getting_the_investment_back_and_no_more_is_a_return_of_nothing()
    {
        var result = SocialImpactBond.Calculate(Peterborough(cap: 5_000_000m)).Value!;

        result.TotalPaid.ShouldBe(5_000_000m);
        result.Multiple.ShouldBe(1m);
        result.Irr.ShouldBe(0m);
    }

    [Fact]
    public void With_nothing_paid_there_is_no_rate_of_return()
    {
        var result = SocialImpactBond.Calculate(Peterborough() with { Cohorts = [new(1, 1_000, 0.58m), new(2, 1_000, 0.65m)] }).Value!;

        result.TotalPaid.ShouldBe(0m);
        result.Irr.ShouldBeNull();
        result.Multiple.ShouldBe(0m);
        result.Working.ShouldContain("Internal rate of return: none, because nothing was paid back on the investment");
    }

    [Fact]
    public void An_improvement_exactly_at_the_threshold_pays()
    {
        var result = SocialImpactBond.Calculate(Peterborough() with { Cohorts = [new(1, 100, 0.54m)] }).Value!;

        result.Cohorts[0].MetThreshold.ShouldBeTrue();
        result.Cohorts[0].Payment.ShouldBe(6m * 30_000m);
    }

    [Fact]
    public void Bad_input_is_refused_naming_each_field()
    {
        var input = new SocialImpactBond.Input(-1m, 0m, 1.5m, -2m, -3m, [new(1, -10, 0.5m), new(1, 10, -0.1m)]);

        SocialImpactBond.Calculate(input).Errors!.ByField.Keys.ShouldBe(
            ["investment", "baselineRate", "threshold", "paymentPerOutcome", "cap", "cohorts[0].size", "cohorts[1].year", "cohorts[1].outcomeRate"],
            ignoreOrder: true);
    }

    [Fact]
    public void The_total_paid_never_exceeds_the_cap_and_the_irr_solves_the_flows()
    {
        var cases =
            from cohorts in Gen.Choose(1, 6)
            from rates in Gen.ArrayOf(Gen.Choose(0, 1_000), cohorts)
            from sizes in Gen.ArrayOf(Gen.Choose(0, 2_000), cohorts)
            from cap in Gen.Choose(0, 2_000_000_000)
            from investment in Gen.Choose(1, 10_000_000)
            select (Rates: rates, Sizes: sizes, Cap: cap / 100m, Investment: (decimal)investment);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var cohorts = c.Rates.Select((r, i) => new SocialImpactBond.Cohort(i + 1, c.Sizes[i], r / 1_000m)).ToList();
                var result = SocialImpactBond.Calculate(new(c.Investment, 0.6m, 0.1m, 24_999.99m, c.Cap, cohorts)).Value!;
                var pence = result.InPence();
                var flows = new decimal[cohorts.Count + 1];
                flows[0] = -c.Investment;
                result.Cohorts.ToList().ForEach(k => flows[k.Year] += k.Payment);
                return result.TotalPaid <= c.Cap
                    && pence.TotalPaid <= c.Cap
                    && pence.TotalPaid == pence.Cohorts.Sum(k => k.Payment)
                    && pence.Cohorts.All(k => k.Payment >= 0)
                    && result.Cohorts.All(k => k.Payment >= 0 && k.Payment <= k.UncappedPayment)
                    && (result.Irr is null) == (result.TotalPaid == 0)
                    && (result.Irr is not { } irr || (PresentValueSign(flows, irr - 0.000_000_001m) > 0 && PresentValueSign(flows, irr + 0.000_000_001m) < 0));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    /// <summary>
    /// The sign of Σ flow[t] ÷ (1 + r)^t, worked out without overflow: times (1 + r)^T below 0%, as Σ flow[t] × d^t with
    /// d = 1 ÷ (1 + r) from 0% up. Multiplying by a positive number keeps the sign.
    /// </summary>
    private static int PresentValueSign(decimal[] flows, decimal rate)
    {
        var sum = 0m;
        if (rate < 0)
        {
            foreach (var flow in flows)
            {
                sum = (sum * (1 + rate)) + flow;
            }
        }
        else
        {
            for (var t = flows.Length - 1; t >= 0; t--)
            {
                sum = (sum / (1 + rate)) + flows[t];
            }
        }

        return Math.Sign(sum);
    }
}
