using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class RetireMeasureModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Reason { get; set; }

    public string Slug => context.Slug;

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid measureId, CancellationToken cancellationToken) =>
        await LoadAsync(measureId, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid measureId, CancellationToken cancellationToken)
    {
        var measure = await LoadAsync(measureId, cancellationToken);
        if (measure is null)
        {
            return NotFound();
        }

        var retired = await OutcomeChanges.RetireMeasureAsync(db, measure, Reason, cancellationToken);
        if (!retired.Succeeded)
        {
            AddErrors(retired.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/outcomes?retired=true#measure-{measure.Id}");
    }

    private async Task<OutcomeMeasure?> LoadAsync(Guid measureId, CancellationToken cancellationToken)
    {
        var measure = await db.OutcomeMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.OrganisationId == context.Id, cancellationToken);
        Name = measure?.Name ?? "";
        return measure;
    }
}
