using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Hosting;
using Placeshaper.Payments;

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

    public sealed record PbrYearView(int Year, decimal Attachment, decimal OutcomeEarned, decimal OutcomePaid, decimal Forgone, decimal Total, IReadOnlyList<string> Working);

    public sealed record PaymentByResultsResponse(IReadOnlyList<PbrYearView> Years, decimal Total);

    public sealed record SibCohortView(int Year, decimal RelativeImprovement, decimal Outcomes, decimal UncappedPayment, decimal Payment, IReadOnlyList<string> Working);

    public sealed record SocialImpactBondResponse(IReadOnlyList<SibCohortView> Cohorts, decimal TotalPaid, bool CapApplied, decimal? Irr, decimal Multiple, IReadOnlyList<string> Working);

    public sealed record GainShareResponse(decimal Savings, decimal InvestmentRecovered, decimal ExcessShared, decimal ProviderPayment, decimal CouncilNetSaving, IReadOnlyList<string> Working);

    public sealed record KpiCreditView(string Id, decimal Shortfall, decimal CreditPercent, string Rating, IReadOnlyList<string> Working);

    public sealed record ServiceCreditsResponse(IReadOnlyList<KpiCreditView> Kpis, decimal TotalCreditPercent, decimal Credit, bool CapApplied, IReadOnlyList<string> Working);

    public sealed record IndexedYearView(int Year, decimal Factor, decimal PricePerPeriod, int Periods, decimal Total, string Working);

    public sealed record IndexedPriceResponse(IReadOnlyList<IndexedYearView> Years, decimal Total, IReadOnlyList<string> Working);

    public sealed record CalculatorList(IReadOnlyList<string> Calculators);

    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>The calculators this installation offers, in the order they were added.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["options-appraisal", "sroi", "tender-evaluation", "payment-by-results", "social-impact-bond", "gain-share", "service-credits", "indexed-price", "lm3"];

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
        calculators.MapPost("/payment-by-results", PaymentByResultsOf).WithName("PaymentByResultsCalculator")
            .WithSummary("Payment by results with an attachment fee, year by year")
            .WithDescription("For each year: attachment = budget × (1 − outcomeShare); outcomeEarned = Σ rate × achieved[year]; outcomePaid = min(outcomeEarned, budget × outcomeShare); forgone = budget × outcomeShare − outcomePaid; total = attachment + outcomePaid. Shares are fractions from 0 to 1; budgets, rates and counts cannot be negative; each year is given once. Amounts are rounded to the penny at the end and each total is the sum of its rounded parts.");
        calculators.MapPost("/social-impact-bond", SocialImpactBondOf).WithName("SocialImpactBondCalculator")
            .WithSummary("Outcome payments, cap, internal rate of return and multiple of a social impact bond")
            .WithDescription("Per cohort: relativeImprovement = (baselineRate − outcomeRate) ÷ baselineRate; below threshold the payment is 0, otherwise outcomes = (baselineRate − outcomeRate) × size and payment = outcomes × paymentPerOutcome; payments are capped cumulatively in year order so their total never exceeds cap (capApplied is true when the cap cut any). Investors' cash flows are −investment in year 0 and the payments in their years (1 to 100, one cohort a year); irr is the annual rate that makes their present value zero, found by bisection to within 10⁻¹² and given to 4 places, or null when there is none; multiple = totalPaid ÷ investment.");
        calculators.MapPost("/gain-share", GainShareOf).WithName("GainShareCalculator")
            .WithSummary("A provider's share of the savings it makes: its investment back first, then a share of the rest")
            .WithDescription("Give either baselineCost and actualCost, or control.costPerUser and pilot.costPerUser and pilot.users, never both. savings = baselineCost − actualCost, or (control − pilot cost per user) × users. If savings ≤ 0 the provider gets nothing and councilNetSaving = savings. Otherwise investmentRecovered = min(savings, providerInvestment), excessShared = savings − investmentRecovered, providerPayment = investmentRecovered + excessShared × providerShareAfterRecovery (0 to 1), councilNetSaving = savings − providerPayment: the two always add up to savings, to the penny.");
        calculators.MapPost("/service-credits", ServiceCreditsOf).WithName("ServiceCreditsCalculator")
            .WithSummary("Service credits per KPI, rated as contract performance notices rate them, and the capped total")
            .WithDescription("shortfall = target − actual (actual − target when higherIsBetter is false), 0 when met: 0% and rating \"good\". Worse than minimum: maxCreditPercent and \"requires improvement\", or \"inadequate\" when also worse than the optional inadequate level. Otherwise min(maxCreditPercent, shortfall × creditPercentPerUnit) and \"approaching target\". totalCreditPercent = min(capPercent, Σ creditPercent); credit = periodCharge × totalCreditPercent ÷ 100; capApplied when the cap cut the total. A minimum (or inadequate level) on the wrong side of the target (or minimum) is a 400 naming kpis[i].minimum (or kpis[i].inadequate).");
        calculators.MapPost("/indexed-price", IndexedPriceOf).WithName("IndexedPriceCalculator")
            .WithSummary("A periodic price uplifted each year by a fixed percentage or by an index series you supply")
            .WithDescription("Year 1's price per period is basePrice. Give either upliftRate (a fraction: year k = basePrice × (1 + upliftRate)^(k − 1)) or index, one value for each year from 1 to years (year k = basePrice × index[k] ÷ index[1]); no index figures are built in. Each period's price is rounded to the penny, half away from zero; a year's total = that price × periodsPerYear (default 1); total = the sum of the years.");
        calculators.MapPost("/lm3", LocalMultiplierOf).WithName("LocalMultiplierCalculator")
            .WithSummary("The local multiplier (LM3): how much of a council's spend stays local over three rounds")
            .WithDescription("round2 = localSupplierSpend (at most round1); round3 = Σ amount × localRespendShare over suppliers (from re-spend surveys), or localSupplierSpend × localRespendShare when no suppliers are given (give one or the other); lm3 = (round1 + round2 + round3) ÷ round1 to 4 dp. Shares are fractions from 0 to 1; amounts are rounded to the penny at the end.");
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

    private static Results<Ok<Spend.LocalMultiplier.Result>, ValidationProblem> LocalMultiplierOf(Spend.LocalMultiplier.Input input)
    {
        var result = Spend.LocalMultiplier.Calculate(input);
        return result.Succeeded ? TypedResults.Ok(result.Value) : Problems.Validation(result.Errors);
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

    private static Results<Ok<PaymentByResultsResponse>, ValidationProblem> PaymentByResultsOf(PaymentByResults.Input input)
    {
        var result = PaymentByResults.Calculate(input);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var pence = result.Value.InPence();
        return TypedResults.Ok(new PaymentByResultsResponse(
            pence.Years.Select(y => new PbrYearView(y.Year, y.Attachment, y.OutcomeEarned, y.OutcomePaid, y.Forgone, y.Total, y.Working)).ToList(),
            pence.Total));
    }

    private static Results<Ok<SocialImpactBondResponse>, ValidationProblem> SocialImpactBondOf(SocialImpactBond.Input input)
    {
        var result = SocialImpactBond.Calculate(input);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var bond = result.Value.InPence();
        return TypedResults.Ok(new SocialImpactBondResponse(
            bond.Cohorts.Select(c => new SibCohortView(c.Year, Rounding.Ratio(c.RelativeImprovement), c.Outcomes, c.UncappedPayment, c.Payment, c.Working)).ToList(),
            bond.TotalPaid,
            bond.CapApplied,
            bond.Irr is { } irr ? Rounding.Ratio(irr) : null,
            Rounding.Ratio(bond.Multiple),
            bond.Working));
    }

    private static Results<Ok<GainShareResponse>, ValidationProblem> GainShareOf(GainShare.Input input)
    {
        var result = GainShare.Calculate(input);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var share = result.Value.InPence();
        return TypedResults.Ok(new GainShareResponse(share.Savings, share.InvestmentRecovered, share.ExcessShared, share.ProviderPayment, share.CouncilNetSaving, share.Working));
    }

    private static Results<Ok<ServiceCreditsResponse>, ValidationProblem> ServiceCreditsOf(ServiceCredits.Input input)
    {
        var result = ServiceCredits.Calculate(input);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var credits = result.Value;
        return TypedResults.Ok(new ServiceCreditsResponse(
            credits.Kpis.Select(k => new KpiCreditView(k.Id, k.Shortfall, Rounding.ToTwoPlaces(k.CreditPercent), k.Rating, k.Working)).ToList(),
            Rounding.ToTwoPlaces(credits.TotalCreditPercent),
            Rounding.ToTwoPlaces(credits.Credit),
            credits.CapApplied,
            credits.Working));
    }

    private static Results<Ok<IndexedPriceResponse>, ValidationProblem> IndexedPriceOf(Indexation.Input input)
    {
        var result = Indexation.Calculate(input);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        // Prices are already in pence: the rule rounds each period's price, as it is invoiced.
        return TypedResults.Ok(new IndexedPriceResponse(
            result.Value.Years.Select(y => new IndexedYearView(y.Year, Rounding.Ratio(y.Factor), y.PricePerPeriod, y.Periods, y.Total, y.Working)).ToList(),
            result.Value.Total,
            result.Value.Working));
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
