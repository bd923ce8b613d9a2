using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class EditOutcomeModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Statement { get; set; }

    [BindProperty]
    public Guid? ProgrammeId { get; set; }

    public string Slug => context.Slug;

    public Guid OutcomeId { get; private set; }

    public string ThemeName { get; private set; } = "";

    public bool Retired { get; private set; }

    public IReadOnlyList<OutcomeFields.ProgrammeOption> Programmes { get; private set; } = [];

    public OutcomeFields Fields => new(Statement, ProgrammeId, Programmes, ErrorFor);

    public async Task<IActionResult> OnGetAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        var outcome = await LoadAsync(outcomeId, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        (Statement, ProgrammeId) = (outcome.Statement, outcome.ProgrammeId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        var outcome = await LoadAsync(outcomeId, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        var reworded = await OutcomeChanges.RewordOutcomeAsync(db, outcome, Statement, ProgrammeId, cancellationToken);
        if (!reworded.Succeeded)
        {
            AddErrors(reworded.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/outcomes#outcome-{outcome.Id}");
    }

    private async Task<Outcome?> LoadAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.SingleOrDefaultAsync(o => o.Id == outcomeId && o.OrganisationId == context.Id, cancellationToken);
        if (outcome is not null)
        {
            OutcomeId = outcome.Id;
            Retired = outcome.IsRetired;
            ThemeName = await db.OutcomeThemes.Where(t => t.Id == outcome.ThemeId).Select(t => t.Name).SingleAsync(cancellationToken);
            Programmes = await OutcomePages.ProgrammesAsync(db, context.Id, cancellationToken);
        }

        return outcome;
    }
}
