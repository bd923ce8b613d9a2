using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Payments;

namespace Placeshaper.Calculators;

public sealed class SocialImpactBondModel(OrganisationContext context) : PaymentCalculatorPage(context)
{
    public const int Rows = 5;

    public sealed class CohortRow
    {
        public string? Year { get; set; }

        public string? Size { get; set; }

        public string? OutcomeRate { get; set; }
    }

    [BindProperty]
    public string? Investment { get; set; }

    [BindProperty]
    public string? BaselineRate { get; set; }

    [BindProperty]
    public string? Threshold { get; set; }

    [BindProperty]
    public string? PaymentPerOutcome { get; set; }

    [BindProperty]
    public string? Cap { get; set; }

    [BindProperty]
    public List<CohortRow> Cohorts { get; set; } = [];

    /// <summary>Payments in pounds and pence, as paid.</summary>
    public SocialImpactBond.Result? Result { get; private set; }

    public void OnGet() => Pad();

    public IActionResult OnPost()
    {
        Pad();
        var investment = Pounds("investment", Investment, "Enter the investors' investment in pounds, like 5000000");
        var baseline = Figure("baselineRate", BaselineRate, "Enter the baseline rate as a number, like 0.6");
        var threshold = Fraction("threshold", Threshold, "Enter the threshold as a percentage, like 10");
        var perOutcome = Pounds("paymentPerOutcome", PaymentPerOutcome, "Enter the payment for each outcome in pounds, like 30000");
        var cap = Pounds("cap", Cap, "Enter the most that will be paid in all, in pounds");
        var used = Cohorts.Select((row, index) => (row, index)).Where(r => Typed(r.row.Year, r.row.Size, r.row.OutcomeRate)).ToList();
        var cohorts = used.Select(c => new SocialImpactBond.Cohort(
            Whole($"cohort-{c.index}-year", c.row.Year, "Enter the year the payment falls due, like 2"),
            Figure($"cohort-{c.index}-size", c.row.Size, "Enter how many people are in the cohort, like 1000"),
            Figure($"cohort-{c.index}-outcomeRate", c.row.OutcomeRate, "Enter the rate measured for the cohort, like 0.51"))).ToList();
        if (HasErrors)
        {
            return Page();
        }

        var result = SocialImpactBond.Calculate(new(investment, baseline, threshold, perOutcome, cap, cohorts));
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => RowField(field, "cohorts", "cohort", used.Select(u => u.index).ToList(), "year"));
            return Page();
        }

        Result = result.Value.InPence();
        return Page();
    }

    private void Pad()
    {
        while (Cohorts.Count < Rows)
        {
            Cohorts.Add(new CohortRow());
        }
    }
}
