using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.People;

public static class MemberQueries
{
    public sealed record PersonRow(Guid Id, string Email, string DisplayName);

    /// <summary>The people holding any role at the organisation, by name.</summary>
    public static IQueryable<PersonRow> People(PlaceshaperDb db, Guid organisationId) =>
        db.Users.AsNoTracking()
            .Where(p => db.Memberships.Any(m => m.PersonId == p.Id && m.OrganisationId == organisationId))
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Email)
            .Select(p => new PersonRow(p.Id, p.Email ?? "", p.DisplayName));

    public static async Task<ILookup<Guid, Role>> RolesAsync(PlaceshaperDb db, Guid organisationId, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && personIds.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.Role })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Role).ToLookup(r => r.PersonId, r => r.Role);
    }
}
