using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Shared;

namespace Placeshaper.Budgets;

[RequiresRole(Role.Commissioner, Role.FinanceOfficer)]
public sealed class SetUpModel(OrganisationContext context, PlaceshaperDb db, SetUpPooledBudget setUp) : FormPage
{
    public sealed class ContributionInput
    {
        public string Organisation { get; set; } = "";

        public string Name { get; set; } = "";

        public string? Amount { get; set; }

        public string? OverspendPercent { get; set; }

        public string? UnderspendPercent { get; set; }
    }

    [BindProperty]
    public string? FinancialYear { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; } = nameof(PooledBudgetKind.BetterCareFund);

    [BindProperty]
    public string? Total { get; set; }

    [BindProperty]
    public string? OverspendRule { get; set; } = nameof(RiskShareRule.InProportionToContributions);

    [BindProperty]
    public string? UnderspendRule { get; set; } = nameof(RiskShareRule.InProportionToContributions);

    [BindProperty]
    public List<ContributionInput> Contributions { get; set; } = [];

    public string Slug => context.Slug;

    public Guid ProgrammeId { get; private set; }

    public string ProgrammeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await LeadProgrammeAsync(programmeId, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        FinancialYear = Budgets.FinancialYear.Of(DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime)).Label;
        var names = await ProgrammeQueries.OrganisationNamesAsync(db, programme, cancellationToken);
        Contributions = programme.Partners.Select(p => p.OrganisationId).Prepend(programme.OrganisationId)
            .Select(id => new ContributionInput { Organisation = names[id].Slug, Name = names[id].Name })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await LeadProgrammeAsync(programmeId, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        var total = Amount(Total, "total", "Enter the total pot in pounds and pence, like 1,250,000.00");
        var contributions = Contributions.Select((c, i) => new SetUpPooledBudget.ContributionRequest(
                c.Organisation,
                Amount(c.Amount, $"contributions-{i}-amount", $"Enter {c.Name}'s contribution in pounds and pence"),
                Percent(c.OverspendPercent, $"contributions-{i}-overspend", $"Enter {c.Name}'s share of an overspend as a number, like 40"),
                Percent(c.UnderspendPercent, $"contributions-{i}-underspend", $"Enter {c.Name}'s share of an underspend as a number, like 40")))
            .Where(c => c.Amount is not null || c.OverspendPercent is not null || c.UnderspendPercent is not null)
            .ToList();
        if (HasErrors)
        {
            return Page();
        }

        var result = await setUp.HandleAsync(
            programme,
            new SetUpPooledBudget.Command(
                FinancialYear,
                Name,
                Enum.TryParse<PooledBudgetKind>(Kind, out var kind) ? kind : null,
                total,
                Enum.TryParse<RiskShareRule>(OverspendRule, out var overspend) ? overspend : null,
                Enum.TryParse<RiskShareRule>(UnderspendRule, out var underspend) ? underspend : null,
                contributions),
            cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, FieldId);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/budgets/{result.Value.Id}");
    }

    /// <summary>Maps the use case's field names onto this form's inputs, so each error links to what to fix.</summary>
    private static string FieldId(string field) => field switch
    {
        "contributions" => "contributions-0-amount",
        "overspendPercentages" => "contributions-0-overspend",
        "underspendPercentages" => "contributions-0-underspend",
        _ when field.StartsWith("contributions[", StringComparison.Ordinal) =>
            "contributions-" + field["contributions[".Length..field.IndexOf(']', StringComparison.Ordinal)] + "-amount",
        _ => field,
    };

    private decimal? Amount(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Money.TryParse(text, out var pounds))
        {
            return pounds;
        }

        AddError(field, message);
        return null;
    }

    private decimal? Percent(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            return percent;
        }

        AddError(field, message);
        return null;
    }

    private async Task<Programme?> LeadProgrammeAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        (ProgrammeId, ProgrammeName) = (programme.Id, programme.Name);
        return programme;
    }
}
