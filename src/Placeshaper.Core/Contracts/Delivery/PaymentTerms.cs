using System.Text.Json;
using Placeshaper.Organisations;
using Placeshaper.Payments;
using Placeshaper.Specifications;

namespace Placeshaper.Contracts.Delivery;

/// <summary>
/// One version of what a contract pays and how: a periodic fixed price (optionally indexed), payment by results
/// from the contract's count KPIs, gain-share from a cost KPI, and service credits on KPIs that miss their targets.
/// A version is never changed once stored: changing the terms adds a version effective from a date, so every
/// calculation can name the version it used and past schedules are never silently rewritten.
/// </summary>
public sealed class PaymentTermsVersion : IOrganisationOwned
{
    public const int MaxLines = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private PaymentTermsVersion()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>1 for the first terms, then 2, 3…</summary>
    public int Version { get; private set; }

    /// <summary>The first payment period the version applies to.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public Guid? CreatedBy { get; private set; }

    /// <summary>The terms as JSON: a whole version is one fact, read and shown together and never queried by part.</summary>
    public string Document { get; private set; } = "{}";

    public Terms Read() => JsonSerializer.Deserialize<Terms>(Document, Json)!;

    /// <param name="Frequency">How often the provider is paid: monthly, quarterly or yearly periods (see <see cref="KpiPeriods"/>).</param>
    public sealed record Terms(KpiFrequency? Frequency, FixedPrice? Fixed = null, Results? PaymentByResults = null, Gain? GainShare = null, Credits? ServiceCredits = null);

    /// <param name="AmountPerPeriod">The price of a period in the contract's first year, in pounds.</param>
    /// <param name="UpliftRate">A fixed yearly uplift as a fraction (0.03 for 3%); or give <paramref name="Index"/> (CPI values by contract year); neither for no indexation.</param>
    public sealed record FixedPrice(decimal? AmountPerPeriod, decimal? UpliftRate = null, IReadOnlyList<Indexation.IndexValue>? Index = null);

    /// <param name="Years">By contract year (1 from the start date): that year's budget and the share paid only for outcomes.</param>
    public sealed record Results(IReadOnlyList<PaymentByResults.YearTerms>? Years, IReadOnlyList<OutcomeRate>? Outcomes);

    /// <param name="KpiId">A count KPI of the contract whose approved values are the outcomes achieved.</param>
    public sealed record OutcomeRate(Guid? KpiId, decimal? Rate);

    /// <summary>Either a baseline cost per period and the KPI that reports the actual cost, or a control group's cost per user and the KPIs that report the pilot's cost per user and its users.</summary>
    public sealed record Gain(
        decimal? BaselineCostPerPeriod = null,
        Guid? ActualCostKpiId = null,
        decimal? ControlCostPerUser = null,
        Guid? PilotCostPerUserKpiId = null,
        Guid? PilotUsersKpiId = null,
        decimal? ProviderInvestment = null,
        decimal? ProviderShareAfterRecovery = null);

    public sealed record Credits(decimal? CapPercent, IReadOnlyList<CreditKpi>? Kpis);

    public sealed record CreditKpi(Guid? KpiId, decimal? CreditPercentPerUnit, decimal? MaxCreditPercent, decimal? Inadequate = null);

    /// <summary>Adds a version to the contract's terms, after <paramref name="existing"/> (the versions it already has).</summary>
    public static Result<PaymentTermsVersion> Create(Contract contract, DateOnly? effectiveFrom, Terms? terms, IReadOnlyCollection<PaymentTermsVersion> existing, Guid? personId, DateTime now)
    {
        var errors = Check(contract, terms);
        if (effectiveFrom is not { } from)
        {
            errors.Add("effectiveFrom", "Give the first day of the first payment period the terms apply to");
        }
        else if (terms?.Frequency is { } frequency && Enum.IsDefined(frequency) && KpiPeriods.Check(frequency, from) is { } wrong)
        {
            errors.Add("effectiveFrom", wrong);
        }
        else if (existing.Count > 0 && from <= existing.Max(v => v.EffectiveFrom))
        {
            errors.Add("effectiveFrom", $"A new version must start after the last one, which is effective from {existing.Max(v => v.EffectiveFrom):yyyy-MM-dd}: stored terms are never changed");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new PaymentTermsVersion
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            Version = existing.Count == 0 ? 1 : existing.Max(v => v.Version) + 1,
            EffectiveFrom = effectiveFrom!.Value,
            CreatedAt = now,
            CreatedBy = personId,
            Document = JsonSerializer.Serialize(terms, Json),
        };
    }

    /// <summary>The version in force for the period starting on <paramref name="periodStart"/>: the latest effective by then.</summary>
    public static PaymentTermsVersion? InForce(IEnumerable<PaymentTermsVersion> versions, DateOnly periodStart) =>
        versions.Where(v => v.EffectiveFrom <= periodStart).OrderByDescending(v => v.EffectiveFrom).FirstOrDefault();

    private static Errors Check(Contract contract, Terms? terms)
    {
        var errors = new Errors();
        if (terms is null)
        {
            return errors.Add("terms", "Give the payment terms");
        }

        if (terms.Frequency is not { } frequency || !Enum.IsDefined(frequency))
        {
            errors.Add("terms.frequency", "Say how often the provider is paid: Monthly, Quarterly or Yearly");
        }

        if (terms.Fixed is null && terms.PaymentByResults is null && terms.GainShare is null)
        {
            errors.Add("terms", "Give at least one way the provider is paid: fixed, paymentByResults or gainShare");
        }

        if (terms.Fixed is { } fixedPrice)
        {
            var indexed = Indexation.Calculate(new Indexation.Input(
                fixedPrice.AmountPerPeriod, 1, 1, fixedPrice.Index is null ? fixedPrice.UpliftRate ?? 0m : fixedPrice.UpliftRate, fixedPrice.Index));
            Copy(errors, indexed.Errors, "terms.fixed.", field => field == "basePrice" ? "amountPerPeriod" : field);
        }

        if (terms.PaymentByResults is { } results)
        {
            var rates = results.Outcomes ?? [];
            var checkedResults = PaymentByResults.Calculate(new PaymentByResults.Input(
                results.Years, rates.Select((o, i) => new PaymentByResults.Outcome(o?.KpiId?.ToString() ?? $"outcome {i + 1}", o?.Rate, new Dictionary<int, decimal?>())).ToList()));
            Copy(errors, checkedResults.Errors, "terms.paymentByResults.", field => field.Replace(".id", ".kpiId", StringComparison.Ordinal));
            if (rates.Count == 0)
            {
                errors.Add("terms.paymentByResults.outcomes", "Give at least one outcome: a count KPI of the contract and what each outcome earns");
            }

            for (var i = 0; i < rates.Count; i++)
            {
                if (Kpi(contract, rates[i]?.KpiId) is not { } kpi)
                {
                    errors.Add($"terms.paymentByResults.outcomes[{i}].kpiId", "Choose one of the contract's KPIs");
                }
                else if (!KpiObservation.IsCount(kpi))
                {
                    errors.Add($"terms.paymentByResults.outcomes[{i}].kpiId", $"KPI {kpi.Number} is measured in {kpi.Unit}, not a count: outcomes are paid on counts");
                }
            }
        }

        if (terms.GainShare is { } gain)
        {
            var byBaseline = gain.BaselineCostPerPeriod is not null || gain.ActualCostKpiId is not null;
            var sample = GainShare.Calculate(byBaseline
                ? new GainShare.Input(gain.BaselineCostPerPeriod, 0m, ProviderInvestment: gain.ProviderInvestment, ProviderShareAfterRecovery: gain.ProviderShareAfterRecovery)
                : new GainShare.Input(Control: new GainShare.ControlGroup(gain.ControlCostPerUser), Pilot: new GainShare.PilotGroup(0m, 0m), ProviderInvestment: gain.ProviderInvestment, ProviderShareAfterRecovery: gain.ProviderShareAfterRecovery));
            Copy(errors, sample.Errors, "terms.gainShare.", field => field switch
            {
                "baselineCost" => "baselineCostPerPeriod",
                "control.costPerUser" => "controlCostPerUser",
                _ => field,
            });
            if (byBaseline && Kpi(contract, gain.ActualCostKpiId) is null)
            {
                errors.Add("terms.gainShare.actualCostKpiId", "Choose the contract's KPI that reports the actual cost of each period");
            }

            if (!byBaseline && Kpi(contract, gain.PilotCostPerUserKpiId) is null)
            {
                errors.Add("terms.gainShare.pilotCostPerUserKpiId", "Choose the contract's KPI that reports the pilot's cost per user");
            }

            if (!byBaseline && Kpi(contract, gain.PilotUsersKpiId) is null)
            {
                errors.Add("terms.gainShare.pilotUsersKpiId", "Choose the contract's KPI that reports how many people the pilot served");
            }
        }

        if (terms.ServiceCredits is { } credits)
        {
            if (credits.CapPercent is not { } cap || cap < 0 || cap > 100)
            {
                errors.Add("terms.serviceCredits.capPercent", credits.CapPercent < 0 ? "The cap cannot be below zero" : "Give the cap on all credits as a percentage of the period's fixed charge, from 0 to 100");
            }

            var kpis = credits.Kpis ?? [];
            if (kpis.Count is 0 or > MaxLines)
            {
                errors.Add("terms.serviceCredits.kpis", $"Give from 1 to {MaxLines} KPIs that earn credits");
            }

            for (var i = 0; i < Math.Min(kpis.Count, MaxLines); i++)
            {
                var field = $"terms.serviceCredits.kpis[{i}]";
                if (Kpi(contract, kpis[i]?.KpiId) is null)
                {
                    errors.Add(field + ".kpiId", "Choose one of the contract's KPIs");
                }
                else if (kpis.Take(i).Any(k => k?.KpiId == kpis[i]!.KpiId))
                {
                    errors.Add(field + ".kpiId", "Each KPI earns credits once: it is given twice");
                }

                if (kpis[i]?.CreditPercentPerUnit is not { } perUnit || perUnit < 0 || perUnit > 100)
                {
                    errors.Add(field + ".creditPercentPerUnit", "Give the credit for each unit of shortfall as a percentage of the period charge, from 0 to 100");
                }

                if (kpis[i]?.MaxCreditPercent is not { } most || most < 0 || most > 100)
                {
                    errors.Add(field + ".maxCreditPercent", "Give the most this KPI can cost as a percentage of the period charge, from 0 to 100");
                }
            }

            if (terms.Fixed is null)
            {
                errors.Add("terms.serviceCredits", "Service credits are a percentage of the fixed charge: give the fixed price too");
            }
        }

        return errors;
    }

    private static ContractKpi? Kpi(Contract contract, Guid? id) => id is { } kpiId ? contract.Kpis.SingleOrDefault(k => k.Id == kpiId) : null;

    private static void Copy(Errors into, Errors? from, string prefix, Func<string, string> rename)
    {
        foreach (var (field, messages) in from?.ByField ?? [])
        {
            foreach (var message in messages)
            {
                into.Add(prefix + rename(field), message);
            }
        }
    }
}
