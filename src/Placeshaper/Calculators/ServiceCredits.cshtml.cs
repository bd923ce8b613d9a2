using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Payments;

namespace Placeshaper.Calculators;

public sealed class ServiceCreditsModel(OrganisationContext context) : PaymentCalculatorPage(context)
{
    public const int Rows = 4;

    public static readonly IReadOnlyList<(string Value, string Label)> Directions = [("higher", "Higher is better"), ("lower", "Lower is better")];

    public sealed class KpiRow
    {
        public string? Name { get; set; }

        public string? Direction { get; set; }

        public string? Target { get; set; }

        public string? Minimum { get; set; }

        public string? Inadequate { get; set; }

        public string? Actual { get; set; }

        public string? CreditPercentPerUnit { get; set; }

        public string? MaxCreditPercent { get; set; }
    }

    [BindProperty]
    public string? PeriodCharge { get; set; }

    [BindProperty]
    public string? CapPercent { get; set; }

    [BindProperty]
    public List<KpiRow> Kpis { get; set; } = [];

    public ServiceCredits.Result? Result { get; private set; }

    public void OnGet() => Pad();

    public IActionResult OnPost()
    {
        Pad();
        var charge = Pounds("periodCharge", PeriodCharge, "Enter the period's charge in pounds, like 100000");
        var cap = Figure("capPercent", CapPercent, "Enter the cap as a percentage of the charge, like 10");
        var used = Kpis.Select((row, index) => (row, index))
            .Where(r => Typed(r.row.Name, r.row.Target, r.row.Minimum, r.row.Inadequate, r.row.Actual, r.row.CreditPercentPerUnit, r.row.MaxCreditPercent))
            .ToList();
        var kpis = used.Select(k =>
        {
            var (row, i) = k;
            bool? higher = row.Direction switch { "higher" => true, "lower" => false, _ => null };
            if (higher is null)
            {
                AddError($"kpi-{i}-higherIsBetter", "Select whether higher or lower is better");
            }

            return new ServiceCredits.Kpi(
                string.IsNullOrWhiteSpace(row.Name) ? $"KPI {i + 1}" : row.Name.Trim(),
                Figure($"kpi-{i}-target", row.Target, "Enter the target as a number, like 95"),
                Figure($"kpi-{i}-minimum", row.Minimum, "Enter the minimum acceptable as a number, like 90"),
                Figure($"kpi-{i}-actual", row.Actual, "Enter the performance achieved as a number, like 93"),
                higher,
                Figure($"kpi-{i}-creditPercentPerUnit", row.CreditPercentPerUnit, "Enter the credit for each unit short as a percentage, like 1"),
                Figure($"kpi-{i}-maxCreditPercent", row.MaxCreditPercent, "Enter the most this KPI can cost as a percentage, like 5"),
                Figure($"kpi-{i}-inadequate", row.Inadequate, "Enter the inadequate level as a number, like 80", required: false));
        }).ToList();
        if (HasErrors)
        {
            return Page();
        }

        var result = ServiceCredits.Calculate(new(charge, cap, kpis));
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => RowField(field, "kpis", "kpi", used.Select(u => u.index).ToList(), "name").Replace("-id", "-name", StringComparison.Ordinal));
            return Page();
        }

        Result = result.Value;
        return Page();
    }

    private void Pad()
    {
        while (Kpis.Count < Rows)
        {
            Kpis.Add(new KpiRow());
        }
    }
}
