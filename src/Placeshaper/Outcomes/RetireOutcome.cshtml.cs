using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class RetireOutcomeModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Reason { get; set; }

    public string Slug => context.Slug;

    public string Statement { get; private set; } = "";

    public int Measures { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid outcomeId, CancellationToken cancellationToken) =>
        await LoadAsync(outcomeId, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        var outcome = await LoadAsync(outcomeId, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        var retired = await OutcomeChanges.RetireOutcomeAsync(db, outcome, Reason, cancellationToken);
        if (!retired.Succeeded)
        {
            AddErrors(retired.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/outcomes?retired=true#outcome-{outcome.Id}");
    }

    private async Task<Outcome?> LoadAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.SingleOrDefaultAsync(o => o.Id == outcomeId && o.OrganisationId == context.Id, cancellationToken);
        if (outcome is not null)
        {
            Statement = outcome.Statement;
            Measures = await db.OutcomeMeasures.CountAsync(m => m.OutcomeId == outcome.Id && m.RetiredAt == null, cancellationToken);
        }

        return outcome;
    }
}
