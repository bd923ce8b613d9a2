using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Outcomes;

/// <summary>Lists the outcomes pages offer as choices.</summary>
internal static class OutcomePages
{
    /// <summary>Programmes the organisation leads: an outcome can be worked towards only by one of them.</summary>
    public static async Task<IReadOnlyList<OutcomeFields.ProgrammeOption>> ProgrammesAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) =>
        await db.Programmes.AsNoTracking().Where(p => p.OrganisationId == organisationId).OrderBy(p => p.Name)
            .Select(p => new OutcomeFields.ProgrammeOption(p.Id, p.Name)).ToListAsync(cancellationToken);

    /// <summary>
    /// Every organisation, this one first: a measure may be owned by a partner. Organisation names are directory
    /// information, listed as the programme pages list partners.
    /// </summary>
    public static async Task<IReadOnlyList<(string Value, string Label)>> OwnersAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) =>
        (await db.Organisations.IgnoreQueryFilters().AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Slug, o.Name }).ToListAsync(cancellationToken))
            .OrderBy(o => o.Id == organisationId ? 0 : 1)
            .Select(o => (o.Slug, o.Name))
            .ToList();
}
