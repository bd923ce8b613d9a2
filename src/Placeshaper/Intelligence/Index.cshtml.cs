using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Intelligence;

public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Area { get; set; }

    public string Slug => context.Slug;

    public bool CanModerate => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    public IReadOnlyList<IntelligenceQueries.Item> Queue { get; private set; } = [];

    public IReadOnlyList<IntelligenceQueries.Item> Published { get; private set; } = [];

    public IReadOnlyList<AreaQueries.Listed> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Members report in their own name and role; what they write is published at once.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var areas = await AreaQueries.ForOrganisationAsync(db, context.Id, cancellationToken);
        var role = context.Current.Has(Role.Councillor) ? "Councillor" : context.Current.Has(Role.Provider) ? "Provider" : "Officer";
        var result = IntelligenceItem.Submit(
            context.Id,
            Enum.TryParse<IntelligenceKind>(Kind, out var kind) ? kind : null,
            Body,
            areas.FirstOrDefault(a => a.Code == Area)?.Id,
            null,
            role,
            db.Scope.PersonId,
            null,
            db.Clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.IntelligenceItems.Add(result.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/intelligence");
    }

    public async Task<IActionResult> OnPostModerateAsync(Guid itemId, string? decision, string? note, CancellationToken cancellationToken)
    {
        if (!CanModerate)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var item = await db.IntelligenceItems.FindAsync([itemId], cancellationToken);
        if (item is null || item.OrganisationId != context.Id)
        {
            return NotFound();
        }

        var moderated = item.Moderate(decision == "publish", note, db.Clock.GetUtcNow().UtcDateTime);
        if (!moderated.Succeeded)
        {
            AddErrors(moderated.Errors, _ => "note-" + itemId);
            await LoadAsync(cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/intelligence");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Areas = (await AreaQueries.ForOrganisationAsync(db, context.Id, cancellationToken)).Where(a => a.Level != AreaLevel.Comparator).ToList();
        Published = await IntelligenceQueries.ListAsync(db, context.Id, IntelligenceStatus.Published, cancellationToken);
        Queue = CanModerate ? await IntelligenceQueries.ListAsync(db, context.Id, IntelligenceStatus.AwaitingModeration, cancellationToken) : [];
    }
}
