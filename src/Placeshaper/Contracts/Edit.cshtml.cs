using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class EditModel(OrganisationContext context, PlaceshaperDb db, SaveContract save) : FormPage
{
    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public ContractForm.Choices Choices { get; private set; } = null!;

    public ContractFields Fields => new(Input, ErrorFor, Choices, IsNew: false);

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        Input = ContractForm.From(Contract);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        var details = Input.Read(Contract.ToDetails(), (field, message) => AddError(field, message));
        if (HasErrors)
        {
            return Page();
        }

        if (await save.ChangeAsync(Contract, details with { Complete = Contract.ImportKey is null && Contract.AwardDecisionId is null }, cancellationToken) is { } errors)
        {
            AddErrors(errors, ContractFields.FieldId);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{contractId}");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        Choices = await ContractForm.Choices.LoadAsync(db, context.Id, cancellationToken);
        return true;
    }
}
