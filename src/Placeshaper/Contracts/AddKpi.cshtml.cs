using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Specifications;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class AddKpiModel(OrganisationContext context, PlaceshaperDb db, SaveContract save) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    [BindProperty]
    public string? Definition { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? Polarity { get; set; }

    [BindProperty]
    public string? Target { get; set; }

    [BindProperty]
    public string? Minimum { get; set; }

    [BindProperty]
    public string? Frequency { get; set; }

    [BindProperty]
    public string? DataSource { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        var target = Number("target", Target, "Enter the target as a number, like 90 or 2.5");
        var minimum = Number("minimum", Minimum, "Enter the minimum acceptable level as a number, like 80 or 4");
        if (HasErrors)
        {
            return Page();
        }

        var input = new ContractKpi.Input(
            Definition, Unit, Enum.TryParse<Polarity>(Polarity, out var polarity) && !int.TryParse(Polarity, out _) ? polarity : null, target, minimum,
            Enum.TryParse<KpiFrequency>(Frequency, out var frequency) && !int.TryParse(Frequency, out _) ? frequency : null, DataSource);
        var added = await save.AddKpiAsync(Contract, input, cancellationToken);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}#kpis");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        Contract = (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken))!;
        return Contract is not null;
    }
}
