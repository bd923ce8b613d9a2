using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Reviews;

/// <summary>The organisation a public review page belongs to, looked up directly: anyone may read these pages.</summary>
public sealed record PublicOrganisation(Guid Id, string Slug, string Name)
{
    public static async Task<PublicOrganisation?> FindAsync(PlaceshaperDb db, string slug, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        return await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Slug == key).Select(o => new PublicOrganisation(o.Id, o.Slug, o.Name)).SingleOrDefaultAsync(cancellationToken);
    }
}
