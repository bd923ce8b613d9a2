using Placeshaper.Calculators;

namespace Placeshaper.Payments;

/// <summary>
/// A social impact bond: investors fund a service up front and the commissioner pays them only for outcomes above a
/// threshold, up to a cap. Modelled on the Peterborough bond (Localis, "Catalyst Councils", 2012, and the Ministry of
/// Justice's assessment it cites): £5m from investors for work with 3,000 short-term prisoners, paid only if
/// reconviction among a cohort fell by at least 10% against a comparison group.
/// </summary>
/// <remarks>
/// Per cohort: relativeImprovement = (baselineRate − outcomeRate) ÷ baselineRate. Below the threshold it pays nothing;
/// otherwise outcomes = (baselineRate − outcomeRate) × size and payment = outcomes × paymentPerOutcome. Payments are
/// then capped cumulatively in year order, so their total never exceeds the cap. Investors' cash flows are
/// −investment in year 0 and the payments in their years; irr is the rate that makes their present value zero
/// (<see cref="InternalRateOfReturn"/>, null when there is none); multiple = total paid ÷ investment.
/// </remarks>
public static class SocialImpactBond
{
    public const int MaxCohorts = 100;

    /// <summary>The highest rate accepted: rates are per person, a proportion (0.6) or a frequency (1.4 events each).</summary>
    public const decimal MaxRate = 1000;

    /// <param name="Year">When the cohort's payment falls due, counted in years from the investment (year 0).</param>
    /// <param name="OutcomeRate">The rate measured for the cohort, in the same unit as the baseline.</param>
    public sealed record Cohort(int? Year, decimal? Size, decimal? OutcomeRate);

    /// <param name="BaselineRate">The rate expected without the service (from a comparison group), above 0.</param>
    /// <param name="Threshold">The least relative improvement that pays, a fraction from 0 to 1: 0.1 for 10%.</param>
    public sealed record Input(decimal? Investment, decimal? BaselineRate, decimal? Threshold, decimal? PaymentPerOutcome, decimal? Cap, IReadOnlyList<Cohort>? Cohorts);

    /// <param name="UncappedPayment">What the cohort earned before the cap.</param>
    public sealed record CohortResult(int Year, decimal Size, decimal OutcomeRate, decimal RelativeImprovement, bool MetThreshold, decimal Outcomes, decimal UncappedPayment, decimal Payment, IReadOnlyList<string> Working);

    /// <param name="Irr">A ratio (0.0734 for 7.34% a year), or null when the flows have no rate.</param>
    /// <param name="Cohorts">In year order.</param>
    public sealed record Result(IReadOnlyList<CohortResult> Cohorts, decimal Investment, decimal TotalPaid, bool CapApplied, decimal? Irr, decimal Multiple, IReadOnlyList<string> Working)
    {
        /// <summary>
        /// Payments in pounds and pence; irr and multiple stay exact (show them with <see cref="Rounding.Ratio"/>). The
        /// running total is rounded, half away from zero, and each payment is the step in it, so the payments add up to
        /// the rounded total and never pass a cap given in pence, which rounding each payment alone could
        /// (£2.005 and £7.995 under a £10 cap would be £2.01 and £8.00).
        /// </summary>
        public Result InPence()
        {
            var (exact, paid) = (0m, 0m);
            var cohorts = new List<CohortResult>();
            foreach (var c in Cohorts)
            {
                exact += c.Payment;
                var payment = Rounding.ToTwoPlaces(exact) - paid;
                paid += payment;
                cohorts.Add(c with { UncappedPayment = Rounding.ToTwoPlaces(c.UncappedPayment), Payment = payment });
            }

            return this with { Cohorts = cohorts, TotalPaid = paid };
        }
    }

    public static Result<Result> Calculate(Input input)
    {
        var errors = new Errors();
        if (input.Investment is not { } investment || investment < 0.01m || investment > PaymentByResults.MaxAmount)
        {
            errors.Add("investment", input.Investment < 0 ? "The investment cannot be negative" : "Give the investors' investment in pounds, at least £0.01");
            investment = 0;
        }

        if (input.BaselineRate is not { } baseline || baseline <= 0 || baseline > MaxRate)
        {
            errors.Add("baselineRate", "Give the baseline rate, above 0: the rate expected without the service, such as 0.6");
            baseline = 0;
        }

        if (input.Threshold is not { } threshold || threshold < 0 || threshold > 1)
        {
            errors.Add("threshold", "Give the threshold as a fraction from 0 to 1: 0.1 pays only for an improvement of 10% or more");
            threshold = 0;
        }

        if (input.PaymentPerOutcome is not { } perOutcome || perOutcome < 0 || perOutcome > PaymentByResults.MaxAmount)
        {
            errors.Add("paymentPerOutcome", input.PaymentPerOutcome < 0 ? "The payment per outcome cannot be negative" : "Give the payment per outcome in pounds, £0 or more");
            perOutcome = 0;
        }

        if (input.Cap is not { } cap || cap < 0 || cap > PaymentByResults.MaxAmount)
        {
            errors.Add("cap", input.Cap < 0 ? "The cap cannot be below zero" : "Give the most the commissioner will pay in all, in pounds");
            cap = 0;
        }

        var cohorts = input.Cohorts ?? [];
        if (cohorts.Count == 0)
        {
            errors.Add("cohorts", "Give at least one cohort");
        }
        else if (cohorts.Count > MaxCohorts)
        {
            errors.Add("cohorts", $"Give at most {MaxCohorts} cohorts");
            return errors;
        }

        var years = new HashSet<int>();
        for (var i = 0; i < cohorts.Count; i++)
        {
            var field = $"cohorts[{i}]";
            if (cohorts[i] is not { } c)
            {
                errors.Add(field, "Give the cohort's year, size and outcome rate");
                continue;
            }

            if (c.Year is not { } year || year < 1 || year > Discounting.MaxYears)
            {
                errors.Add(field + ".year", $"Give the year the cohort's payment falls due, counted from the investment (year 0): 1 to {Discounting.MaxYears}");
            }
            else if (!years.Add(year))
            {
                errors.Add(field + ".year", $"Year {year} has a cohort already; give one cohort a year");
            }

            if (c.Size is not { } size || size < 0 || size > PaymentByResults.MaxAmount || size != decimal.Truncate(size))
            {
                errors.Add(field + ".size", c.Size < 0 ? "The size cannot be negative" : "Give how many people are in the cohort, a whole number 0 or more");
            }

            if (c.OutcomeRate is not { } rate || rate < 0 || rate > MaxRate)
            {
                errors.Add(field + ".outcomeRate", c.OutcomeRate < 0 ? "The outcome rate cannot be negative" : "Give the rate measured for the cohort, 0 or more, in the baseline's unit");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        var results = new List<CohortResult>();
        var paidSoFar = 0m;
        foreach (var c in cohorts.OrderBy(c => c.Year))
        {
            var (year, size, rate) = (c.Year!.Value, c.Size!.Value, c.OutcomeRate!.Value);
            var improvement = (baseline - rate) / baseline;
            var met = improvement >= threshold;
            var outcomes = met ? (baseline - rate) * size : 0;
            var uncapped = outcomes * perOutcome;
            var payment = Math.Min(uncapped, cap - paidSoFar);
            paidSoFar += payment;
            var working = new List<string>
            {
                $"Relative improvement: ({Rounding.Plain(baseline)} − {Rounding.Plain(rate)}) ÷ {Rounding.Plain(baseline)} = {Rounding.Percent(Rounding.Ratio(improvement))}",
            };
            if (!met)
            {
                working.Add($"Below the threshold of {Rounding.Percent(threshold)}: no payment");
            }
            else
            {
                working.Add($"At least the threshold of {Rounding.Percent(threshold)}: outcomes = ({Rounding.Plain(baseline)} − {Rounding.Plain(rate)}) × {Rounding.Plain(size)} = {Rounding.Plain(outcomes)}");
                working.Add($"Payment: {Rounding.Plain(outcomes)} × {Rounding.Pounds(perOutcome)} = {Rounding.Pounds(uncapped)}");
                if (payment < uncapped)
                {
                    working.Add($"Capped: only {Rounding.Pounds(payment)} of the {Rounding.Pounds(cap)} cap was left, so {Rounding.Pounds(uncapped - payment)} is not paid");
                }
            }

            results.Add(new CohortResult(year, size, rate, improvement, met, outcomes, uncapped, payment, working));
        }

        var flows = new decimal[results.Max(r => r.Year) + 1];
        flows[0] = -investment;
        foreach (var r in results)
        {
            flows[r.Year] += r.Payment;
        }

        var irr = InternalRateOfReturn.Of(flows);
        var multiple = paidSoFar / investment;
        var capApplied = results.Any(r => r.Payment < r.UncappedPayment);
        var summary = new List<string>
        {
            "Total paid: " + string.Join(" + ", results.Select(r => Rounding.Pounds(r.Payment))) + $" = {Rounding.Pounds(paidSoFar)}"
                + (capApplied ? $", held to the cap of {Rounding.Pounds(cap)}" : $", within the cap of {Rounding.Pounds(cap)}"),
            $"Multiple: {Rounding.Pounds(paidSoFar)} ÷ {Rounding.Pounds(investment)} = {Rounding.Ratio(multiple).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}",
            irr is { } rateOfReturn
                ? $"Internal rate of return: {Rounding.Percent(Rounding.Ratio(rateOfReturn))} a year, the rate at which −{Rounding.Pounds(investment)} now and the payments in their years have a present value of zero"
                : "Internal rate of return: none, because nothing was paid back on the investment",
        };
        return new Result(results, investment, paidSoFar, capApplied, irr, multiple, summary);
    }
}
