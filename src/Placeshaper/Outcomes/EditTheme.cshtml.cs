using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class EditThemeModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Name { get; set; }

    public string Slug => context.Slug;

    public async Task<IActionResult> OnGetAsync(Guid themeId, CancellationToken cancellationToken)
    {
        var theme = await FindAsync(themeId, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }

        Name = theme.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid themeId, CancellationToken cancellationToken)
    {
        var theme = await FindAsync(themeId, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }

        var renamed = await OutcomeChanges.RenameThemeAsync(db, theme, Name, cancellationToken);
        if (!renamed.Succeeded)
        {
            AddErrors(renamed.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/outcomes#theme-{theme.Id}");
    }

    private Task<OutcomeTheme?> FindAsync(Guid themeId, CancellationToken cancellationToken) =>
        db.OutcomeThemes.SingleOrDefaultAsync(t => t.Id == themeId && t.OrganisationId == context.Id, cancellationToken);
}
