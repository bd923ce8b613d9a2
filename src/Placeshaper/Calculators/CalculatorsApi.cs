using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Hosting;

namespace Placeshaper.Calculators;

/// <summary>
/// <c>POST /api/v1/calculators/{name}</c>: the modelling calculators, stateless and open to anyone (they read and keep
/// nothing), rate-limited per address. Amounts are JSON numbers in pounds; results are rounded to 2 dp half away from
/// zero only at the end, ratios to 4 dp; each response carries the working people see on screen.
/// </summary>
public static class CalculatorsApi
{
    public sealed record ScoredOptionView(string Id, decimal WeightedScore, int Rank, decimal? NpvCost, decimal? NpvCostWithOptimismBias, IReadOnlyList<string> Working);

    public sealed record SensitivityView(string Criterion, decimal Weight, decimal? WeightChangeToChangeLeader, decimal? NewWeight, string? NewLeader);

    public sealed record OptionsAppraisalResponse(IReadOnlyList<ScoredOptionView> Options, IReadOnlyList<SensitivityView> Sensitivity, IReadOnlyList<string> Leaders, decimal DiscountRate, decimal OptimismBias);

    public sealed record YearView(int Year, decimal Value, decimal PresentValue);

    public sealed record SroiOutcomeView(string Id, decimal FirstYearImpact, decimal PresentValue, IReadOnlyList<string> Working);

    public sealed record SroiResponse(decimal PresentValue, decimal NetPresentValue, decimal Ratio, IReadOnlyList<YearView> Years, IReadOnlyList<SroiOutcomeView> Outcomes);

    public sealed record TenderBidView(
        string Bidder, decimal Price, decimal PriceScore, decimal QualityScore, decimal SocialValueScore, decimal Total, int Rank, bool AbnormallyLow, IReadOnlyList<string> Working);

    public sealed record TenderEvaluationResponse(IReadOnlyList<TenderBidView> Bids, decimal LowestPrice);

    public sealed record CalculatorList(IReadOnlyList<string> Calculators);

    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>The calculators this installation offers, in the order they were added.</summary>
    public static readonly IReadOnlyList<string> Names = ["options-appraisal", "sroi", "tender-evaluation"];

    public static void Map(RouteGroupBuilder api)
    {
        // Anonymous, so small: 64 KB holds any real appraisal or evaluation many times over.
        var calculators = api.MapGroup("/calculators").WithTags("Calculators").AllowAnonymous().RequireRateLimiting(RateLimits.Calculators)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes));
        calculators.MapGet("/", () => TypedResults.Ok(new CalculatorList(Names))).WithName("ListCalculators").WithSummary("The calculators on offer");
        calculators.MapPost("/options-appraisal", OptionsAppraisalAsync).WithName("OptionsAppraisalCalculator")
            .WithSummary("Weighted scores, ranks, present-value costs and weight sensitivity of delivery options")
            .WithDescription("weightedScore = Σ weight × score / scale (weights sum to 100); npvCost = Σ amount / (1 + r)^year; sensitivity: the smallest signed change of each criterion's weight, in percentage points with the other weights rescaled in proportion, at which another option draws level with the leader (null if none from 0 to 100).");
        calculators.MapPost("/sroi", Sroi).WithName("SroiCalculator")
            .WithSummary("Social return on investment")
            .WithDescription("Year-1 impact = annualValue × (1 − deadweight) × (1 − displacement) × (1 − attribution); year k = year 1 × (1 − dropOff)^(k − 1), discounted by (1 + r)^k; ratio = presentValue / investment.");
        calculators.MapPost("/tender-evaluation", TenderEvaluationOf).WithName("TenderEvaluationCalculator")
            .WithSummary("Price, quality and social value scores, totals, ranks and abnormally low flags of bids")
            .WithDescription("priceScore = weights.price × lowest price ÷ bid price; qualityScore = weights.quality × Σ (questionWeight/100 × score/maxScore), social value likewise; total = the sum; rank 1 is the highest total, ties broken by the higher quality score, then the lower price; abnormally low when price < abnormallyLowRatio × the mean price of the other bids. Weights add up to 100 and social value carries at least 10 unless socialValueWaiverReason is given.");
        calculators.MapPost("/{name}", (string name) => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Calculator not found",
                detail: $"There is no calculator called '{name}'. The calculators are: {string.Join(", ", Names)}."))
            .ExcludeFromDescription();
    }

    private static Results<Ok<OptionsAppraisalResponse>, ValidationProblem> OptionsAppraisalAsync(OptionsAppraisal.Input input)
    {
        var result = OptionsAppraisal.Calculate(input);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var appraised = result.Value;
        return TypedResults.Ok(new OptionsAppraisalResponse(
            appraised.Options.Select(o => new ScoredOptionView(
                o.Id, Rounding.ToTwoPlaces(o.WeightedScore), o.Rank, Rounding.ToTwoPlaces(o.NpvCost), Rounding.ToTwoPlaces(o.NpvCostWithOptimismBias), o.Working)).ToList(),
            appraised.Sensitivity.Select(s => new SensitivityView(
                s.Criterion, s.Weight, Rounding.ToTwoPlaces(s.WeightChangeToChangeLeader), Rounding.ToTwoPlaces(s.NewWeight), s.NewLeader)).ToList(),
            appraised.Leaders,
            appraised.DiscountRate,
            appraised.OptimismBias));
    }

    private static Results<Ok<TenderEvaluationResponse>, ValidationProblem> TenderEvaluationOf(TenderEvaluation.Input input)
    {
        var result = TenderEvaluation.Calculate(input);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        return TypedResults.Ok(new TenderEvaluationResponse(
            result.Value.Bids.Select(b => new TenderBidView(
                b.Bidder, b.Price, Rounding.ToTwoPlaces(b.PriceScore), Rounding.ToTwoPlaces(b.QualityScore), Rounding.ToTwoPlaces(b.SocialValueScore),
                Rounding.ToTwoPlaces(b.Total), b.Rank, b.AbnormallyLow, b.Working)).ToList(),
            result.Value.LowestPrice));
    }

    private static Results<Ok<SroiResponse>, ValidationProblem> Sroi(SocialReturn.Input input)
    {
        var result = SocialReturn.Calculate(input);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var sroi = result.Value;
        return TypedResults.Ok(new SroiResponse(
            Rounding.ToTwoPlaces(sroi.PresentValue),
            Rounding.ToTwoPlaces(sroi.NetPresentValue),
            Rounding.Ratio(sroi.Ratio),
            sroi.Years.Select(y => new YearView(y.Number, Rounding.ToTwoPlaces(y.Value), Rounding.ToTwoPlaces(y.PresentValue))).ToList(),
            sroi.Outcomes.Select(o => new SroiOutcomeView(o.Id, Rounding.ToTwoPlaces(o.FirstYearImpact), Rounding.ToTwoPlaces(o.PresentValue), o.Working)).ToList()));
    }
}
