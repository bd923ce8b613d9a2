using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class TerminateModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, ManageContractRisks risks) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    [BindProperty]
    public DateInput On { get; set; } = new();

    [BindProperty]
    public string? Ground { get; set; }

    [BindProperty]
    public DateInput NoticeGivenOn { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        const string NotADate = "Enter a real date, like 31 3 2027";
        var input = new Termination.Input(
            Date("on", On, NotADate),
            Enum.TryParse<TerminationGround>(Ground, out var ground) && !int.TryParse(Ground, out _) ? ground : null,
            Date("noticeGivenOn", NoticeGivenOn, NotADate),
            Reason);
        if (HasErrors)
        {
            return Page();
        }

        var recorded = await risks.TerminateAsync(Contract, input, viewer.DisplayName, cancellationToken);
        if (!recorded.Succeeded)
        {
            AddErrors(recorded.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}#termination");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        Contract = (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken))!;
        return Contract is not null;
    }
}
