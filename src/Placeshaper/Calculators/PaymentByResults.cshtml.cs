using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Payments;

namespace Placeshaper.Calculators;

public sealed class PaymentByResultsModel(OrganisationContext context) : PaymentCalculatorPage(context)
{
    public const int YearRows = 5;
    public const int OutcomeRows = 3;

    public sealed class YearRow
    {
        public string? Budget { get; set; }

        public string? OutcomeShare { get; set; }
    }

    public sealed class OutcomeRow
    {
        public string? Name { get; set; }

        public string? Rate { get; set; }

        public List<string?> Achieved { get; set; } = [];
    }

    [BindProperty]
    public List<YearRow> Years { get; set; } = [];

    [BindProperty]
    public List<OutcomeRow> Outcomes { get; set; } = [];

    /// <summary>In pounds and pence, as paid.</summary>
    public PaymentByResults.Result? Result { get; private set; }

    public void OnGet() => Pad();

    public IActionResult OnPost()
    {
        Pad();
        var years = Years.Select((row, index) => (row, index)).Where(r => Typed(r.row.Budget, r.row.OutcomeShare)).ToList();
        var terms = years.Select(y => new PaymentByResults.YearTerms(
            y.index + 1,
            Pounds($"year-{y.index}-budget", y.row.Budget, "Enter the year's budget in pounds, like 1000000"),
            Fraction($"year-{y.index}-outcomeShare", y.row.OutcomeShare, "Enter the share paid for outcomes as a percentage, like 20"))).ToList();
        var outcomes = Outcomes.Select((row, index) => (row, index)).Where(r => Typed(r.row.Name, r.row.Rate)).ToList();
        var paid = outcomes.Select(o => new PaymentByResults.Outcome(
            string.IsNullOrWhiteSpace(o.row.Name) ? $"Outcome {o.index + 1}" : o.row.Name.Trim(),
            Pounds($"outcome-{o.index}-rate", o.row.Rate, "Enter what one outcome earns in pounds, like 700"),
            Enumerable.Range(0, YearRows)
                .Where(k => Typed(o.row.Achieved[k]))
                .ToDictionary(k => k + 1, k => Figure($"outcome-{o.index}-achieved-{k + 1}", o.row.Achieved[k], "Enter how many were achieved, like 200")))).ToList();
        if (HasErrors)
        {
            return Page();
        }

        var result = PaymentByResults.Calculate(new(terms, paid));
        if (!result.Succeeded)
        {
            var yearRows = years.Select(y => y.index).ToList();
            var outcomeRows = outcomes.Select(o => o.index).ToList();
            AddErrors(result.Errors, field => RowField(RowField(field, "years", "year", yearRows, "budget"), "outcomes", "outcome", outcomeRows, "name"));
            return Page();
        }

        Result = result.Value.InPence();
        return Page();
    }

    private void Pad()
    {
        while (Years.Count < YearRows)
        {
            Years.Add(new YearRow());
        }

        while (Outcomes.Count < OutcomeRows)
        {
            Outcomes.Add(new OutcomeRow());
        }

        foreach (var outcome in Outcomes)
        {
            while (outcome.Achieved.Count < YearRows)
            {
                outcome.Achieved.Add(null);
            }
        }
    }
}
