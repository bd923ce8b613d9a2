using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Providers;

[RequiresRole(Role.ProcurementOfficer, Role.Commissioner, Role.Administrator)]
public sealed class EditModel(OrganisationContext context, SaveProvider save) : FormPage
{
    [BindProperty]
    public ProviderForm Input { get; set; } = new();

    public string Slug => context.Slug;

    public Guid ProviderId { get; private set; }

    public string ProviderName { get; private set; } = "";

    public ProviderDuplicates.Duplicate? DuplicateOf { get; private set; }

    public ProviderFields Fields => new(Input, ErrorFor, IsNew: false);

    public async Task<IActionResult> OnGetAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var provider = await save.FindAsync(context.Id, providerId, cancellationToken);
        if (provider is null)
        {
            return NotFound();
        }

        (ProviderId, ProviderName, Input) = (provider.Id, provider.Name, ProviderForm.From(provider));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var provider = await save.FindAsync(context.Id, providerId, cancellationToken);
        if (provider is null)
        {
            return NotFound();
        }

        (ProviderId, ProviderName) = (provider.Id, provider.Name);
        var details = Input.Read(AddError);
        if (HasErrors)
        {
            AddErrors(details.Check().Errors ?? new Common.Errors());
            return Page();
        }

        switch (await save.ChangeAsync(provider, details, cancellationToken))
        {
            case SaveProvider.Saved:
                return Redirect($"/o/{context.Slug}/providers/{provider.Id}");
            case SaveProvider.Invalid invalid:
                AddErrors(invalid.Errors);
                break;
            case SaveProvider.Duplicate duplicate:
                DuplicateOf = duplicate.Of;
                AddError(duplicate.Of.Field, duplicate.Of.ToString());
                break;
        }

        return Page();
    }
}
