using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Access;

public static class ViewerLoader
{
    /// <summary>Fills <paramref name="viewer"/> with the person and the organisations where they hold roles.</summary>
    public static async Task LoadAsync(PlaceshaperDb db, Viewer viewer, Guid personId, Guid? tokenId, Guid? onlyOrganisation, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new { p.Email, p.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return;
        }

        var rows = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.PersonId == personId && (onlyOrganisation == null || m.OrganisationId == onlyOrganisation))
            .Join(db.Organisations, m => m.OrganisationId, org => org.Id, (m, org) => new { org.Id, org.Slug, org.Name, org.Kind, m.Role, m.ProviderId })
            .ToListAsync(cancellationToken);
        var organisations = rows
            .GroupBy(r => r.Id)
            .Select(g => new ViewerOrganisation(
                g.Key,
                g.First().Slug,
                g.First().Name,
                g.First().Kind,
                g.Select(r => r.Role).ToHashSet(),
                g.Select(r => r.ProviderId).FirstOrDefault(p => p.HasValue)))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .ToList();
        viewer.SignedIn(personId, person.Email ?? "", person.DisplayName, tokenId, organisations);
    }
}
