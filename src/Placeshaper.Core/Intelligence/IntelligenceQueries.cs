using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Intelligence;

public static class IntelligenceQueries
{
    public sealed record Item(Guid Id, IntelligenceKind Kind, string Body, string? AreaName, string? IndicatorName, string SubmitterRole, IntelligenceStatus Status, DateTime SubmittedAt, string? ContactEmail);

    public static async Task<IReadOnlyList<Item>> ListAsync(PlaceshaperDb db, Guid organisationId, IntelligenceStatus status, CancellationToken cancellationToken)
    {
        var items = await db.IntelligenceItems.AsNoTracking()
            .Where(i => i.OrganisationId == organisationId && i.Status == status)
            .OrderByDescending(i => i.SubmittedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.OrganisationId == organisationId).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        return items.Select(i => new Item(
                i.Id, i.Kind, i.Body,
                i.AreaId is { } a ? areas.GetValueOrDefault(a) : null,
                i.IndicatorId is { } n ? indicators.GetValueOrDefault(n) : null,
                i.SubmitterRole, i.Status, i.SubmittedAt, i.ContactEmail))
            .ToList();
    }
}
