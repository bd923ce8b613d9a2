using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class AddThemeModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Name { get; set; }

    public string Slug => context.Slug;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var added = await OutcomeChanges.AddThemeAsync(db, context.Id, Name, cancellationToken);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/outcomes#theme-{added.Value.Id}");
    }
}
