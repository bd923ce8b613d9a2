using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Intelligence;

public static class IntelligenceQueries
{
    public sealed record Item(
        Guid Id, IntelligenceKind Kind, string Body, string? AreaName, string? IndicatorName, string SubmitterRole, IntelligenceStatus Status, DateTime SubmittedAt, string? ContactEmail,
        string? AreaCode = null, string? IndicatorCode = null);

    /// <summary>The newest 500 reports of a status, with the names and codes of what they are tagged to.</summary>
    public static async Task<IReadOnlyList<Item>> ListAsync(PlaceshaperDb db, Guid organisationId, IntelligenceStatus status, CancellationToken cancellationToken) =>
        await ViewAsync(db, organisationId, db.IntelligenceItems.AsNoTracking().Where(i => i.OrganisationId == organisationId && i.Status == status), cancellationToken);

    /// <summary>
    /// The published reports tagged to an indicator, newest first, for its page ("What people tell us"). Contact emails
    /// are never in published lists.
    /// </summary>
    public static async Task<IReadOnlyList<Item>> TaggedAsync(PlaceshaperDb db, Guid organisationId, Guid indicatorId, CancellationToken cancellationToken) =>
        (await ViewAsync(
            db,
            organisationId,
            db.IntelligenceItems.AsNoTracking().Where(i => i.OrganisationId == organisationId && i.Status == IntelligenceStatus.Published && i.IndicatorId == indicatorId),
            cancellationToken))
        .Select(i => i with { ContactEmail = null })
        .ToList();

    public static async Task<Item?> FindAsync(PlaceshaperDb db, Guid organisationId, Guid itemId, CancellationToken cancellationToken) =>
        (await ViewAsync(db, organisationId, db.IntelligenceItems.AsNoTracking().Where(i => i.OrganisationId == organisationId && i.Id == itemId), cancellationToken))
        .SingleOrDefault();

    private static async Task<IReadOnlyList<Item>> ViewAsync(PlaceshaperDb db, Guid organisationId, IQueryable<IntelligenceItem> query, CancellationToken cancellationToken)
    {
        var items = await query.OrderByDescending(i => i.SubmittedAt).Take(500).ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.OrganisationId == organisationId).ToDictionaryAsync(i => i.Id, i => (i.Code, i.Name), cancellationToken);
        return items.Select(i =>
            {
                (string Code, string Name)? area = i.AreaId is { } a && areas.TryGetValue(a, out var found) ? found : null;
                (string Code, string Name)? indicator = i.IndicatorId is { } n && indicators.TryGetValue(n, out var known) ? known : null;
                return new Item(
                    i.Id, i.Kind, i.Body, area?.Name, indicator?.Name, i.SubmitterRole, i.Status, i.SubmittedAt, i.ContactEmail, area?.Code, indicator?.Code);
            })
            .ToList();
    }
}
