using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Reviews;

namespace Placeshaper.Tests.Reviews;

public sealed class RatingSummaryTests
{
    private static RatingSummary.Scores All(int stars) => new(stars, stars, stars, stars);

    [Fact]
    public void One_five_star_review_does_not_outrank_forty_four_star_reviews()
    {
        var fortyFours = Enumerable.Repeat(All(4), 40).ToList();
        var oneFive = new[] { All(5) };
        var steady = RatingSummary.Of(fortyFours);
        var lucky = RatingSummary.Of(oneFive);

        lucky.Overall.ShouldBe(5m);
        steady.Overall.ShouldBe(4m);
        steady.BayesianAverage.ShouldBeGreaterThan(lucky.BayesianAverage);
    }

    [Fact]
    public void The_working_shows_the_formula_with_its_figures()
    {
        // Prior 3.5 from all reviews; this provider has 5 and 4 (sum 9): (5 × 3.5 + 9) ÷ (5 + 2) = 26.5 ÷ 7 = 3.7857…
        var summary = RatingSummary.Of([All(5), All(4)], 3.5m);

        summary.BayesianAverageShown.ShouldBe(3.79m);
        summary.Working.ShouldBe("(5 × 3.50 + 9) ÷ (5 + 2) = 3.79");
        summary.Stars.ShouldBe([0, 0, 0, 1, 1]);
        (summary.Quality, summary.Overall).ShouldBe((4.5m, 4.5m));
    }

    [Fact]
    public void Each_review_counts_once_in_the_distribution_by_its_overall_rating_rounded_half_away_from_zero()
    {
        // 4, 4, 5, 5 → 4.5 → 5 stars; 1, 2, 2, 2 → 1.75 → 2 stars.
        var summary = RatingSummary.Of([new(4, 4, 5, 5), new(1, 2, 2, 2)], 3m);

        summary.Stars.ShouldBe([0, 1, 0, 0, 1]);
    }

    [Fact]
    public void With_no_reviews_a_provider_sits_at_the_prior()
    {
        var summary = RatingSummary.Of([]);

        (summary.Count, summary.Overall, summary.BayesianAverage).ShouldBe((0, null, RatingSummary.NeutralMean));
    }

    [Fact]
    public void The_ranking_score_always_lies_between_the_prior_and_the_providers_own_mean_and_the_stars_add_up_to_the_count()
    {
        var dimension = Gen.Choose(1, 5);
        var review = from q in dimension from r in dimension from s in dimension from v in dimension select new RatingSummary.Scores(q, r, s, v);
        var cases = from reviews in Gen.ListOf(review) from prior in Gen.Choose(100, 500) select (Reviews: reviews.ToList(), Prior: prior / 100m);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var summary = RatingSummary.Of(c.Reviews, c.Prior);
                var mean = c.Reviews.Count == 0 ? c.Prior : c.Reviews.Sum(r => r.Overall) / c.Reviews.Count;
                return summary.Stars.Sum() == c.Reviews.Count
                    && summary.BayesianAverage >= Math.Min(mean, c.Prior) - 0.0000001m
                    && summary.BayesianAverage <= Math.Max(mean, c.Prior) + 0.0000001m;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
