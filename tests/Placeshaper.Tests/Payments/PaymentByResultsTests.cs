using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Payments;

namespace Placeshaper.Tests.Payments;

public sealed class PaymentByResultsTests
{
    private static Dictionary<int, decimal?> Achieved(params (int Year, decimal Count)[] counts) => counts.ToDictionary(c => c.Year, c => (decimal?)c.Count);

    /// <summary>Troubled Families' shape: £1m a year, 80/20 in year one, 60/40 in year two, 40/60 in year three.</summary>
    private static PaymentByResults.Input TroubledFamilies() => new(
        [new(1, 1_000_000m, 0.2m), new(2, 1_000_000m, 0.4m), new(3, 1_000_000m, 0.6m)],
        [
            new("crime-asb-education", 700m, Achieved((1, 200), (2, 400), (3, 600))),
            new("continuous-employment", 800m, Achieved((1, 50), (2, 150), (3, 300))),
        ]);

    [Fact]
    public void Troubled_families_80_20_then_60_40_then_40_60_pays_the_attachment_fee_and_outcomes_up_to_the_pot()
    {
        // Year 1: attachment 1,000,000 × 0.8 = 800,000; earned 200 × 700 + 50 × 800 = 180,000 of a 200,000 pot; 20,000 forgone.
        // Year 2: attachment 600,000; earned 400 × 700 + 150 × 800 = 400,000, exactly the pot.
        // Year 3: attachment 400,000; earned 600 × 700 + 300 × 800 = 660,000, held to the 600,000 pot; nothing forgone.
        var result = PaymentByResults.Calculate(TroubledFamilies()).Value!;

        result.Years.Select(y => (y.Year, y.Attachment, y.OutcomeEarned, y.OutcomePaid, y.Forgone, y.Total)).ShouldBe([
            (1, 800_000m, 180_000m, 180_000m, 20_000m, 980_000m),
            (2, 600_000m, 400_000m, 400_000m, 0m, 1_000_000m),
            (3, 400_000m, 660_000m, 600_000m, 0m, 1_000_000m),
        ]);
        result.Total.ShouldBe(2_980_000m);
        result.Years[0].Working.ShouldContain("Outcomes earned: 200 × £700.00 (crime-asb-education) + 50 × £800.00 (continuous-employment) = £180,000.00");
        result.Years[2].Working.ShouldContain("Outcomes paid: the pot, £600,000.00, because £660,000.00 earned is more; the £60,000.00 above the pot is not paid");
    }

    [Fact]
    public void Years_come_back_in_order_and_a_year_with_nothing_achieved_earns_nothing()
    {
        var result = PaymentByResults.Calculate(new([new(2027, 500m, 0.5m), new(2026, 100m, 0m)], [new("x", 10m, Achieved((2027, 3)))])).Value!;

        result.Years.Select(y => (y.Year, y.OutcomeEarned, y.Total)).ShouldBe([(2026, 0m, 100m), (2027, 30m, 280m)]);
        result.Years[0].Working.ShouldContain("Outcomes earned: none achieved = £0.00");
    }

    [Fact]
    public void Bad_input_is_refused_naming_each_field()
    {
        var input = new PaymentByResults.Input(
            [new(1, -1m, 1.5m), new(1, 100m, 0.2m)],
            [new("a", -5m, Achieved((1, -1), (9, 1))), new("a", 1m, Achieved((1, 2.5m)))]);

        PaymentByResults.Calculate(input).Errors!.ByField.Keys.ShouldBe(
            ["years[0].budget", "years[0].outcomeShare", "years[1].year", "outcomes[0].rate", "outcomes[0].achieved.1", "outcomes[0].achieved.9", "outcomes[1].id", "outcomes[1].achieved.1"],
            ignoreOrder: true);
    }

    [Fact]
    public void No_years_is_refused()
    {
        PaymentByResults.Calculate(new([], null)).Errors!.ByField.Keys.ShouldBe(["years"]);
    }

    [Fact]
    public void Outcomes_paid_never_exceed_the_pot_and_the_total_never_exceeds_the_budget()
    {
        var cases =
            from budget in Gen.Choose(0, 1_000_000_000)
            from sharePercent in Gen.Choose(0, 1_000)
            from rates in Gen.ArrayOf(Gen.Choose(0, 5_000_000), 3)
            from counts in Gen.ArrayOf(Gen.Choose(0, 1_000), 3)
            select (Budget: budget / 100m, Share: sharePercent / 1_000m, Rates: rates, Counts: counts);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var outcomes = c.Rates.Select((r, i) => new PaymentByResults.Outcome($"o{i}", r / 100m, Achieved((1, c.Counts[i])))).ToList();
                var result = PaymentByResults.Calculate(new([new(1, c.Budget, c.Share)], outcomes)).Value!;
                var (year, pence) = (result.Years.Single(), result.InPence().Years.Single());
                return year.OutcomePaid <= c.Budget * c.Share
                    && pence.Total <= c.Budget
                    && pence.Attachment + pence.OutcomePaid + pence.Forgone == c.Budget
                    && pence.Forgone >= 0
                    && year.Total <= c.Budget
                    && year.OutcomePaid + year.Forgone == c.Budget * c.Share
                    && year.OutcomePaid == Math.Min(year.OutcomeEarned, c.Budget * c.Share);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }
}
