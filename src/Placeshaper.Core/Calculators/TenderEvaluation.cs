namespace Placeshaper.Calculators;

/// <summary>
/// Scores bids on price, quality and social value together, the most economically advantageous tender under the
/// Procurement Act 2023 (s.19). Pure: the evaluation of a real tender and <c>POST /api/v1/calculators/tender-evaluation</c>
/// both call <see cref="Calculate"/>, so what bidders are told is exactly what was worked out.
/// </summary>
/// <remarks>
/// priceScore = weights.price × lowest price ÷ bid price;
/// qualityScore = weights.quality × Σ (question weight / 100 × score / maxScore), and social value likewise;
/// total = the sum. Rank 1 is the highest total, ties broken by the higher quality score, then the lower price.
/// A bid is abnormally low when its price is below abnormallyLowRatio × the mean price of the other bids: a flag to
/// investigate, never a verdict: under s.19 a tender may be disregarded as abnormally low only after the supplier has been
/// told and given a reasonable opportunity to show it can perform at that price (Cabinet Office, "Assessing competitive
/// tenders" guidance, 2024).
/// </remarks>
public static class TenderEvaluation
{
    public const int MaxBids = 200;
    public const int MaxQuestions = 50;

    /// <summary>Social value's least share of the weighting unless a reason is recorded: Cabinet Office PPN 002 (2025).</summary>
    public const decimal MinimumSocialValueWeight = 10;

    public const decimal DefaultAbnormallyLowRatio = 0.8m;

    public sealed record Weights(decimal? Price, decimal? Quality, decimal? SocialValue);

    public sealed record Question(string? Id, decimal? Weight);

    public sealed record Bid(string? Bidder, decimal? Price, IReadOnlyDictionary<string, decimal?>? Quality, IReadOnlyDictionary<string, decimal?>? SocialValue);

    public sealed record Input(
        Weights? Weights,
        decimal? MaxScore,
        IReadOnlyList<Question>? QualityQuestions,
        IReadOnlyList<Question>? SocialValueQuestions,
        IReadOnlyList<Bid>? Bids,
        decimal? AbnormallyLowRatio = null,
        string? SocialValueWaiverReason = null);

    public sealed record ScoredBid(
        string Bidder,
        decimal Price,
        decimal PriceScore,
        decimal QualityScore,
        decimal SocialValueScore,
        decimal Total,
        int Rank,
        bool AbnormallyLow,
        decimal? MeanOfOtherPrices,
        IReadOnlyList<string> Working);

    public sealed record Evaluated(IReadOnlyList<ScoredBid> Bids, decimal LowestPrice);

    public static Result<Evaluated> Calculate(Input input)
    {
        var errors = new Errors();
        var (price, quality, social) = CheckWeights(input, errors);
        if (input.MaxScore is not { } maxScore || maxScore <= 0)
        {
            errors.Add("maxScore", "Give the top of the scoring scale, a number above 0 (5 for scores from 0 to 5)");
            maxScore = 0;
        }

        var ratio = input.AbnormallyLowRatio ?? DefaultAbnormallyLowRatio;
        if (ratio <= 0 || ratio > 1)
        {
            errors.Add("abnormallyLowRatio", "Give the abnormally low ratio as a fraction above 0 and up to 1: 0.8 flags prices under 80% of the others' mean");
        }

        var qualityQuestions = CheckQuestions(input.QualityQuestions ?? [], "qualityQuestions", quality, errors);
        var socialQuestions = CheckQuestions(input.SocialValueQuestions ?? [], "socialValueQuestions", social, errors);
        var bids = input.Bids ?? [];
        if (bids.Count == 0)
        {
            errors.Add("bids", "Give at least one bid");
        }
        else if (bids.Count > MaxBids)
        {
            errors.Add("bids", $"Give at most {MaxBids} bids");
        }

        // Too many bids or questions is refused before each is checked against each.
        if (bids.Count > MaxBids || (input.QualityQuestions?.Count ?? 0) > MaxQuestions || (input.SocialValueQuestions?.Count ?? 0) > MaxQuestions)
        {
            return errors;
        }

        var bidders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < bids.Count; i++)
        {
            var bid = bids[i];
            if (bid is null)
            {
                errors.Add($"bids[{i}]", "Give the bidder, price and scores");
                continue;
            }

            if (string.IsNullOrWhiteSpace(bid.Bidder))
            {
                errors.Add($"bids[{i}].bidder", "Name the bidder");
            }
            else if (!bidders.Add(bid.Bidder.Trim()))
            {
                errors.Add($"bids[{i}].bidder", $"{bid.Bidder.Trim()} has already bid; each bidder bids once");
            }

            if (bid.Price is not { } p || p < 0.01m || p > 1_000_000_000_000m)
            {
                errors.Add($"bids[{i}].price", "Give the bid's price in pounds, at least £0.01");
            }

            CheckScores(bid.Quality, qualityQuestions, $"bids[{i}].quality", maxScore, errors);
            CheckScores(bid.SocialValue, socialQuestions, $"bids[{i}].socialValue", maxScore, errors);
        }

        if (errors.Any)
        {
            return errors;
        }

        var lowest = bids.Min(b => b.Price!.Value);
        var scored = bids.Select((bid, i) =>
        {
            var bidPrice = bid.Price!.Value;
            var priceScore = price * (lowest / bidPrice);
            var qualityScore = quality * GroupShare(bid.Quality!, qualityQuestions, maxScore);
            var socialScore = social * GroupShare(bid.SocialValue!, socialQuestions, maxScore);
            decimal? mean = bids.Count > 1 ? bids.Where((_, k) => k != i).Average(b => b.Price!.Value) : null;
            var abnormallyLow = mean is { } m && bidPrice < ratio * m;
            var working = new List<string>
            {
                $"Price: {Rounding.Plain(price)} × {Rounding.Pounds(lowest)} ÷ {Rounding.Pounds(bidPrice)} = {Rounding.Show(priceScore)}",
                $"Quality: {Rounding.Plain(quality)} × ({Share(bid.Quality!, qualityQuestions, maxScore)}) = {Rounding.Show(qualityScore)}",
                $"Social value: {Rounding.Plain(social)} × ({Share(bid.SocialValue!, socialQuestions, maxScore)}) = {Rounding.Show(socialScore)}",
            };
            if (mean is { } otherMean)
            {
                working.Add(abnormallyLow
                    ? $"Abnormally low: {Rounding.Pounds(bidPrice)} is under {Rounding.Plain(ratio)} × {Rounding.Pounds(otherMean)} (the other bids' mean) = {Rounding.Pounds(ratio * otherMean)}: ask the bidder to explain before deciding"
                    : $"Not abnormally low: {Rounding.Pounds(bidPrice)} is at least {Rounding.Plain(ratio)} × {Rounding.Pounds(otherMean)} = {Rounding.Pounds(ratio * otherMean)}");
            }

            return (Bidder: bid.Bidder!.Trim(), Price: bidPrice, priceScore, qualityScore, socialScore, Total: priceScore + qualityScore + socialScore, abnormallyLow, mean, working);
        }).ToList();

        // Rank on exact figures: total, then quality, then price; bids equal on all three share a rank.
        var ordered = scored.OrderByDescending(s => s.Total).ThenByDescending(s => s.qualityScore).ThenBy(s => s.Price).ToList();
        var results = scored.Select(s =>
        {
            var rank = 1 + ordered.Count(o => o.Total > s.Total
                || (o.Total == s.Total && o.qualityScore > s.qualityScore)
                || (o.Total == s.Total && o.qualityScore == s.qualityScore && o.Price < s.Price));
            return new ScoredBid(s.Bidder, s.Price, s.priceScore, s.qualityScore, s.socialScore, s.Total, rank, s.abnormallyLow, s.mean, s.working);
        }).ToList();
        return new Evaluated(results, lowest);
    }

    private static (decimal Price, decimal Quality, decimal Social) CheckWeights(Input input, Errors errors)
    {
        var weights = input.Weights;
        decimal Weight(decimal? value, string field)
        {
            if (value is not { } w || w < 0 || w > 100)
            {
                errors.Add($"weights.{field}", "Give a weight from 0 to 100");
                return 0;
            }

            return w;
        }

        if (weights is null)
        {
            errors.Add("weights", "Give the weights of price, quality and social value");
            return (0, 0, 0);
        }

        var price = Weight(weights.Price, "price");
        var quality = Weight(weights.Quality, "quality");
        var social = Weight(weights.SocialValue, "socialValue");
        if (!errors.Any && price + quality + social != 100)
        {
            errors.Add("weights", $"The weights add up to {Rounding.Plain(price + quality + social)}; price, quality and social value must add up to 100");
        }

        if (social < MinimumSocialValueWeight && string.IsNullOrWhiteSpace(input.SocialValueWaiverReason))
        {
            errors.Add("weights.socialValue", $"Social value must carry at least {Rounding.Plain(MinimumSocialValueWeight)}% of the weighting (PPN 002), unless you record the reason in socialValueWaiverReason");
        }

        return (price, quality, social);
    }

    private static List<(string Id, decimal Weight)> CheckQuestions(IReadOnlyList<Question> questions, string field, decimal groupWeight, Errors errors)
    {
        var valid = new List<(string, decimal)>();
        if (questions.Count == 0)
        {
            if (groupWeight > 0)
            {
                errors.Add(field, "Give at least one question, or weigh this part 0");
            }

            return valid;
        }

        if (questions.Count > MaxQuestions)
        {
            errors.Add(field, $"Give at most {MaxQuestions} questions");
            return valid;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var q = 0; q < questions.Count; q++)
        {
            if (questions[q] is null)
            {
                errors.Add($"{field}[{q}]", "Give the question's id and weight");
                continue;
            }

            var id = questions[q].Id?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                errors.Add($"{field}[{q}].id", "Give the question an id");
                continue;
            }

            if (!ids.Add(id))
            {
                errors.Add($"{field}[{q}].id", $"The question {id} is given twice");
            }

            if (questions[q].Weight is not { } weight || weight < 0 || weight > 100)
            {
                errors.Add($"{field}[{q}].weight", "Give a weight from 0 to 100");
                continue;
            }

            valid.Add((id, weight));
        }

        if (valid.Count == questions.Count && valid.Sum(v => v.Item2) != 100 && questions.Count > 0)
        {
            errors.Add(field, $"The question weights add up to {Rounding.Plain(valid.Sum(v => v.Item2))}; they must add up to 100");
        }

        return valid;
    }

    private static void CheckScores(IReadOnlyDictionary<string, decimal?>? scores, List<(string Id, decimal Weight)> questions, string field, decimal maxScore, Errors errors)
    {
        scores ??= new Dictionary<string, decimal?>();
        foreach (var unknown in scores.Keys.Where(k => questions.All(q => q.Id != k)))
        {
            errors.Add($"{field}.{unknown}", $"There is no question {unknown}");
        }

        foreach (var (id, _) in questions)
        {
            if (!scores.TryGetValue(id, out var score) || score is null)
            {
                errors.Add($"{field}.{id}", $"Score question {id}");
            }
            else if (score < 0 || (maxScore > 0 && score > maxScore))
            {
                errors.Add($"{field}.{id}", $"Scores run from 0 to {Rounding.Plain(maxScore)}; {Rounding.Plain(score.Value)} is outside the scale");
            }
        }
    }

    private static decimal GroupShare(IReadOnlyDictionary<string, decimal?> scores, List<(string Id, decimal Weight)> questions, decimal maxScore) =>
        questions.Sum(q => q.Weight / 100 * scores[q.Id]!.Value / maxScore);

    private static string Share(IReadOnlyDictionary<string, decimal?> scores, List<(string Id, decimal Weight)> questions, decimal maxScore) =>
        questions.Count == 0 ? "no questions" : string.Join(" + ", questions.Select(q => $"{Rounding.Plain(q.Weight)}% × {Rounding.Plain(scores[q.Id]!.Value)}/{Rounding.Plain(maxScore)}"));
}
