using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Payments;

namespace Placeshaper.Calculators;

public sealed class IndexedPriceModel(OrganisationContext context) : PaymentCalculatorPage(context)
{
    /// <summary>Index values the page takes: a ten-year contract's worth.</summary>
    public const int IndexRows = 10;

    public static readonly IReadOnlyList<(string Value, string Label)> Uplifts = [("fixed", "By a fixed percentage each year"), ("index", "By an index, such as the Consumer Prices Index")];

    [BindProperty]
    public string? BasePrice { get; set; }

    [BindProperty]
    public string? Years { get; set; }

    [BindProperty]
    public string? PeriodsPerYear { get; set; } = "12";

    [BindProperty]
    public string? Uplift { get; set; }

    [BindProperty]
    public string? UpliftRate { get; set; }

    [BindProperty]
    public List<string?> Index { get; set; } = [];

    public Indexation.Result? Result { get; private set; }

    public void OnGet() => Pad();

    public IActionResult OnPost()
    {
        Pad();
        var input = new Indexation.Input(
            Pounds("basePrice", BasePrice, "Enter the price of one period in the first year, in pounds"),
            Whole("years", Years, "Enter how many years the price runs for, like 5"),
            Whole("periodsPerYear", PeriodsPerYear, "Enter how many times a year the price is charged, like 12"));
        switch (Uplift)
        {
            case "fixed":
                input = input with { UpliftRate = Fraction("upliftRate", UpliftRate, "Enter the yearly uplift as a percentage, like 3") };
                break;
            case "index":
                input = input with
                {
                    Index = Enumerable.Range(0, IndexRows).Where(k => Typed(Index[k]))
                        .Select(k => new Indexation.IndexValue(k + 1, Figure($"index-{k}-value", Index[k], "Enter the index value as a number, like 131.5")))
                        .ToList(),
                };
                break;
            default:
                AddError("uplift", "Select how the price is uplifted");
                break;
        }

        if (HasErrors)
        {
            return Page();
        }

        var result = Indexation.Calculate(input);
        if (!result.Succeeded)
        {
            var typed = Enumerable.Range(0, IndexRows).Where(k => Typed(Index[k])).ToList();
            AddErrors(result.Errors, field => RowField(field, "index", "index", typed, "value"));
            return Page();
        }

        Result = result.Value;
        return Page();
    }

    private void Pad()
    {
        while (Index.Count < IndexRows)
        {
            Index.Add(null);
        }
    }
}
