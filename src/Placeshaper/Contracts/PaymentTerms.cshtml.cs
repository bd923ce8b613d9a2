using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Common;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Payments;
using Placeshaper.Shared;
using Placeshaper.Specifications;

namespace Placeshaper.Contracts;

/// <summary>
/// Sets or changes a contract's payment terms in a form, with every mechanism the API takes: a fixed price (indexed
/// by a fixed rate or by index values such as CPI), payment by results, gain-share and service credits, alone or
/// combined. Saving always adds a version (the domain's <see cref="PaymentTermsVersion"/> checks it), so periods
/// already calculated keep the calculations they had; the page lists every version and the periods it applies to.
/// </summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class PaymentTermsModel(OrganisationContext context, PlaceshaperDb db, ContractDelivery delivery, Viewer viewer) : FormPage
{
    public const string Fixed = "fixed";
    public const string Results = "results";
    public const string Gain = "gain";
    public const string Credits = "credits";

    /// <summary>A version with the periods it applies to and how many of them were calculated with it.</summary>
    public sealed record VersionRow(PaymentTermsVersion Version, DateOnly? Until, int Periods, int Calculated);

    /// <summary>One KPI's credit terms in the form.</summary>
    public sealed class CreditInput
    {
        public string? PerUnit { get; set; }

        public string? Max { get; set; }

        public string? Inadequate { get; set; }
    }

    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public IReadOnlyList<ContractKpi> Kpis => Contract.Kpis.OrderBy(k => k.Number).ToList();

    [BindProperty]
    public DateInput EffectiveFrom { get; set; } = new();

    [BindProperty]
    public string? Frequency { get; set; }

    [BindProperty]
    public List<string> Mechanisms { get; set; } = [];

    [BindProperty]
    public string? FixedAmount { get; set; }

    /// <summary>none, rate or index.</summary>
    [BindProperty]
    public string? Indexation { get; set; }

    [BindProperty]
    public string? UpliftRate { get; set; }

    /// <summary>One line a contract year: "year, index value".</summary>
    [BindProperty]
    public string? IndexValues { get; set; }

    /// <summary>One line a contract year: "year, budget, outcome share".</summary>
    [BindProperty]
    public string? ResultsYears { get; set; }

    /// <summary>What one outcome earns, by KPI number; blank for a KPI that earns nothing.</summary>
    [BindProperty]
    public Dictionary<int, string?> OutcomeRates { get; set; } = [];

    /// <summary>baseline or control.</summary>
    [BindProperty]
    public string? GainBasis { get; set; }

    [BindProperty]
    public string? BaselineCost { get; set; }

    [BindProperty]
    public string? ActualCostKpi { get; set; }

    [BindProperty]
    public string? ControlCostPerUser { get; set; }

    [BindProperty]
    public string? PilotCostPerUserKpi { get; set; }

    [BindProperty]
    public string? PilotUsersKpi { get; set; }

    [BindProperty]
    public string? Investment { get; set; }

    [BindProperty]
    public string? ShareAfterRecovery { get; set; }

    [BindProperty]
    public string? CapPercent { get; set; }

    /// <summary>Credit terms by KPI number; a KPI with neither a rate nor a maximum earns no credits.</summary>
    [BindProperty]
    public Dictionary<int, CreditInput> CreditKpis { get; set; } = [];

    public string? NextFrom => Versions.Count == 0 ? null : $"after {ContractText.Date(Versions[^1].Version.EffectiveFrom)}";

    public static string RateId(int kpiNumber) => $"rate-{kpiNumber}";

    public static string CreditId(int kpiNumber, string part) => $"credit-{kpiNumber}-{part}";

    public IReadOnlyList<(string Value, string Label)> KpiOptions() =>
        [("", "Choose a KPI"), .. Kpis.Select(k => (k.Number.ToString(CultureInfo.InvariantCulture), $"KPI {k.Number}: {Cut(k.Definition)} ({k.Unit})"))];

    /// <summary>The version just saved, to confirm it.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        if (Versions.Count > 0)
        {
            Fill(Versions[^1].Version.Read());
        }

        return Page();
    }

    /// <summary>The versions: when each applies, how many periods it covers and was calculated with, and its terms as the API gives them.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid contractId, string format, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, cancellationToken)
            ? new Exports.Table(Contract.Reference + " payment terms", ["version", "effective_from", "applies_until", "frequency", "periods_so_far", "periods_calculated", "saved_at", "terms"],
                Versions.Select(v => (IReadOnlyList<object?>)
                    [v.Version.Version, v.Version.EffectiveFrom, v.Until, v.Version.Read().Frequency?.ToString().ToLowerInvariant(), v.Periods, v.Calculated, v.Version.CreatedAt, v.Version.Document]).ToList())
                .ToFile(format)
            : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        var effectiveFrom = Date("effectiveFrom", EffectiveFrom, "Enter a real date, like 1 4 2026");
        var terms = Read();
        if (HasErrors)
        {
            return Page();
        }

        var added = await delivery.AddTermsAsync(Contract, effectiveFrom, terms, viewer.PersonId, cancellationToken);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors, FieldId);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}/payment-terms?saved={added.Value!.Version}#versions");
    }

    /// <summary>The domain's field (as the API names it) to the id of the form's input, so the error summary links to it.</summary>
    public string FieldId(string field)
    {
        var kpis = Kpis;
        string KpiInput(string prefix, Func<int, string> id, string fallback)
        {
            var open = field.IndexOf('[', StringComparison.Ordinal);
            var close = field.IndexOf(']', StringComparison.Ordinal);
            if (field.StartsWith(prefix, StringComparison.Ordinal) && open > 0 && close > open
                && int.TryParse(field[(open + 1)..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                var numbers = prefix.Contains("outcomes", StringComparison.Ordinal) ? OutcomeNumbers() : CreditNumbers();
                if (index < numbers.Count)
                {
                    return id(numbers[index]);
                }
            }

            return fallback;
        }

        var firstKpi = kpis.Count == 0 ? "mechanisms" : null;
        return field switch
        {
            "effectiveFrom" => "effectiveFrom",
            "terms.frequency" => "frequency",
            "terms" => "mechanisms",
            "terms.fixed.amountPerPeriod" => "fixedAmount",
            "terms.fixed.upliftRate" => "upliftRate",
            _ when field.StartsWith("terms.fixed.index", StringComparison.Ordinal) => "indexValues",
            _ when field.StartsWith("terms.fixed", StringComparison.Ordinal) => "fixedAmount",
            _ when field.StartsWith("terms.paymentByResults.years", StringComparison.Ordinal) => "resultsYears",
            _ when field.StartsWith("terms.paymentByResults.outcomes", StringComparison.Ordinal) =>
                KpiInput("terms.paymentByResults.outcomes[", RateId, firstKpi ?? RateId(kpis[0].Number)),
            _ when field.StartsWith("terms.paymentByResults", StringComparison.Ordinal) => "resultsYears",
            "terms.gainShare.baselineCostPerPeriod" => "baselineCost",
            "terms.gainShare.actualCostKpiId" => "actualCostKpi",
            "terms.gainShare.controlCostPerUser" => "controlCostPerUser",
            "terms.gainShare.pilotCostPerUserKpiId" => "pilotCostPerUserKpi",
            "terms.gainShare.pilotUsersKpiId" => "pilotUsersKpi",
            "terms.gainShare.providerInvestment" => "investment",
            "terms.gainShare.providerShareAfterRecovery" => "shareAfterRecovery",
            _ when field.StartsWith("terms.gainShare", StringComparison.Ordinal) => "gainBasis",
            "terms.serviceCredits.capPercent" => "capPercent",
            _ when field.StartsWith("terms.serviceCredits.kpis[", StringComparison.Ordinal) => KpiInput("terms.serviceCredits.kpis[", n => CreditId(n, field.EndsWith(".maxCreditPercent", StringComparison.Ordinal) ? "max" : field.EndsWith(".inadequate", StringComparison.Ordinal) ? "inadequate" : "perUnit"), "capPercent"),
            _ when field.StartsWith("terms.serviceCredits.kpis", StringComparison.Ordinal) => firstKpi ?? CreditId(kpis[0].Number, "perUnit"),
            _ when field.StartsWith("terms.serviceCredits", StringComparison.Ordinal) => "capPercent",
            _ => "mechanisms",
        };
    }

    private List<int> OutcomeNumbers() => Kpis.Where(k => !string.IsNullOrWhiteSpace(OutcomeRates.GetValueOrDefault(k.Number))).Select(k => k.Number).ToList();

    private List<int> CreditNumbers() => Kpis.Where(k => CreditKpis.GetValueOrDefault(k.Number) is { } c && (!string.IsNullOrWhiteSpace(c.PerUnit) || !string.IsNullOrWhiteSpace(c.Max) || !string.IsNullOrWhiteSpace(c.Inadequate)))
        .Select(k => k.Number).ToList();

    /// <summary>The form as the domain's terms; what cannot be read as a number is the field's error here.</summary>
    private PaymentTermsVersion.Terms Read()
    {
        KpiFrequency? frequency = Enum.TryParse<KpiFrequency>(Frequency, out var f) && !int.TryParse(Frequency, out _) ? f : null;
        PaymentTermsVersion.FixedPrice? fixedPrice = null;
        if (Mechanisms.Contains(Fixed))
        {
            var amount = Number("fixedAmount", FixedAmount, "Enter the price of a period in pounds, like 45000");
            fixedPrice = Indexation switch
            {
                "rate" => new PaymentTermsVersion.FixedPrice(amount, Number("upliftRate", UpliftRate, "Enter the yearly uplift as a fraction, like 0.03 for 3%") ?? UnsetRate()),
                "index" => new PaymentTermsVersion.FixedPrice(amount, null, Lines("indexValues", IndexValues, 2, "Enter one line a contract year: the year and its index value, like 1, 133.4")
                    .Select(l => new Payments.Indexation.IndexValue((int?)l[0], l[1])).ToList()),
                _ => new PaymentTermsVersion.FixedPrice(amount),
            };
        }

        PaymentTermsVersion.Results? results = null;
        if (Mechanisms.Contains(Results))
        {
            var years = Lines("resultsYears", ResultsYears, 3, "Enter one line a contract year: the year, its budget in pounds and the outcome share as a fraction, like 1, 400000, 0.2")
                .Select(l => new PaymentByResults.YearTerms((int?)l[0], l[1], l[2])).ToList();
            var outcomes = Kpis.Where(k => !string.IsNullOrWhiteSpace(OutcomeRates.GetValueOrDefault(k.Number)))
                .Select(k => new PaymentTermsVersion.OutcomeRate(k.Id, Number(RateId(k.Number), OutcomeRates[k.Number], "Enter what one outcome earns in pounds, like 1000"))).ToList();
            results = new PaymentTermsVersion.Results(years, outcomes);
        }

        PaymentTermsVersion.Gain? gain = null;
        if (Mechanisms.Contains(Gain))
        {
            var investment = Number("investment", Investment, "Enter the provider's investment in pounds, like 60000");
            var share = Number("shareAfterRecovery", ShareAfterRecovery, "Enter the provider's share as a fraction, like 0.5 for half");
            if (GainBasis == "control")
            {
                gain = new PaymentTermsVersion.Gain(
                    ControlCostPerUser: Number("controlCostPerUser", ControlCostPerUser, "Enter the control group's cost per user in pounds, like 950"),
                    PilotCostPerUserKpiId: KpiId(PilotCostPerUserKpi), PilotUsersKpiId: KpiId(PilotUsersKpi), ProviderInvestment: investment, ProviderShareAfterRecovery: share);
            }
            else if (GainBasis == "baseline")
            {
                gain = new PaymentTermsVersion.Gain(
                    Number("baselineCost", BaselineCost, "Enter the baseline cost of a period in pounds, like 120000"), KpiId(ActualCostKpi),
                    ProviderInvestment: investment, ProviderShareAfterRecovery: share);
            }
            else
            {
                AddError("gainBasis", "Choose what the savings are measured against: a baseline cost or a control group");
            }
        }

        PaymentTermsVersion.Credits? credits = null;
        if (Mechanisms.Contains(Credits))
        {
            var kpis = Kpis.Where(k => CreditNumbers().Contains(k.Number)).Select(k =>
            {
                var c = CreditKpis[k.Number];
                return new PaymentTermsVersion.CreditKpi(
                    k.Id,
                    Number(CreditId(k.Number, "perUnit"), c.PerUnit, "Enter the credit for each unit of shortfall as a percentage, like 1"),
                    Number(CreditId(k.Number, "max"), c.Max, "Enter the most this KPI can cost as a percentage, like 3"),
                    Number(CreditId(k.Number, "inadequate"), c.Inadequate, "Enter the inadequate level as a number, like 90"));
            }).ToList();
            credits = new PaymentTermsVersion.Credits(Number("capPercent", CapPercent, "Enter the cap as a percentage, like 5"), kpis);
        }

        return new PaymentTermsVersion.Terms(frequency, fixedPrice, results, gain, credits);
    }

    /// <summary>"Fixed rate" chosen with no rate: the domain then asks for one.</summary>
    private decimal? UnsetRate()
    {
        if (string.IsNullOrWhiteSpace(UpliftRate))
        {
            AddError("upliftRate", "Enter the yearly uplift as a fraction, like 0.03 for 3%");
        }

        return null;
    }

    private Guid? KpiId(string? number) =>
        int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Kpis.SingleOrDefault(k => k.Number == n)?.Id : null;

    /// <summary>Lines of comma-separated numbers, each with <paramref name="count"/> of them; a wrong line is the field's error.</summary>
    private List<decimal?[]> Lines(string field, string? text, int count, string message)
    {
        var lines = new List<decimal?[]>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(',', StringSplitOptions.TrimEntries);
            var numbers = parts.Select(p => decimal.TryParse(p, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null).ToArray();
            if (parts.Length != count || numbers.Any(n => n is null))
            {
                AddError(field, $"{message}; '{Cut(line)}' is not");
                return lines;
            }

            lines.Add(numbers);
        }

        return lines;
    }

    private void Fill(PaymentTermsVersion.Terms terms)
    {
        var numbers = Kpis.ToDictionary(k => k.Id, k => k.Number);
        string? Kpi(Guid? id) => id is { } k && numbers.TryGetValue(k, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null;
        static string? Plain(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
        Frequency = terms.Frequency?.ToString();
        if (terms.Fixed is { } f)
        {
            Mechanisms.Add(Fixed);
            FixedAmount = Plain(f.AmountPerPeriod);
            Indexation = f.Index is not null ? "index" : f.UpliftRate is { } rate && rate != 0 ? "rate" : "none";
            UpliftRate = Indexation == "rate" ? Plain(f.UpliftRate) : null;
            IndexValues = f.Index is null ? null : string.Join("\n", f.Index.Select(i => $"{i?.Year}, {Plain(i?.Value)}"));
        }

        if (terms.PaymentByResults is { } r)
        {
            Mechanisms.Add(Results);
            ResultsYears = string.Join("\n", (r.Years ?? []).Select(y => $"{y?.Year}, {Plain(y?.Budget)}, {Plain(y?.OutcomeShare)}"));
            foreach (var o in r.Outcomes ?? [])
            {
                if (Kpi(o?.KpiId) is { } n)
                {
                    OutcomeRates[int.Parse(n, CultureInfo.InvariantCulture)] = Plain(o!.Rate);
                }
            }
        }

        if (terms.GainShare is { } g)
        {
            Mechanisms.Add(Gain);
            GainBasis = g.ControlCostPerUser is not null || g.PilotCostPerUserKpiId is not null ? "control" : "baseline";
            BaselineCost = Plain(g.BaselineCostPerPeriod);
            ActualCostKpi = Kpi(g.ActualCostKpiId);
            ControlCostPerUser = Plain(g.ControlCostPerUser);
            PilotCostPerUserKpi = Kpi(g.PilotCostPerUserKpiId);
            PilotUsersKpi = Kpi(g.PilotUsersKpiId);
            Investment = Plain(g.ProviderInvestment);
            ShareAfterRecovery = Plain(g.ProviderShareAfterRecovery);
        }

        if (terms.ServiceCredits is { } c)
        {
            Mechanisms.Add(Credits);
            CapPercent = Plain(c.CapPercent);
            foreach (var k in c.Kpis ?? [])
            {
                if (Kpi(k?.KpiId) is { } n)
                {
                    CreditKpis[int.Parse(n, CultureInfo.InvariantCulture)] = new CreditInput { PerUnit = Plain(k!.CreditPercentPerUnit), Max = Plain(k.MaxCreditPercent), Inadequate = Plain(k.Inadequate) };
                }
            }
        }
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        var versions = await DeliveryQueries.TermsAsync(db, contractId, cancellationToken);
        var calculated = await db.Set<PaymentCalculation>().AsNoTracking().Where(c => c.ContractId == contractId)
            .Select(c => new { c.PeriodStart, c.TermsVersion }).ToListAsync(cancellationToken);
        var today = db.Clock.GetUtcNow().UtcDateTime.UkDate();
        Versions = versions.OrderBy(v => v.EffectiveFrom).Select((v, i) =>
        {
            var next = i + 1 < versions.Count ? versions.OrderBy(x => x.EffectiveFrom).ElementAt(i + 1).EffectiveFrom.AddDays(-1) : (DateOnly?)null;
            var until = next ?? contract.CurrentExpiry;
            var frequency = v.Read().Frequency ?? KpiFrequency.Monthly;
            var last = new[] { until ?? today, today }.Min();
            var periods = last < v.EffectiveFrom ? 0 : KpiPeriods.Between(frequency, v.EffectiveFrom, last).Count;
            return new VersionRow(v, until, periods, calculated.Where(c => c.TermsVersion == v.Version).Select(c => c.PeriodStart).Distinct().Count());
        }).ToList();
        return true;
    }

    private static string Cut(string text) => text.Length > 60 ? text[..57] + "…" : text;
}
