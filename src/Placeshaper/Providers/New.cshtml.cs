using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Providers;

[RequiresRole(Role.ProcurementOfficer, Role.Commissioner, Role.Administrator)]
public sealed class NewModel(OrganisationContext context, SaveProvider save) : FormPage
{
    [BindProperty]
    public ProviderForm Input { get; set; } = new();

    public string Slug => context.Slug;

    /// <summary>The provider already in the register that the new one would duplicate, to link to.</summary>
    public ProviderDuplicates.Duplicate? DuplicateOf { get; private set; }

    public ProviderFields Fields => new(Input, ErrorFor, IsNew: true);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var details = Input.Read(AddError);
        if (HasErrors)
        {
            // A figure that is not a number stops the save; the other fields' errors are shown with it.
            AddErrors(details.Check().Errors ?? new Common.Errors());
            return Page();
        }

        switch (await save.RegisterAsync(context.Id, details, cancellationToken))
        {
            case SaveProvider.Saved saved:
                return Redirect($"/o/{context.Slug}/providers/{saved.Provider.Id}");
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
