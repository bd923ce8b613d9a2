using Placeshaper.Calculators;

namespace Placeshaper.Payments;

/// <summary>
/// Service credits: deductions from a period's charge for each key performance indicator that misses its target, up
/// to a cap, with each KPI rated as contract performance notices rate it under the Procurement Act 2023 (s.52 KPIs,
/// s.71 performance notices): "good", "approaching target", "requires improvement" or "inadequate". Working them out
/// every period matters: many PFI contracts levied no deductions in a year because nobody did (Localis, "Commission
/// Impossible?", 2011, "Contractual barriers").
/// </summary>
/// <remarks>
/// shortfall = target − actual (actual − target when lower is better), 0 when the target is met: 0% credit, "good".
/// Worse than the minimum: maxCreditPercent, "requires improvement", or "inadequate" when also worse than the optional
/// inadequate level. Otherwise: min(maxCreditPercent, shortfall × creditPercentPerUnit), "approaching target".
/// totalCreditPercent = min(capPercent, Σ creditPercent); credit = periodCharge × totalCreditPercent ÷ 100.
/// </remarks>
public static class ServiceCredits
{
    public const int MaxKpis = 100;

    public const string Good = "good";
    public const string ApproachingTarget = "approaching target";
    public const string RequiresImprovement = "requires improvement";
    public const string Inadequate = "inadequate";

    /// <summary>The largest KPI figure accepted: beyond any real measure, small enough that products stay exact.</summary>
    public const decimal MaxMeasure = 1_000_000_000m;

    /// <param name="Minimum">The least acceptable performance: missing it costs the KPI's whole maxCreditPercent.</param>
    /// <param name="Inadequate">Optional: performance worse than this is rated "inadequate".</param>
    /// <param name="CreditPercentPerUnit">Percentage points of the period charge credited for each unit of shortfall.</param>
    /// <param name="MaxCreditPercent">The most this KPI can cost, in percent of the period charge.</param>
    public sealed record Kpi(
        string? Id,
        decimal? Target,
        decimal? Minimum,
        decimal? Actual,
        bool? HigherIsBetter,
        decimal? CreditPercentPerUnit,
        decimal? MaxCreditPercent,
        decimal? Inadequate = null);

    /// <param name="CapPercent">The most all credits together can take off, in percent of the period charge.</param>
    public sealed record Input(decimal? PeriodCharge, decimal? CapPercent, IReadOnlyList<Kpi>? Kpis);

    public sealed record KpiResult(string Id, decimal Shortfall, decimal CreditPercent, string Rating, IReadOnlyList<string> Working);

    public sealed record Result(IReadOnlyList<KpiResult> Kpis, decimal PeriodCharge, decimal TotalCreditPercent, decimal Credit, bool CapApplied, IReadOnlyList<string> Working);

    public static Result<Result> Calculate(Input input)
    {
        var errors = new Errors();
        if (input.PeriodCharge is not { } charge || charge < 0 || charge > PaymentByResults.MaxAmount)
        {
            errors.Add("periodCharge", input.PeriodCharge < 0 ? "The period charge cannot be negative" : "Give the charge for the period in pounds, £0 or more");
            charge = 0;
        }

        if (input.CapPercent is not { } cap || cap < 0 || cap > 100)
        {
            errors.Add("capPercent", input.CapPercent < 0 ? "The cap cannot be below zero" : "Give the cap on all credits as a percentage of the period charge, from 0 to 100");
            cap = 0;
        }

        var kpis = input.Kpis ?? [];
        if (kpis.Count == 0)
        {
            errors.Add("kpis", "Give at least one KPI");
        }
        else if (kpis.Count > MaxKpis)
        {
            errors.Add("kpis", $"Give at most {MaxKpis} KPIs");
            return errors;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kpis.Count; i++)
        {
            CheckKpi(kpis[i], $"kpis[{i}]", ids, errors);
        }

        if (errors.Any)
        {
            return errors;
        }

        var results = kpis.Select(Rate).ToList();
        var sum = results.Sum(r => r.CreditPercent);
        var total = Math.Min(sum, cap);
        var credit = charge * total / 100;
        var working = new List<string>
        {
            "Credits: " + string.Join(" + ", results.Select(r => Rounding.Plain(r.CreditPercent) + "%")) + $" = {Rounding.Plain(sum)}%"
                + (sum > cap ? $", held to the cap of {Rounding.Plain(cap)}%" : $", within the cap of {Rounding.Plain(cap)}%"),
            $"Credit: {Rounding.Pounds(charge)} × {Rounding.Plain(total)}% = {Rounding.Pounds(credit)}",
        };
        return new Result(results, charge, total, credit, sum > cap, working);
    }

    private static void CheckKpi(Kpi? kpi, string field, HashSet<string> ids, Errors errors)
    {
        if (kpi is null)
        {
            errors.Add(field, "Give the KPI's id, target, minimum, actual and credits");
            return;
        }

        if (string.IsNullOrWhiteSpace(kpi.Id))
        {
            errors.Add(field + ".id", "Give the KPI an id");
        }
        else if (!ids.Add(kpi.Id.Trim()))
        {
            errors.Add(field + ".id", $"The KPI {kpi.Id.Trim()} is given twice");
        }

        var target = Measure(errors, field + ".target", kpi.Target, "the target");
        var minimum = Measure(errors, field + ".minimum", kpi.Minimum, "the minimum acceptable performance");
        Measure(errors, field + ".actual", kpi.Actual, "the performance achieved");
        if (kpi.HigherIsBetter is not { } higher)
        {
            errors.Add(field + ".higherIsBetter", "Say whether higher is better (true) or lower is better (false)");
            return;
        }

        if (target is { } t && minimum is { } m && (higher ? m > t : m < t))
        {
            errors.Add(field + ".minimum", higher
                ? $"The minimum {Rounding.Plain(m)} is above the target {Rounding.Plain(t)}; when higher is better the minimum must be at or below the target"
                : $"The minimum {Rounding.Plain(m)} is below the target {Rounding.Plain(t)}; when lower is better the minimum must be at or above the target");
        }

        if (kpi.Inadequate is { } inadequate)
        {
            if (Math.Abs(inadequate) > MaxMeasure)
            {
                errors.Add(field + ".inadequate", "Give the inadequate level as a number");
            }
            else if (minimum is { } min && (higher ? inadequate > min : inadequate < min))
            {
                errors.Add(field + ".inadequate", higher
                    ? $"The inadequate level {Rounding.Plain(inadequate)} is above the minimum {Rounding.Plain(min)}; when higher is better it must be at or below the minimum"
                    : $"The inadequate level {Rounding.Plain(inadequate)} is below the minimum {Rounding.Plain(min)}; when lower is better it must be at or above the minimum");
            }
        }

        if (kpi.CreditPercentPerUnit is not { } perUnit || perUnit < 0 || perUnit > 100)
        {
            errors.Add(field + ".creditPercentPerUnit", kpi.CreditPercentPerUnit < 0 ? "The credit per unit cannot be negative" : "Give the credit for each unit of shortfall as a percentage of the period charge, from 0 to 100");
        }

        if (kpi.MaxCreditPercent is not { } most || most < 0 || most > 100)
        {
            errors.Add(field + ".maxCreditPercent", kpi.MaxCreditPercent < 0 ? "The most this KPI can cost cannot be negative" : "Give the most this KPI can cost as a percentage of the period charge, from 0 to 100");
        }
    }

    private static decimal? Measure(Errors errors, string field, decimal? value, string what)
    {
        if (value is not { } v || Math.Abs(v) > MaxMeasure)
        {
            errors.Add(field, $"Give {what} as a number");
            return null;
        }

        return v;
    }

    private static KpiResult Rate(Kpi kpi)
    {
        var (id, target, minimum, actual, higher) = (kpi.Id!.Trim(), kpi.Target!.Value, kpi.Minimum!.Value, kpi.Actual!.Value, kpi.HigherIsBetter!.Value);
        var (perUnit, most) = (kpi.CreditPercentPerUnit!.Value, kpi.MaxCreditPercent!.Value);
        var gap = higher ? target - actual : actual - target;
        var shortfall = Math.Max(0, gap);
        var working = new List<string>
        {
            higher
                ? $"Shortfall: target {Rounding.Plain(target)} − actual {Rounding.Plain(actual)} = {Rounding.Plain(gap)}"
                : $"Shortfall: actual {Rounding.Plain(actual)} − target {Rounding.Plain(target)} = {Rounding.Plain(gap)} (lower is better)",
        };
        if (shortfall == 0)
        {
            working.Add("Target met: no credit, rated good");
            return new KpiResult(id, 0, 0, Good, working);
        }

        var missedMinimum = higher ? actual < minimum : actual > minimum;
        if (missedMinimum)
        {
            var inadequate = kpi.Inadequate is { } level && (higher ? actual < level : actual > level);
            working.Add($"Worse than the minimum of {Rounding.Plain(minimum)}: the KPI's full {Rounding.Plain(most)}%, rated "
                + (inadequate ? $"inadequate (worse than {Rounding.Plain(kpi.Inadequate!.Value)})" : "requires improvement"));
            return new KpiResult(id, shortfall, most, inadequate ? Inadequate : RequiresImprovement, working);
        }

        var credit = Math.Min(most, shortfall * perUnit);
        working.Add($"Within the minimum of {Rounding.Plain(minimum)}: the lesser of {Rounding.Plain(shortfall)} × {Rounding.Plain(perUnit)}% and {Rounding.Plain(most)}% = {Rounding.Plain(credit)}%, rated approaching target");
        return new KpiResult(id, shortfall, credit, ApproachingTarget, working);
    }
}
