namespace Placeshaper.Calculators;

/// <summary>
/// Social return on investment: the present value of the social outcomes an investment buys, net of what would have
/// happened anyway, per pound invested. Follows the SROI Network's "A guide to Social Return on Investment" (Cabinet
/// Office, 2012): deadweight, displacement and attribution taken off the value, drop-off each later year, discounted.
/// </summary>
/// <remarks>
/// impact in year 1 = annualValue × (1 − deadweight) × (1 − displacement) × (1 − attribution);
/// impact in year k = year-1 impact × (1 − dropOff)^(k − 1), counted at impact / (1 + r)^k;
/// ratio = present value ÷ investment.
/// </remarks>
public static class SocialReturn
{
    public const int MaxOutcomes = 50;

    public sealed record Outcome(string? Id, decimal? AnnualValue, int? Years, decimal? Deadweight, decimal? Attribution, decimal? Displacement, decimal? DropOff, string? Name = null);

    public sealed record Input(decimal? Investment, decimal? DiscountRate, IReadOnlyList<Outcome>? Outcomes);

    public sealed record Year(int Number, decimal Value, decimal PresentValue);

    public sealed record OutcomeResult(string Id, decimal FirstYearImpact, decimal PresentValue, IReadOnlyList<Year> Years, IReadOnlyList<string> Working);

    public sealed record Result(decimal Investment, decimal DiscountRate, decimal PresentValue, decimal NetPresentValue, decimal Ratio, IReadOnlyList<Year> Years, IReadOnlyList<OutcomeResult> Outcomes);

    public static Result<Result> Calculate(Input input)
    {
        var errors = new Errors();
        if (input.Investment is not { } investment || investment < 0.01m || investment > 1_000_000_000_000m)
        {
            errors.Add("investment", "Give the investment in pounds, at least £0.01");
            investment = 0;
        }

        if (input.DiscountRate is not { } rate || rate < 0 || rate > 1)
        {
            errors.Add("discountRate", input.DiscountRate < 0 ? "The discount rate cannot be negative" : "Give the discount rate as a fraction from 0 to 1: 0.035 for 3.5%");
            rate = 0;
        }

        var outcomes = input.Outcomes ?? [];
        if (outcomes.Count == 0)
        {
            errors.Add("outcomes", "Give at least one outcome");
        }
        else if (outcomes.Count > MaxOutcomes)
        {
            errors.Add("outcomes", $"Give at most {MaxOutcomes} outcomes");
            return errors;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i];
            var field = $"outcomes[{i}]";
            if (o is null)
            {
                errors.Add(field, "Give the outcome's id, value, years and adjustments");
                continue;
            }

            if (string.IsNullOrWhiteSpace(o.Id))
            {
                errors.Add(field + ".id", "Give the outcome an id");
            }
            else if (!ids.Add(o.Id.Trim()))
            {
                errors.Add(field + ".id", $"The outcome {o.Id.Trim()} is given twice");
            }

            if (o.AnnualValue is not { } value || value < 0 || value > 1_000_000_000_000m)
            {
                errors.Add(field + ".annualValue", "Give the value of a year's outcome in pounds, £0 or more");
            }

            if (o.Years is not { } lasts || lasts < 1 || lasts > Discounting.MaxYears)
            {
                errors.Add(field + ".years", $"Give how many years the outcome lasts, from 1 to {Discounting.MaxYears}");
            }

            Fraction(errors, field + ".deadweight", o.Deadweight, "deadweight (what would have happened anyway)");
            Fraction(errors, field + ".attribution", o.Attribution, "attribution (the share owed to others)");
            Fraction(errors, field + ".displacement", o.Displacement, "displacement (the share that moved elsewhere)");
            Fraction(errors, field + ".dropOff", o.DropOff, "drop-off (how much the outcome fades each year)");
        }

        if (errors.Any)
        {
            return errors;
        }

        var results = outcomes.Select(o => ForOutcome(o, rate)).ToList();
        var horizon = results.Max(r => r.Years.Count);
        var years = Enumerable.Range(1, horizon)
            .Select(k => new Year(
                k,
                results.Sum(r => k <= r.Years.Count ? r.Years[k - 1].Value : 0),
                results.Sum(r => k <= r.Years.Count ? r.Years[k - 1].PresentValue : 0)))
            .ToList();
        var presentValue = results.Sum(r => r.PresentValue);
        return new Result(investment, rate, presentValue, presentValue - investment, presentValue / investment, years, results);
    }

    private static OutcomeResult ForOutcome(Outcome o, decimal rate)
    {
        var first = o.AnnualValue!.Value * (1 - o.Deadweight!.Value) * (1 - o.Displacement!.Value) * (1 - o.Attribution!.Value);
        var years = new List<Year>();
        var impact = first;
        for (var k = 1; k <= o.Years!.Value; k++)
        {
            if (k > 1)
            {
                impact *= 1 - o.DropOff!.Value;
            }

            years.Add(new Year(k, impact, Discounting.PresentValue(impact, rate, k)));
        }

        var presentValue = years.Sum(y => y.PresentValue);
        var working = new List<string>
        {
            $"Year 1 impact: {Rounding.Pounds(o.AnnualValue.Value)} × (1 − {Rounding.Plain(o.Deadweight.Value)}) × (1 − {Rounding.Plain(o.Displacement.Value)}) × (1 − {Rounding.Plain(o.Attribution.Value)}) = {Rounding.Pounds(first)}",
        };
        if (years.Count > 1)
        {
            working.Add($"Each later year: the year before × (1 − {Rounding.Plain(o.DropOff!.Value)}), for {years.Count} years");
        }

        working.Add("Present value: " + string.Join(" + ", years.Select(y => $"{Rounding.Pounds(y.Value)} ÷ {Rounding.Plain(1 + rate)}^{y.Number}")) + $" = {Rounding.Pounds(presentValue)}");
        return new OutcomeResult(o.Id!.Trim(), first, presentValue, years, working);
    }

    private static void Fraction(Errors errors, string field, decimal? value, string what)
    {
        if (value is not { } v || v < 0 || v > 1)
        {
            errors.Add(field, $"Give the {what} as a fraction from 0 to 1");
        }
    }
}
