using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Needs;
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

    [BindProperty]
    public string? Indicator { get; set; }

    public string Slug => context.Slug;

    /// <summary>Commissioners and administrators moderate and tag reports.</summary>
    public bool CanModerate => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    /// <summary>Administrators act on residents' requests to erase their contact email.</summary>
    public bool CanErase => context.Current.Has(Role.Administrator);

    public IReadOnlyList<IntelligenceQueries.Item> Queue { get; private set; } = [];

    public IReadOnlyList<IntelligenceQueries.Item> Published { get; private set; } = [];

    public IReadOnlyList<AreaQueries.Listed> Areas { get; private set; } = [];

    public IReadOnlyList<NeedsQueries.Listed> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>
    /// The reports the page shows to this person: the published ones, and for moderators the queue too. Residents'
    /// contact emails are never in it, not even for moderators: a download leaves the system and the rules on erasure.
    /// </summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return new Exports.Table("what people tell us", ["submitted_at", "status", "kind", "said_by", "area_code", "area", "indicator", "body"],
            Queue.Concat(Published)
                .Select(i => (IReadOnlyList<object?>)[i.SubmittedAt, i.Status.ToString(), i.Kind.ToString(), i.SubmitterRole, i.AreaCode, i.AreaName, i.IndicatorCode, i.Body])
                .ToList())
            .ToFile(format);
    }

    /// <summary>Members report in their own name and role, tagged to an area and a needs indicator if they choose; what they write is published at once.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var role = context.Current.Has(Role.Councillor) ? "Councillor" : context.Current.Has(Role.Provider) ? "Provider" : "Officer";
        var tags = await IntelligenceTags.ResolveAsync(db, context.Id, Area, Indicator, cancellationToken);
        var result = IntelligenceItem.Submit(
            context.Id,
            Enum.TryParse<IntelligenceKind>(Kind, out var kind) ? kind : null,
            Body,
            tags.Value?.AreaId,
            tags.Value?.IndicatorId,
            role,
            db.Scope.PersonId,
            null,
            db.Clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded || !tags.Succeeded)
        {
            AddErrors(result.Errors ?? new Common.Errors());
            AddErrors(tags.Errors ?? new Common.Errors());
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
        Indicators = await NeedsQueries.IndicatorsAsync(db, context.Id, cancellationToken);
        Published = await IntelligenceQueries.ListAsync(db, context.Id, IntelligenceStatus.Published, cancellationToken);
        Queue = CanModerate ? await IntelligenceQueries.ListAsync(db, context.Id, IntelligenceStatus.AwaitingModeration, cancellationToken) : [];
    }
}
