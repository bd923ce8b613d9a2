using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Calculators;

namespace Placeshaper.Tests.Calculators;

public sealed class TenderEvaluationTests
{
    private static Dictionary<string, decimal?> Scores(params (string Id, decimal Score)[] scores) => scores.ToDictionary(s => s.Id, s => (decimal?)s.Score);

    private static TenderEvaluation.Input ThreeBids() => new(
        new(50, 40, 10),
        5,
        [new("q1", 60), new("q2", 40)],
        [new("sv1", 100)],
        [
            new("Alpha Care Ltd", 100_000, Scores(("q1", 4), ("q2", 3)), Scores(("sv1", 5))),
            new("Brightside CIC", 80_000, Scores(("q1", 3), ("q2", 3)), Scores(("sv1", 2))),
            new("Carewell plc", 120_000, Scores(("q1", 5), ("q2", 5)), Scores(("sv1", 4))),
        ]);

    [Fact]
    public void Price_quality_and_social_value_add_up_to_the_total_that_ranks_the_bids()
    {
        // Alpha: 50 × 80,000/100,000 = 40; 40 × (0.6 × 4/5 + 0.4 × 3/5) = 28.8; 10 × 5/5 = 10; total 78.8.
        // Brightside: 50; 40 × 0.6 = 24; 10 × 2/5 = 4; total 78. Carewell: 33.33…; 40; 8; total 81.33….
        var bids = TenderEvaluation.Calculate(ThreeBids()).Value!.Bids;

        bids.Select(b => (b.Bidder, Rounding.ToTwoPlaces(b.PriceScore), Rounding.ToTwoPlaces(b.QualityScore), Rounding.ToTwoPlaces(b.SocialValueScore), Rounding.ToTwoPlaces(b.Total), b.Rank))
            .ShouldBe([
                ("Alpha Care Ltd", 40m, 28.8m, 10m, 78.8m, 2),
                ("Brightside CIC", 50m, 24m, 4m, 78m, 3),
                ("Carewell plc", 33.33m, 40m, 8m, 81.33m, 1),
            ]);
        bids[0].Working[0].ShouldBe("Price: 50 × £80,000.00 ÷ £100,000.00 = 40.00");
    }

    [Fact]
    public void A_price_well_below_the_others_mean_is_flagged_to_investigate()
    {
        // Brightside's £80,000 is under 0.8 × £110,000 (the mean of the other two) = £88,000.
        var bids = TenderEvaluation.Calculate(ThreeBids()).Value!.Bids;

        bids.Select(b => b.AbnormallyLow).ShouldBe([false, true, false]);
        bids[1].MeanOfOtherPrices.ShouldBe(110_000m);
    }

    [Fact]
    public void Equal_totals_are_ranked_by_quality_then_by_the_lower_price()
    {
        var byQuality = TenderEvaluation.Calculate(new(new(50, 50, 0), 5, [new("q1", 100)], [],
            [new("X", 100, Scores(("q1", 5)), null), new("Y", 50, Scores(("q1", 2.5m)), null)], SocialValueWaiverReason: "Pilot")).Value!.Bids;
        var byPrice = TenderEvaluation.Calculate(new(new(0, 90, 10), 5, [new("q1", 100)], [new("sv1", 100)],
            [new("Dearer", 100, Scores(("q1", 4)), Scores(("sv1", 4))), new("Cheaper", 90, Scores(("q1", 4)), Scores(("sv1", 4)))])).Value!.Bids;

        byQuality.Select(b => (b.Total, b.Rank)).ShouldBe([(75m, 1), (75m, 2)]);
        byPrice.Select(b => b.Rank).ShouldBe([2, 1]);
    }

    [Theory]
    [InlineData("weights", 50, 40, 20, null)]
    [InlineData("weights.socialValue", 50, 45, 5, null)]
    public void Weights_must_add_up_to_100_with_social_value_at_least_10_unless_waived(string field, int price, int quality, int social, string? waiver)
    {
        var input = ThreeBids() with { Weights = new(price, quality, social), SocialValueWaiverReason = waiver };

        TenderEvaluation.Calculate(input).Errors!.ByField.Keys.ShouldContain(field);
        TenderEvaluation.Calculate(input with { SocialValueWaiverReason = "Goods with no social value scope" }).Succeeded.ShouldBe(price + quality + social == 100);
    }

    [Fact]
    public void Bad_bids_are_refused_naming_the_field()
    {
        var input = ThreeBids() with
        {
            Bids =
            [
                new("Alpha Care Ltd", 0, Scores(("q1", 6), ("q2", 3)), Scores(("sv1", 5))),
                new("alpha care ltd", 10, Scores(("q1", 1)), Scores(("sv1", 1), ("sv9", 1))),
            ],
        };

        var errors = TenderEvaluation.Calculate(input).Errors!.ByField;

        errors.Keys.ShouldBe(["bids[0].price", "bids[0].quality.q1", "bids[1].bidder", "bids[1].quality.q2", "bids[1].socialValue.sv9"], ignoreOrder: true);
    }

    [Fact]
    public void Scores_stay_within_each_weight_and_the_cheapest_bid_gets_the_whole_price_weight()
    {
        var cases =
            from count in Gen.Choose(1, 8)
            from prices in Gen.ArrayOf(Gen.Choose(1, 10_000_000), count)
            from scores in Gen.ArrayOf(Gen.Choose(0, 5), count * 2)
            from price in Gen.Choose(0, 90)
            select (Prices: prices, Scores: scores, Price: (decimal)price);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var bids = c.Prices.Select((p, i) => new TenderEvaluation.Bid($"b{i}", p, Scores(("q", c.Scores[2 * i])), Scores(("s", c.Scores[(2 * i) + 1])))).ToList();
                var quality = 90 - c.Price;
                var result = TenderEvaluation.Calculate(new(new(c.Price, quality, 10), 5, [new("q", 100)], [new("s", 100)], bids)).Value!.Bids;
                return result.All(b => b.PriceScore <= c.Price && b.QualityScore <= quality && b.SocialValueScore <= 10 && b.Total <= 100)
                    && result.Where(b => b.Price == c.Prices.Min()).All(b => b.PriceScore == c.Price)
                    && result.Select(b => b.Rank).Order().First() == 1;
            })
            .QuickCheckThrowOnFailure();
    }
}
