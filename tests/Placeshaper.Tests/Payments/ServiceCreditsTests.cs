using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Payments;

namespace Placeshaper.Tests.Payments;

public sealed class ServiceCreditsTests
{
    private static readonly ServiceCredits.Kpi OnTime = new("visits-on-time", 95, 90, 96, true, 1, 5, Inadequate: 80);
    private static readonly ServiceCredits.Kpi Answered = new("calls-answered", 95, 90, 93, true, 1, 5);
    private static readonly ServiceCredits.Kpi Complaints = new("days-to-answer-complaints", 10, 15, 17, false, 0.5m, 4, Inadequate: 20);
    private static readonly ServiceCredits.Kpi Missed = new("missed-visits", 5, 10, 25, false, 1, 6, Inadequate: 20);

    [Fact]
    public void Each_kpi_is_rated_as_a_performance_notice_rates_it()
    {
        // On time: 96 beats 95, good. Answered: 2 short, within the minimum, 2 × 1% = 2%, approaching target.
        // Complaints: 17 days is past the 15-day minimum but not the 20-day inadequate level: the full 4%, requires improvement.
        // Missed visits: 25 is past the inadequate level of 20: the full 6%, inadequate.
        var result = ServiceCredits.Calculate(new(100_000m, 20, [OnTime, Answered, Complaints, Missed])).Value!;

        result.Kpis.Select(k => (k.Id, k.Shortfall, k.CreditPercent, k.Rating)).ShouldBe([
            ("visits-on-time", 0m, 0m, "good"),
            ("calls-answered", 2m, 2m, "approaching target"),
            ("days-to-answer-complaints", 7m, 4m, "requires improvement"),
            ("missed-visits", 20m, 6m, "inadequate"),
        ]);
        (result.TotalCreditPercent, result.Credit, result.CapApplied).ShouldBe((12m, 12_000m, false));
        result.Working.ShouldBe(["Credits: 0% + 2% + 4% + 6% = 12%, within the cap of 20%", "Credit: £100,000.00 × 12% = £12,000.00"]);
    }

    [Fact]
    public void The_cap_holds_the_total_credit()
    {
        var result = ServiceCredits.Calculate(new(100_000m, 10, [OnTime, Answered, Complaints, Missed])).Value!;

        (result.TotalCreditPercent, result.Credit, result.CapApplied).ShouldBe((10m, 10_000m, true));
        result.Working[0].ShouldBe("Credits: 0% + 2% + 4% + 6% = 12%, held to the cap of 10%");
    }

    [Fact]
    public void An_approaching_target_credit_is_held_to_the_kpis_maximum()
    {
        // 4 short × 2% = 8%, more than the KPI's 5%.
        var result = ServiceCredits.Calculate(new(1_000m, 100, [Answered with { Actual = 91, CreditPercentPerUnit = 2 }])).Value!;

        (result.Kpis[0].CreditPercent, result.Kpis[0].Rating, result.Credit).ShouldBe((5m, "approaching target", 50m));
    }

    [Fact]
    public void Exactly_at_the_minimum_is_approaching_target_and_exactly_at_the_inadequate_level_requires_improvement()
    {
        var result = ServiceCredits.Calculate(new(1_000m, 100, [Answered with { Actual = 90 }, Missed with { Actual = 20 }])).Value!;

        result.Kpis.Select(k => k.Rating).ShouldBe(["approaching target", "requires improvement"]);
    }

    [Fact]
    public void A_minimum_or_inadequate_level_on_the_wrong_side_is_refused_naming_the_field()
    {
        var input = new ServiceCredits.Input(-1m, -5, [
            OnTime with { Minimum = 97 },
            Complaints with { Minimum = 8 },
            Missed with { Inadequate = 8 },
            OnTime with { Id = "calls-answered", Inadequate = 92 },
            Answered with { CreditPercentPerUnit = -1, MaxCreditPercent = 101 },
        ]);

        ServiceCredits.Calculate(input).Errors!.ByField.Keys.ShouldBe(
            ["periodCharge", "capPercent", "kpis[0].minimum", "kpis[1].minimum", "kpis[2].inadequate", "kpis[3].inadequate", "kpis[4].id", "kpis[4].creditPercentPerUnit", "kpis[4].maxCreditPercent"],
            ignoreOrder: true);
    }

    [Fact]
    public void The_credit_never_exceeds_the_cap()
    {
        var kpis =
            from target in Gen.Choose(0, 100)
            from below in Gen.Choose(0, 50)
            from actual in Gen.Choose(0, 150)
            from higher in Gen.Elements(true, false)
            from perUnit in Gen.Choose(0, 20)
            from most in Gen.Choose(0, 100)
            select new ServiceCredits.Kpi("k", target, higher ? target - below : target + below, actual, higher, perUnit, most);
        var cases =
            from charge in Gen.Choose(0, 10_000_000)
            from cap in Gen.Choose(0, 100)
            from count in Gen.Choose(1, 11)
            from list in Gen.ArrayOf(kpis, count)
            select (Charge: (decimal)charge, Cap: (decimal)cap, Kpis: list.Select((k, i) => k with { Id = $"k{i}" }).ToList());

        Prop.ForAll(Arb.From(cases), c =>
            {
                var result = ServiceCredits.Calculate(new(c.Charge, c.Cap, c.Kpis)).Value!;
                return result.Credit <= c.Cap / 100 * c.Charge
                    && result.Credit >= 0
                    && result.Kpis.Zip(c.Kpis).All(p => p.First.CreditPercent <= p.Second.MaxCreditPercent)
                    && result.CapApplied == (result.Kpis.Sum(k => k.CreditPercent) > c.Cap);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }
}
