using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class NewModel(OrganisationContext context, PlaceshaperDb db, SaveContract save) : FormPage
{
    [BindProperty]
    public ContractForm Input { get; set; } = new();

    public string Slug => context.Slug;

    public ContractForm.Choices Choices { get; private set; } = null!;

    public ContractFields Fields => new(Input, ErrorFor, Choices, IsNew: true);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Choices = await ContractForm.Choices.LoadAsync(db, context.Id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Choices = await ContractForm.Choices.LoadAsync(db, context.Id, cancellationToken);
        var details = Input.Read(null, (field, message) => AddError(field, message));
        if (HasErrors)
        {
            return Page();
        }

        var created = await save.CreateAsync(context.Id, details, cancellationToken);
        if (!created.Succeeded)
        {
            AddErrors(created.Errors, ContractFields.FieldId);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/contracts/{created.Value.Id}");
    }
}
