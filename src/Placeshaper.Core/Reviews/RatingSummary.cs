namespace Placeshaper.Reviews;

/// <summary>
/// What the published reviews of a provider add up to: how many, the spread of stars, the mean of each dimension, and
/// the Bayesian average the directory ranks by, so that one five-star review does not outrank forty four-star ones.
/// </summary>
/// <remarks>
/// Bayesian average = (C × m + Σ overall) ÷ (C + n), where n is the number of reviews, each review's overall rating is
/// the mean of its four dimensions, m = <see cref="NeutralMean"/> (3, the middle of the scale) and C =
/// <see cref="PriorWeight"/>: every provider starts as if it had C middling reviews, and its own reviews pull it away
/// as they accumulate. The prior is the middle of the scale, not the mean of all reviews, so that the ranking never
/// rewards having few reviews: with a prior of m, one five-star review outranks forty four-star ones whenever m is above
/// about 3.77, which the mean of all reviews often is. Shown to 2 dp, half away from zero; ranked unrounded.
/// </remarks>
public sealed record RatingSummary(
    int Count,
    IReadOnlyList<int> Stars,
    decimal? Quality,
    decimal? Reliability,
    decimal? Respect,
    decimal? Value,
    decimal? Overall,
    decimal BayesianAverage,
    decimal PriorMean,
    decimal OverallSum)
{
    public const int PriorWeight = 5;
    public const decimal NeutralMean = 3m;

    public sealed record Scores(int Quality, int Reliability, int Respect, int Value)
    {
        public decimal Overall => (Quality + Reliability + Respect + Value) / 4m;
    }

    public static RatingSummary Of(IReadOnlyCollection<Scores> reviews, decimal priorMean = NeutralMean)
    {
        var stars = new int[5];
        foreach (var review in reviews)
        {
            stars[(int)Math.Round(review.Overall, MidpointRounding.AwayFromZero) - 1]++;
        }

        decimal? Mean(Func<Scores, int> dimension) =>
            reviews.Count == 0 ? null : Math.Round((decimal)reviews.Sum(dimension) / reviews.Count, 2, MidpointRounding.AwayFromZero);

        var sum = reviews.Sum(r => r.Overall);
        return new RatingSummary(
            reviews.Count,
            stars,
            Mean(r => r.Quality),
            Mean(r => r.Reliability),
            Mean(r => r.Respect),
            Mean(r => r.Value),
            reviews.Count == 0 ? null : Math.Round(sum / reviews.Count, 2, MidpointRounding.AwayFromZero),
            (PriorWeight * priorMean + sum) / (PriorWeight + reviews.Count),
            priorMean,
            sum);
    }

    public decimal BayesianAverageShown => Math.Round(BayesianAverage, 2, MidpointRounding.AwayFromZero);

    /// <summary>How the ranking figure was worked out, in words, for the page.</summary>
    public string Working =>
        $"({PriorWeight} × {Math.Round(PriorMean, 2, MidpointRounding.AwayFromZero):0.00} + {OverallSum:0.##}) ÷ ({PriorWeight} + {Count}) = {BayesianAverageShown:0.00}";
}
