using Placeshaper.Calculators;

namespace Placeshaper.Payments;

/// <summary>
/// Payment by results with an attachment fee: each year's budget is split into a fee paid for taking on the work and
/// an outcome pot paid only for results, at a rate per outcome, never more than the pot. This is how the Troubled
/// Families programme paid councils (Localis, "Catalyst Councils", 2012): 80% up front as an attachment fee and 20% for
/// results in its first year, 60/40 in the second and 40/60 in the third.
/// </summary>
/// <remarks>
/// For each year: attachment = budget × (1 − outcomeShare); outcomeEarned = Σ rate × achieved that year;
/// outcomePaid = min(outcomeEarned, budget × outcomeShare); forgone = budget × outcomeShare − outcomePaid;
/// total = attachment + outcomePaid. Exact <see cref="decimal"/>; rounding is for whoever shows or pays the figures.
/// Pure: the contracts' payment schedules and <c>POST /api/v1/calculators/payment-by-results</c> both call
/// <see cref="Calculate"/>.
/// </remarks>
public static class PaymentByResults
{
    public const int MaxYears = 100;
    public const int MaxOutcomes = 50;

    /// <summary>The largest amount, rate or count accepted: far beyond any real contract, small enough that sums stay exact.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <param name="Year">The year's label: a number such as 1 or 2026, unique within the request.</param>
    /// <param name="OutcomeShare">The share of the budget paid only for outcomes, a fraction from 0 to 1.</param>
    public sealed record YearTerms(int? Year, decimal? Budget, decimal? OutcomeShare);

    /// <param name="Rate">What one outcome earns, in pounds.</param>
    /// <param name="Achieved">How many outcomes were achieved, by year.</param>
    public sealed record Outcome(string? Id, decimal? Rate, IReadOnlyDictionary<int, decimal?>? Achieved);

    public sealed record Input(IReadOnlyList<YearTerms>? Years, IReadOnlyList<Outcome>? Outcomes);

    public sealed record YearResult(
        int Year,
        decimal Budget,
        decimal OutcomeShare,
        decimal Attachment,
        decimal OutcomeEarned,
        decimal OutcomePaid,
        decimal Forgone,
        decimal Total,
        IReadOnlyList<string> Working);

    /// <param name="Years">In year order.</param>
    public sealed record Result(IReadOnlyList<YearResult> Years, decimal Total)
    {
        /// <summary>
        /// The figures in pounds and pence, as they are paid, rounded once, half away from zero. The outcome pot is
        /// rounded and the attachment fee is the rest of the rounded budget; what is paid is rounded and forgone is the
        /// rest of the pot; each total is the sum of its rounded parts. So attachment + outcomePaid + forgone is the
        /// budget to the penny, and no year pays more than its budget, which rounding each figure alone would not ensure
        /// (£0.01 split half and half would pay £0.01 twice).
        /// </summary>
        public Result InPence()
        {
            var years = Years.Select(y =>
            {
                var pot = Rounding.ToTwoPlaces(y.Budget * y.OutcomeShare);
                var attachment = Rounding.ToTwoPlaces(y.Budget) - pot;
                var paid = Rounding.ToTwoPlaces(y.OutcomePaid);
                return y with { Attachment = attachment, OutcomeEarned = Rounding.ToTwoPlaces(y.OutcomeEarned), OutcomePaid = paid, Forgone = pot - paid, Total = attachment + paid };
            }).ToList();
            return new Result(years, years.Sum(y => y.Total));
        }
    }

    public static Result<Result> Calculate(Input input)
    {
        var errors = new Errors();
        var years = input.Years ?? [];
        var outcomes = input.Outcomes ?? [];
        if (years.Count == 0)
        {
            errors.Add("years", "Give at least one year");
        }
        else if (years.Count > MaxYears)
        {
            errors.Add("years", $"Give at most {MaxYears} years");
        }

        if (outcomes.Count > MaxOutcomes)
        {
            errors.Add("outcomes", $"Give at most {MaxOutcomes} outcomes");
        }

        if (years.Count > MaxYears || outcomes.Count > MaxOutcomes)
        {
            return errors;
        }

        var yearNumbers = new HashSet<int>();
        for (var i = 0; i < years.Count; i++)
        {
            var field = $"years[{i}]";
            if (years[i] is not { } y)
            {
                errors.Add(field, "Give the year, its budget and its outcome share");
                continue;
            }

            if (y.Year is not { } number)
            {
                errors.Add(field + ".year", "Give the year, such as 1 or 2026");
            }
            else if (!yearNumbers.Add(number))
            {
                errors.Add(field + ".year", $"Year {number} is given twice; give each year once");
            }

            if (y.Budget is not { } budget || budget < 0 || budget > MaxAmount)
            {
                errors.Add(field + ".budget", y.Budget < 0 ? "The budget cannot be negative" : "Give the year's budget in pounds, £0 or more");
            }

            if (y.OutcomeShare is not { } share || share < 0 || share > 1)
            {
                errors.Add(field + ".outcomeShare", "Give the share of the budget paid for outcomes as a fraction from 0 to 1: 0.2 for 20%");
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var field = $"outcomes[{i}]";
            if (outcomes[i] is not { } o)
            {
                errors.Add(field, "Give the outcome's id, rate and what was achieved");
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

            if (o.Rate is not { } rate || rate < 0 || rate > MaxAmount)
            {
                errors.Add(field + ".rate", o.Rate < 0 ? "The rate cannot be negative" : "Give what one outcome earns in pounds, £0 or more");
            }

            foreach (var (year, count) in o.Achieved ?? new Dictionary<int, decimal?>())
            {
                var at = $"{field}.achieved.{year}";
                if (!yearNumbers.Contains(year))
                {
                    errors.Add(at, $"There is no year {year} in years");
                }
                else if (count is not { } c || c < 0 || c > MaxAmount || c != decimal.Truncate(c))
                {
                    errors.Add(at, count < 0 ? "The count cannot be negative" : "Give how many outcomes were achieved, a whole number 0 or more");
                }
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        var results = years.OrderBy(y => y.Year).Select(y => ForYear(y, outcomes)).ToList();
        return new Result(results, results.Sum(r => r.Total));
    }

    private static YearResult ForYear(YearTerms terms, IReadOnlyList<Outcome> outcomes)
    {
        var year = terms.Year!.Value;
        var budget = terms.Budget!.Value;
        var share = terms.OutcomeShare!.Value;
        var attachment = budget * (1 - share);
        var pot = budget * share;
        var earnedBy = outcomes
            .Select(o => (o.Id!.Trim(), Rate: o.Rate!.Value, Count: o.Achieved is { } a && a.TryGetValue(year, out var c) ? c!.Value : 0))
            .Where(o => o.Count != 0)
            .ToList();
        var earned = earnedBy.Sum(o => o.Rate * o.Count);
        var paid = Math.Min(earned, pot);
        var forgone = pot - paid;
        var total = attachment + paid;
        var working = new List<string>
        {
            $"Attachment fee: {Rounding.Pounds(budget)} × (1 − {Rounding.Plain(share)}) = {Rounding.Pounds(attachment)}",
            $"Outcome pot: {Rounding.Pounds(budget)} × {Rounding.Plain(share)} = {Rounding.Pounds(pot)}",
            earnedBy.Count == 0
                ? "Outcomes earned: none achieved = £0.00"
                : "Outcomes earned: " + string.Join(" + ", earnedBy.Select(o => $"{Rounding.Plain(o.Count)} × {Rounding.Pounds(o.Rate)} ({o.Item1})")) + $" = {Rounding.Pounds(earned)}",
            earned > pot
                ? $"Outcomes paid: the pot, {Rounding.Pounds(pot)}, because {Rounding.Pounds(earned)} earned is more; the {Rounding.Pounds(earned - pot)} above the pot is not paid"
                : $"Outcomes paid: all {Rounding.Pounds(earned)} earned, within the pot of {Rounding.Pounds(pot)}",
            $"Forgone: {Rounding.Pounds(pot)} − {Rounding.Pounds(paid)} = {Rounding.Pounds(forgone)}",
            $"Total: {Rounding.Pounds(attachment)} + {Rounding.Pounds(paid)} = {Rounding.Pounds(total)}",
        };
        return new YearResult(year, budget, share, attachment, earned, paid, forgone, total, working);
    }
}
