using Placeshaper.Calculators;

namespace Placeshaper.Tests.Calculators;

public sealed class SocialReturnTests
{
    private static SocialReturn.Input Befriending(decimal investment = 100_000m) => new(
        investment,
        0.035m,
        [new("fewer-gp-visits", 50_000m, 3, Deadweight: 0.2m, Attribution: 0.1m, Displacement: 0.05m, DropOff: 0.25m)]);

    [Fact]
    public void Impact_is_net_of_deadweight_displacement_and_attribution_then_drops_off_and_is_discounted()
    {
        // Year 1: 50,000 × 0.8 × 0.95 × 0.9 = 34,200; year 2: × 0.75 = 25,650; year 3: 19,237.50.
        // Present value: 34,200/1.035 + 25,650/1.035² + 19,237.50/1.035³ = 74,339.1505…
        var result = SocialReturn.Calculate(Befriending()).Value!;

        result.Years.Select(y => y.Value).ShouldBe([34_200m, 25_650m, 19_237.5m]);
        Rounding.ToTwoPlaces(result.Years[0].PresentValue).ShouldBe(33_043.48m);
        Rounding.ToTwoPlaces(result.PresentValue).ShouldBe(74_339.15m);
        Rounding.Ratio(result.Ratio).ShouldBe(0.7434m);
        Rounding.ToTwoPlaces(result.NetPresentValue).ShouldBe(-25_660.85m);
        result.Outcomes[0].Working[0].ShouldBe("Year 1 impact: £50,000.00 × (1 − 0.2) × (1 − 0.05) × (1 − 0.1) = £34,200.00");
    }

    [Fact]
    public void Years_add_up_across_outcomes_of_different_lengths()
    {
        var input = new SocialReturn.Input(1_000m, 0m,
        [
            new("a", 100m, 2, 0, 0, 0, 0),
            new("b", 10m, 3, 0, 0, 0, 0.5m),
        ]);

        var result = SocialReturn.Calculate(input).Value!;

        result.Years.Select(y => y.Value).ShouldBe([110m, 105m, 2.5m]);
        result.PresentValue.ShouldBe(217.5m);
        result.Ratio.ShouldBe(0.2175m);
    }

    [Theory]
    [InlineData("investment")]
    [InlineData("discountRate")]
    [InlineData("outcomes[0].deadweight")]
    [InlineData("outcomes[0].years")]
    public void Bad_input_is_refused_naming_the_field(string field)
    {
        var input = new SocialReturn.Input(0m, -0.01m, [new("a", 100m, 0, 1.5m, 0, 0, 0)]);

        SocialReturn.Calculate(input).Errors!.ByField.Keys.ShouldContain(field);
    }

    [Fact]
    public void No_outcomes_is_refused()
    {
        SocialReturn.Calculate(new SocialReturn.Input(1m, 0m, [])).Errors!.ByField.Keys.ShouldBe(["outcomes"]);
    }
}
