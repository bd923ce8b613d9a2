using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Payments;

namespace Placeshaper.Calculators;

public sealed class GainShareModel(OrganisationContext context) : PaymentCalculatorPage(context)
{
    public static readonly IReadOnlyList<(string Value, string Label)> Measures =
    [
        ("costs", "Against a baseline: what it cost before, and what it costs now"),
        ("groups", "Against a control group: cost per person with and without the change"),
    ];

    [BindProperty]
    public string? Measure { get; set; }

    [BindProperty]
    public string? BaselineCost { get; set; }

    [BindProperty]
    public string? ActualCost { get; set; }

    [BindProperty]
    public string? ControlCostPerUser { get; set; }

    [BindProperty]
    public string? PilotCostPerUser { get; set; }

    [BindProperty]
    public string? PilotUsers { get; set; }

    [BindProperty]
    public string? ProviderInvestment { get; set; }

    [BindProperty]
    public string? ProviderShare { get; set; } = "50";

    /// <summary>In pounds and pence, as paid.</summary>
    public GainShare.Result? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var input = new GainShare.Input(
            ProviderInvestment: Pounds("providerInvestment", ProviderInvestment, "Enter the provider's investment in pounds, like 25000"),
            ProviderShareAfterRecovery: Fraction("providerShareAfterRecovery", ProviderShare, "Enter the provider's share as a percentage, like 50"));
        switch (Measure)
        {
            case "costs":
                input = input with
                {
                    BaselineCost = Pounds("baselineCost", BaselineCost, "Enter what it cost before in pounds"),
                    ActualCost = Pounds("actualCost", ActualCost, "Enter what it costs now in pounds"),
                };
                break;
            case "groups":
                input = input with
                {
                    Control = new(Pounds("control-costPerUser", ControlCostPerUser, "Enter the control group's cost per person in pounds")),
                    Pilot = new(
                        Pounds("pilot-costPerUser", PilotCostPerUser, "Enter the pilot's cost per person in pounds"),
                        Figure("pilot-users", PilotUsers, "Enter how many people the pilot served, like 50")),
                };
                break;
            default:
                AddError("measure", "Select how the savings are measured");
                break;
        }

        if (HasErrors)
        {
            return Page();
        }

        var result = GainShare.Calculate(input);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => field.Replace('.', '-'));
            return Page();
        }

        Result = result.Value.InPence();
        return Page();
    }
}
