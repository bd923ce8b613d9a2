using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Calculators;

namespace Placeshaper.Tests.Calculators;

public sealed class OptionsAppraisalTests
{
    private static OptionsAppraisal.Input ThreeOptions(decimal? discountRate = null, decimal? optimismBias = null) => new(
        10,
        [new("quality", 60), new("cost", 40)],
        [
            new("in-house", new Dictionary<string, decimal?> { ["quality"] = 8, ["cost"] = 5 }, [new(0, 100_000), new(1, 500_000), new(2, 500_000)]),
            new("outsource", new Dictionary<string, decimal?> { ["quality"] = 6, ["cost"] = 9 }),
            new("mutual", new Dictionary<string, decimal?> { ["quality"] = 5, ["cost"] = 5 }),
        ],
        discountRate,
        optimismBias);

    [Fact]
    public void Weighted_scores_rank_the_options_out_of_100()
    {
        // in-house (60×8 + 40×5)/10 = 68; outsource (60×6 + 40×9)/10 = 72; mutual (60×5 + 40×5)/10 = 50.
        var appraised = OptionsAppraisal.Calculate(ThreeOptions()).Value!;

        appraised.Options.Select(o => (o.Id, o.WeightedScore, o.Rank)).ShouldBe([("in-house", 68m, 2), ("outsource", 72m, 1), ("mutual", 50m, 3)]);
        appraised.Leaders.ShouldBe(["outsource"]);
        appraised.Options[0].Working[0].ShouldBe("60 × 8 + 40 × 5 = 680; ÷ 10 = 68.00");
    }

    [Fact]
    public void Whole_life_cost_is_discounted_at_the_green_book_rate_unless_another_is_given()
    {
        // 100,000 + 500,000 / 1.035 + 500,000 / 1.035² = 1,049,847.1376…
        var appraised = OptionsAppraisal.Calculate(ThreeOptions()).Value!;
        var undiscounted = OptionsAppraisal.Calculate(ThreeOptions(discountRate: 0, optimismBias: 0.2m)).Value!;

        Rounding.ToTwoPlaces(appraised.Options[0].NpvCost!.Value).ShouldBe(1_049_847.14m);
        appraised.Options[1].NpvCost.ShouldBeNull();
        appraised.DiscountRate.ShouldBe(0.035m);
        undiscounted.Options[0].NpvCost.ShouldBe(1_100_000m);
        undiscounted.Options[0].NpvCostWithOptimismBias.ShouldBe(1_320_000m);
    }

    [Fact]
    public void Sensitivity_finds_the_weight_at_which_another_option_draws_level()
    {
        // Raising quality from 60 to 66⅔ (cost falls to 33⅓): in-house 8×66⅔ + 5×33⅓ = 700 = outsource 6×66⅔ + 9×33⅓.
        var sensitivity = OptionsAppraisal.Calculate(ThreeOptions()).Value!.Sensitivity;

        sensitivity.Select(s => (s.Criterion, Rounding.ToTwoPlaces(s.WeightChangeToChangeLeader), Rounding.ToTwoPlaces(s.NewWeight), s.NewLeader))
            .ShouldBe([("quality", 6.67m, 66.67m, "in-house"), ("cost", -6.67m, 33.33m, "in-house")]);
    }

    [Fact]
    public void A_leader_that_wins_on_every_criterion_cannot_be_overturned_by_any_weight()
    {
        var input = new OptionsAppraisal.Input(10, [new("a", 50), new("b", 50)],
        [
            new("best", new Dictionary<string, decimal?> { ["a"] = 9, ["b"] = 9 }),
            new("worse", new Dictionary<string, decimal?> { ["a"] = 3, ["b"] = 8 }),
        ]);

        var sensitivity = OptionsAppraisal.Calculate(input).Value!.Sensitivity;

        sensitivity.ShouldAllBe(s => s.WeightChangeToChangeLeader == null && s.NewLeader == null);
    }

    [Theory]
    [InlineData("criteria", "The weights add up to 90; they must add up to 100")]
    [InlineData("options[0].scores.cost", "Score in-house against cost")]
    [InlineData("options[1].scores.quality", "Scores run from 0 to 10; 11 is outside the scale")]
    [InlineData("discountRate", "The discount rate cannot be negative")]
    public void Bad_input_is_refused_naming_the_field(string field, string message)
    {
        var input = new OptionsAppraisal.Input(
            10,
            [new("quality", 50), new("cost", 40)],
            [
                new("in-house", new Dictionary<string, decimal?> { ["quality"] = 8 }),
                new("outsource", new Dictionary<string, decimal?> { ["quality"] = 11, ["cost"] = 9 }),
            ],
            DiscountRate: -0.01m);

        var errors = OptionsAppraisal.Calculate(input).Errors!.ByField;

        errors[field].ShouldContain(message);
    }

    [Fact]
    public void Options_whose_lines_are_all_but_parallel_do_not_break_the_arithmetic()
    {
        // Found by the property below: dividing by 100 − w first left a residue of 10⁻²⁶ where the slope was exactly 0.
        var valid = Valid(([66m, 33m, 1m], new decimal[,] { { 6, 4, 5 }, { 6, 10, 6 }, { 4, 3, 8 }, { 8, 9, 7 }, { 3, 8, 2 } }));

        var findings = WeightSensitivity.For(valid);

        findings.Count.ShouldBe(3);
        findings.ShouldAllBe(f => f.NewWeight == null || (f.NewWeight >= 0 && f.NewWeight <= 100));
    }

    [Fact]
    public void Huge_or_hostile_requests_are_refused_cheaply_and_never_overflow()
    {
        var many = Enumerable.Range(0, 20_000).Select(i => new OptionsAppraisal.Criterion($"c{i}", 0)).ToList();
        var tooMany = OptionsAppraisal.Calculate(new OptionsAppraisal.Input(10, many, Enumerable.Range(0, 20_000).Select(i => new OptionsAppraisal.Option($"o{i}", null)).ToList()));
        var nulls = OptionsAppraisal.Calculate(new OptionsAppraisal.Input(10, [null!], [null!]));
        var longHighRate = OptionsAppraisal.Calculate(new OptionsAppraisal.Input(10, [new("q", 100)],
            [new("a", new Dictionary<string, decimal?> { ["q"] = 5 }, Enumerable.Range(0, 101).Select(y => new OptionsAppraisal.Cost(y, 1_000_000_000m)).ToList())], DiscountRate: 1));

        tooMany.Errors!.ByField.Keys.ShouldBe(["criteria", "options"], ignoreOrder: true);
        nulls.Errors!.ByField.Keys.ShouldBe(["criteria[0]", "options[0]"], ignoreOrder: true);
        longHighRate.Value!.Options[0].NpvCost!.Value.ShouldBe(2_000_000_000m, 0.01m);
    }

    [Fact]
    public void Empty_lists_are_refused()
    {
        var errors = OptionsAppraisal.Calculate(new OptionsAppraisal.Input(10, [], [])).Errors!.ByField;

        errors.Keys.ShouldBe(["criteria", "options"], ignoreOrder: true);
    }

    // The sensitivity rule has edge cases (ties, boundaries, near-parallel lines) that 100 cases can miss.
    private static readonly Config ThousandCases = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static readonly Gen<(decimal[] Weights, decimal[,] Scores)> Appraisals =
        from criteria in Gen.Choose(2, 5)
        from cuts in Gen.ArrayOf(Gen.Choose(0, 100), criteria - 1)
        from options in Gen.Choose(2, 5)
        from scores in Gen.ArrayOf(Gen.Choose(0, 10), criteria * options)
        select (Weights(cuts), Matrix(scores, options, criteria));

    // Cutting 0–100 at random points gives whole-number weights that always add up to 100.
    private static decimal[] Weights(int[] cuts)
    {
        var points = cuts.Order().Prepend(0).Append(100).ToArray();
        return points.Zip(points.Skip(1), (a, b) => (decimal)(b - a)).ToArray();
    }

    private static decimal[,] Matrix(int[] scores, int options, int criteria)
    {
        var matrix = new decimal[options, criteria];
        for (var i = 0; i < scores.Length; i++)
        {
            matrix[i / criteria, i % criteria] = scores[i];
        }

        return matrix;
    }

    private static OptionsAppraisal.Valid Valid((decimal[] Weights, decimal[,] Scores) c) => new(
        10,
        Enumerable.Range(0, c.Weights.Length).Select(i => $"c{i}").ToList(),
        c.Weights,
        Enumerable.Range(0, c.Scores.GetLength(0)).Select(i => $"o{i}").ToList(),
        c.Scores);

    private static List<int> LeadersUnder(OptionsAppraisal.Valid valid, IReadOnlyList<decimal> weights)
    {
        var scores = Enumerable.Range(0, valid.Options.Count).Select(i => OptionsAppraisal.WeightedScore(valid, weights, i)).ToList();
        return Enumerable.Range(0, scores.Count).Where(i => scores[i] >= scores.Max() - 0.000_000_001m).ToList();
    }

    [Fact]
    public void The_leader_never_changes_for_a_weight_change_smaller_than_the_one_reported()
    {
        Prop.ForAll(Arb.From(Gen.Zip(Appraisals, Gen.Choose(0, 99))), t =>
            {
                var (appraisal, percent) = t;
                var valid = Valid(appraisal);
                var leaders = LeadersUnder(valid, valid.Weights);
                return WeightSensitivity.For(valid).Select((finding, c) =>
                {
                    if (leaders.Count > 1)
                    {
                        return finding.WeightChangeToChangeLeader == 0;
                    }

                    // Try moves up to 99% of the reported change, or across the whole range when none is reported.
                    var targets = finding.WeightChangeToChangeLeader is { } change
                        ? [valid.Weights[c] + (change * percent / 100)]
                        : new[] { percent, 100m, 0m };
                    return targets.All(x => LeadersUnder(valid, WeightSensitivity.Rescale(valid.Weights, c, x)).SequenceEqual(leaders));
                }).All(ok => ok);
            })
            .Check(ThousandCases);
    }

    [Fact]
    public void At_the_reported_weight_the_new_leader_draws_level_with_the_old()
    {
        Prop.ForAll(Arb.From(Appraisals), appraisal =>
            {
                var valid = Valid(appraisal);
                var leader = LeadersUnder(valid, valid.Weights)[0];
                return WeightSensitivity.For(valid).Select((finding, c) =>
                {
                    if (finding.NewWeight is not { } x)
                    {
                        return true;
                    }

                    var weights = WeightSensitivity.Rescale(valid.Weights, c, x);
                    var challenger = valid.Options.ToList().IndexOf(finding.NewLeader!);
                    return x is >= 0 and <= 100
                        && Math.Abs(OptionsAppraisal.WeightedScore(valid, weights, leader) - OptionsAppraisal.WeightedScore(valid, weights, challenger)) < 0.000_000_001m;
                }).All(ok => ok);
            })
            .Check(ThousandCases);
    }

    [Fact]
    public void Present_value_of_positive_costs_falls_as_the_discount_rate_rises()
    {
        var cases =
            from amounts in Gen.NonEmptyListOf(Gen.Choose(1, 10_000_000))
            from low in Gen.Choose(0, 200)
            from step in Gen.Choose(1, 200)
            select (Amounts: amounts.ToArray(), Low: low / 1000m, High: (low + step) / 1000m);

        Prop.ForAll(Arb.From(cases), c =>
            {
                decimal Npv(decimal rate) => c.Amounts.Select((a, year) => Discounting.PresentValue(a, rate, year)).Sum();
                return c.Amounts.Length == 1 ? Npv(c.Low) == Npv(c.High) : Npv(c.Low) > Npv(c.High);
            })
            .QuickCheckThrowOnFailure();
    }
}
