using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Programmes;

public static class ProgrammeQueries
{
    public sealed record Listed(Guid Id, string Name, string LeadSlug, string LeadName, ProgrammeRole Role, IReadOnlyList<Stage> Stages);

    /// <summary>The programmes an organisation leads or is a partner in, by name.</summary>
    public static async Task<IReadOnlyList<Listed>> ForOrganisationAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var rows = await db.Programmes.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.OrganisationId == organisationId || p.Partners.Any(x => x.OrganisationId == organisationId))
            .Join(db.Organisations.IgnoreQueryFilters(), p => p.OrganisationId, o => o.Id, (p, o) => new { p.Id, p.Name, o.Slug, LeadName = o.Name, p.OrganisationId, p.ActiveStages })
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Listed(r.Id, r.Name, r.Slug, r.LeadName, r.OrganisationId == organisationId ? ProgrammeRole.Lead : ProgrammeRole.Partner, Stages.FromStored(r.ActiveStages))).ToList();
    }

    public static async Task<IReadOnlyList<StageChange>> HistoryAsync(PlaceshaperDb db, Guid programmeId, CancellationToken cancellationToken) =>
        await db.StageChanges.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ProgrammeId == programmeId)
            .OrderByDescending(c => c.At)
            .ToListAsync(cancellationToken);

    public static async Task<IReadOnlyList<ProgrammeDecision>> DecisionsAsync(PlaceshaperDb db, Guid programmeId, CancellationToken cancellationToken) =>
        await db.ProgrammeDecisions.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.ProgrammeId == programmeId)
            .OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAt)
            .ToListAsync(cancellationToken);

    /// <summary>Names of the organisations in a programme (lead and partners), for display.</summary>
    public static async Task<Dictionary<Guid, (string Slug, string Name)>> OrganisationNamesAsync(PlaceshaperDb db, Programme programme, CancellationToken cancellationToken)
    {
        var ids = programme.Partners.Select(p => p.OrganisationId).Append(programme.OrganisationId).ToList();
        return await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => (o.Slug, o.Name), cancellationToken);
    }
}
