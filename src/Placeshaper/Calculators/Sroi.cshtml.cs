using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Common;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Calculators;

public sealed class SroiModel(OrganisationContext context) : FormPage
{
    public const int Rows = 5;

    public sealed class OutcomeRow
    {
        public string? Name { get; set; }

        public string? AnnualValue { get; set; }

        public string? Years { get; set; }

        public string? Deadweight { get; set; }

        public string? Attribution { get; set; }

        public string? Displacement { get; set; }

        public string? DropOff { get; set; }
    }

    [BindProperty]
    public string? Investment { get; set; }

    [BindProperty]
    public string? DiscountRate { get; set; } = "3.5";

    [BindProperty]
    public List<OutcomeRow> Outcomes { get; set; } = [];

    public SocialReturn.Result? Result { get; private set; }

    public string Slug => context.Slug;

    public void OnGet() => Pad();

    public IActionResult OnPost()
    {
        var outcomes = new List<SocialReturn.Outcome>();
        var used = Outcomes.Select((row, index) => (row, index)).Where(r => !string.IsNullOrWhiteSpace(r.row.Name) || !string.IsNullOrWhiteSpace(r.row.AnnualValue)).ToList();
        foreach (var (row, index) in used)
        {
            outcomes.Add(new SocialReturn.Outcome(
                string.IsNullOrWhiteSpace(row.Name) ? $"Outcome {index + 1}" : row.Name.Trim(),
                Money.TryParse(row.AnnualValue, out var value) ? value : Invalid($"outcome-{index}-annualValue", "Enter the value of a year's outcome in pounds"),
                int.TryParse(row.Years?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : (int?)Invalid($"outcome-{index}-years", "Enter how many years the outcome lasts, like 3"),
                Percent($"outcome-{index}-deadweight", row.Deadweight),
                Percent($"outcome-{index}-attribution", row.Attribution),
                Percent($"outcome-{index}-displacement", row.Displacement),
                Percent($"outcome-{index}-dropOff", row.DropOff)));
        }

        var investment = Money.TryParse(Investment, out var pounds) ? pounds : Invalid("investment", "Enter the investment in pounds, like 250000");
        var rate = Percent("discountRate", DiscountRate);
        Pad();
        if (HasErrors)
        {
            return Page();
        }

        var result = SocialReturn.Calculate(new SocialReturn.Input(investment, rate, outcomes));
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => FieldId(field, used.Select(u => u.index).ToList()));
            return Page();
        }

        Result = result.Value;
        return Page();
    }

    private decimal? Percent(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        return decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent)
            ? percent / 100
            : Invalid(field, "Enter a percentage from 0 to 100, like 25");
    }

    private decimal? Invalid(string field, string message)
    {
        AddError(field, message);
        return null;
    }

    private void Pad()
    {
        while (Outcomes.Count < Rows)
        {
            Outcomes.Add(new OutcomeRow());
        }
    }

    /// <summary>"outcomes[1].deadweight" → the id of that row's input on this page.</summary>
    private static string FieldId(string field, List<int> rowOfInput)
    {
        if (!field.StartsWith("outcomes[", StringComparison.Ordinal))
        {
            return field == "outcomes" ? "outcome-0-name" : field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        var input = int.Parse(field[9..close], CultureInfo.InvariantCulture);
        var part = close + 2 < field.Length ? field[(close + 2)..] : "name";
        return $"outcome-{(input < rowOfInput.Count ? rowOfInput[input] : input)}-{(part == "id" ? "name" : part)}";
    }
}
