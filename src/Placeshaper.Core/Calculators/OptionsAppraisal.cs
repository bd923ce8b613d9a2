namespace Placeshaper.Calculators;

/// <summary>
/// Weighted scoring of delivery options, their whole-life cost in present value, and how robust the ranking is
/// (see <see cref="WeightSensitivity"/>). Pure: the appraisal pages, the business case and
/// <c>POST /api/v1/calculators/options-appraisal</c> all call <see cref="Calculate"/>.
/// </summary>
/// <remarks>
/// weightedScore = Σ weight × score / scale, so with weights summing to 100 it reads as a mark out of 100.
/// npvCost = Σ amount / (1 + r)^year. Everything is exact <see cref="decimal"/>; rounding is for display.
/// </remarks>
public static class OptionsAppraisal
{
    public const int MaxCriteria = 30;
    public const int MaxOptions = 30;

    /// <summary>The largest scoring scale: far beyond any real one (0–10, 0–100), and small enough that sums stay exact.</summary>
    public const decimal MaxScale = 1000;

    /// <param name="Name">How people call it, for the working; the id when absent.</param>
    public sealed record Criterion(string? Id, decimal? Weight, string? Name = null);

    public sealed record Cost(int? Year, decimal? Amount);

    public sealed record Option(string? Id, IReadOnlyDictionary<string, decimal?>? Scores, IReadOnlyList<Cost>? Costs = null, string? Name = null);

    /// <param name="Scale">The top of the scoring scale (10 for 0–10).</param>
    /// <param name="DiscountRate">A yearly rate as a fraction; the Green Book's 3.5% when absent.</param>
    /// <param name="OptimismBias">An uplift on costs as a fraction (0.2 for 20%), when the appraisal applies one.</param>
    public sealed record Input(
        decimal? Scale,
        IReadOnlyList<Criterion>? Criteria,
        IReadOnlyList<Option>? Options,
        decimal? DiscountRate = null,
        decimal? OptimismBias = null);

    public sealed record ScoredOption(
        string Id,
        decimal WeightedScore,
        int Rank,
        decimal? NpvCost,
        decimal? NpvCostWithOptimismBias,
        IReadOnlyList<string> Working);

    public sealed record Appraised(
        IReadOnlyList<ScoredOption> Options,
        IReadOnlyList<WeightSensitivity.Finding> Sensitivity,
        decimal DiscountRate,
        decimal OptimismBias)
    {
        /// <summary>The option or options (on a tie) ranked first.</summary>
        public IReadOnlyList<string> Leaders => Options.Where(o => o.Rank == 1).Select(o => o.Id).ToList();
    }

    /// <summary>Validated, typed inputs: what the scoring rule works on.</summary>
    public sealed record Valid(decimal Scale, IReadOnlyList<string> Criteria, IReadOnlyList<decimal> Weights, IReadOnlyList<string> Options, decimal[,] Scores);

    public static Result<Appraised> Calculate(Input input)
    {
        var errors = new Errors();
        var valid = Validate(input, errors);
        var rate = input.DiscountRate ?? Discounting.GreenBookRate;
        if (rate < 0)
        {
            errors.Add("discountRate", "The discount rate cannot be negative");
        }
        else if (rate > 1)
        {
            errors.Add("discountRate", "Give the discount rate as a fraction: 0.035 for 3.5%");
        }

        var bias = input.OptimismBias ?? 0;
        if (bias is < 0 or > 10)
        {
            errors.Add("optimismBias", "Give the optimism bias as a fraction from 0 to 10: 0.2 for 20%");
        }

        var costs = valid is null ? [] : ValidateCosts(input.Options ?? [], errors);
        if (errors.Any || valid is null)
        {
            return errors;
        }

        var scores = Enumerable.Range(0, valid.Options.Count).Select(i => WeightedScore(valid, valid.Weights, i)).ToList();
        var options = new List<ScoredOption>();
        for (var i = 0; i < valid.Options.Count; i++)
        {
            var working = new List<string>
            {
                string.Join(" + ", Enumerable.Range(0, valid.Criteria.Count)
                    .Select(c => $"{Rounding.Plain(valid.Weights[c])} × {Rounding.Plain(valid.Scores[i, c])}"))
                + $" = {Rounding.Plain(Enumerable.Range(0, valid.Criteria.Count).Sum(c => valid.Weights[c] * valid.Scores[i, c]))}; "
                + $"÷ {Rounding.Plain(valid.Scale)} = {Rounding.Show(scores[i])}",
            };
            decimal? npv = null;
            decimal? withBias = null;
            if (costs[i] is { Count: > 0 } optionCosts)
            {
                npv = optionCosts.Sum(c => Discounting.PresentValue(c.Amount, rate, c.Year));
                working.Add("Cost in present value: " + string.Join(" + ", optionCosts.Select(c =>
                    $"{Rounding.Pounds(c.Amount)} ÷ {Rounding.Plain(1 + rate)}^{c.Year}")) + $" = {Rounding.Pounds(npv.Value)}");
                if (bias > 0)
                {
                    withBias = npv * (1 + bias);
                    working.Add($"With optimism bias of {Rounding.Percent(bias)}: {Rounding.Pounds(npv.Value)} × {Rounding.Plain(1 + bias)} = {Rounding.Pounds(withBias.Value)}");
                }
            }

            // Competition ranking on the exact scores: equal scores share a rank, the next rank skips ("1, 1, 3").
            var rank = 1 + scores.Count(s => s > scores[i]);
            options.Add(new ScoredOption(valid.Options[i], scores[i], rank, npv, withBias, working));
        }

        return new Appraised(options, WeightSensitivity.For(valid), rate, bias);
    }

    /// <summary>Σ weight × score / scale for one option under the given weights.</summary>
    public static decimal WeightedScore(Valid valid, IReadOnlyList<decimal> weights, int option)
    {
        var total = 0m;
        for (var c = 0; c < valid.Criteria.Count; c++)
        {
            total += weights[c] * valid.Scores[option, c];
        }

        return total / valid.Scale;
    }

    private static Valid? Validate(Input input, Errors errors)
    {
        if (input.Scale is not { } scale || scale <= 0 || scale > MaxScale)
        {
            errors.Add("scale", $"Give the top of the scoring scale, a number above 0 and at most {MaxScale} (10 for scores from 0 to 10)");
            scale = 0;
        }

        var criteria = input.Criteria ?? [];
        var options = input.Options ?? [];
        if (criteria.Count == 0)
        {
            errors.Add("criteria", "Give at least one criterion");
        }
        else if (criteria.Count > MaxCriteria)
        {
            errors.Add("criteria", $"Give at most {MaxCriteria} criteria");
        }

        if (options.Count == 0)
        {
            errors.Add("options", "Give at least one option");
        }
        else if (options.Count > MaxOptions)
        {
            errors.Add("options", $"Give at most {MaxOptions} options");
        }

        // Too many of either is refused before anything is allocated or checked item by item.
        if (criteria.Count > MaxCriteria || options.Count > MaxOptions)
        {
            return null;
        }

        var ids = new List<string>();
        var weights = new List<decimal>();
        for (var c = 0; c < criteria.Count; c++)
        {
            if (criteria[c] is null)
            {
                errors.Add($"criteria[{c}]", "Give the criterion's id and weight");
                ids.Add("");
                weights.Add(0);
                continue;
            }

            var id = criteria[c].Id?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                errors.Add($"criteria[{c}].id", "Give the criterion an id");
            }
            else if (ids.Contains(id, StringComparer.Ordinal))
            {
                errors.Add($"criteria[{c}].id", $"The criterion {id} is given twice");
            }

            ids.Add(id ?? "");
            if (criteria[c].Weight is not { } weight || weight < 0 || weight > 100)
            {
                errors.Add($"criteria[{c}].weight", "Give a weight from 0 to 100");
                weights.Add(0);
            }
            else
            {
                weights.Add(weight);
            }
        }

        if (criteria.Count > 0 && weights.Sum() != 100 && criteria.All(c => c?.Weight is >= 0 and <= 100))
        {
            errors.Add("criteria", $"The weights add up to {Rounding.Plain(weights.Sum())}; they must add up to 100");
        }

        var optionIds = new List<string>();
        var matrix = new decimal[options.Count, criteria.Count];
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (option is null)
            {
                errors.Add($"options[{i}]", "Give the option's id and scores");
                optionIds.Add("");
                continue;
            }

            var id = option.Id?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                errors.Add($"options[{i}].id", "Give the option an id");
            }
            else if (optionIds.Contains(id, StringComparer.Ordinal))
            {
                errors.Add($"options[{i}].id", $"The option {id} is given twice");
            }

            optionIds.Add(id ?? "");
            var scores = option.Scores ?? new Dictionary<string, decimal?>();
            foreach (var unknown in scores.Keys.Where(k => !ids.Contains(k, StringComparer.Ordinal)))
            {
                errors.Add($"options[{i}].scores.{unknown}", $"There is no criterion {unknown}");
            }

            for (var c = 0; c < criteria.Count; c++)
            {
                var field = $"options[{i}].scores.{ids[c]}";
                if (!scores.TryGetValue(ids[c], out var score) || score is null)
                {
                    errors.Add(field, $"Score {id} against {ids[c]}");
                }
                else if (score < 0 || (scale > 0 && score > scale))
                {
                    errors.Add(field, $"Scores run from 0 to {Rounding.Plain(scale)}; {Rounding.Plain(score.Value)} is outside the scale");
                }
                else
                {
                    matrix[i, c] = score.Value;
                }
            }
        }

        return errors.Any ? null : new Valid(scale, ids, weights, optionIds, matrix);
    }

    private sealed record YearCost(int Year, decimal Amount);

    private static List<List<YearCost>?> ValidateCosts(IReadOnlyList<Option> options, Errors errors)
    {
        var all = new List<List<YearCost>?>();
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i]?.Costs is not { } costs)
            {
                all.Add(null);
                continue;
            }

            var list = new List<YearCost>();
            if (costs.Count > Discounting.MaxYears + 1)
            {
                errors.Add($"options[{i}].costs", $"Give at most one cost a year for years 0 to {Discounting.MaxYears}");
                all.Add(null);
                continue;
            }

            for (var k = 0; k < costs.Count; k++)
            {
                var field = $"options[{i}].costs[{k}]";
                if (costs[k] is null)
                {
                    errors.Add(field, "Give the year and the amount");
                    continue;
                }

                if (costs[k].Year is not { } year || year < 0 || year > Discounting.MaxYears)
                {
                    errors.Add(field + ".year", $"Give the year from 0 (now, for one-off costs) to {Discounting.MaxYears}");
                    continue;
                }

                if (costs[k].Amount is not { } amount || Math.Abs(amount) > 1_000_000_000_000m)
                {
                    errors.Add(field + ".amount", "Give the amount in pounds");
                    continue;
                }

                if (list.Any(c => c.Year == year))
                {
                    errors.Add(field + ".year", $"Year {year} is given twice; give one cost a year");
                    continue;
                }

                list.Add(new YearCost(year, amount));
            }

            all.Add(list);
        }

        return all;
    }
}
