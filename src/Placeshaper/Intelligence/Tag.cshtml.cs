using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Intelligence;

/// <summary>Moderators tag a report to an area and a needs indicator, or change or clear its tags.</summary>
[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class TagModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Area { get; set; }

    [BindProperty]
    public string? Indicator { get; set; }

    public string Slug => context.Slug;

    public IntelligenceQueries.Item Item { get; private set; } = null!;

    public IReadOnlyList<AreaQueries.Listed> Areas { get; private set; } = [];

    public IReadOnlyList<NeedsQueries.Listed> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid itemId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(itemId, cancellationToken))
        {
            return NotFound();
        }

        (Area, Indicator) = (Item.AreaCode, Item.IndicatorCode);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.IntelligenceItems.FindAsync([itemId], cancellationToken);
        if (item is null || item.OrganisationId != context.Id)
        {
            return NotFound();
        }

        var tags = await IntelligenceTags.ResolveAsync(db, context.Id, Area, Indicator, cancellationToken);
        Common.Result<IntelligenceItem> tagged = tags.Succeeded ? item.Tag(tags.Value.AreaId, tags.Value.IndicatorId) : tags.Errors;
        if (!tagged.Succeeded)
        {
            AddErrors(tagged.Errors);
            await LoadAsync(itemId, cancellationToken);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/intelligence#item-{itemId}");
    }

    private async Task<bool> LoadAsync(Guid itemId, CancellationToken cancellationToken)
    {
        if (await IntelligenceQueries.FindAsync(db, context.Id, itemId, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        Areas = (await AreaQueries.ForOrganisationAsync(db, context.Id, cancellationToken)).Where(a => a.Level != AreaLevel.Comparator).ToList();
        Indicators = await NeedsQueries.IndicatorsAsync(db, context.Id, cancellationToken);
        return true;
    }
}
