using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class AddOutcomeModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Statement { get; set; }

    [BindProperty]
    public Guid? ProgrammeId { get; set; }

    public string Slug => context.Slug;

    public string ThemeName { get; private set; } = "";

    public IReadOnlyList<OutcomeFields.ProgrammeOption> Programmes { get; private set; } = [];

    public OutcomeFields Fields => new(Statement, ProgrammeId, Programmes, ErrorFor);

    public async Task<IActionResult> OnGetAsync(Guid themeId, CancellationToken cancellationToken) =>
        await LoadAsync(themeId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid themeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(themeId, cancellationToken))
        {
            return NotFound();
        }

        var added = await OutcomeChanges.AddOutcomeAsync(db, context.Id, themeId, Statement, ProgrammeId, cancellationToken);
        if (!added.Succeeded)
        {
            AddErrors(added.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/outcomes#outcome-{added.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid themeId, CancellationToken cancellationToken)
    {
        var theme = await db.OutcomeThemes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == themeId && t.OrganisationId == context.Id, cancellationToken);
        ThemeName = theme?.Name ?? "";
        Programmes = await OutcomePages.ProgrammesAsync(db, context.Id, cancellationToken);
        return theme is not null;
    }
}
