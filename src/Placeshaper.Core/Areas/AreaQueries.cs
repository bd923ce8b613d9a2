using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Areas;

public static class AreaQueries
{
    public sealed record Listed(Guid Id, string Code, string Name, AreaLevel Level, string? ParentCode);

    /// <summary>An organisation's areas, each under its parent: authority, then its districts and wards, by name.</summary>
    public static async Task<IReadOnlyList<Listed>> ForOrganisationAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var byId = areas.ToDictionary(a => a.Id);
        var children = areas.ToLookup(a => a.ParentId);
        var ordered = new List<Listed>();
        void Walk(Guid? parent)
        {
            foreach (var area in children[parent].OrderBy(a => a.Level).ThenBy(a => a.Name, StringComparer.Ordinal))
            {
                ordered.Add(new Listed(area.Id, area.Code, area.Name, area.Level, area.ParentId is { } p && byId.TryGetValue(p, out var parentArea) ? parentArea.Code : null));
                Walk(area.Id);
            }
        }

        Walk(null);
        return ordered;
    }

    public sealed record Located(ReferencePostcode Postcode, IReadOnlyList<Listed> Areas);

    /// <summary>Places a postcode in the organisation's areas, most local first; null when the postcode is not known.</summary>
    public static async Task<Located?> LocateAsync(PlaceshaperDb db, Guid organisationId, string postcode, CancellationToken cancellationToken)
    {
        var normalised = ReferencePostcode.Normalise(postcode);
        var found = normalised is null ? null : await db.ReferencePostcodes.AsNoTracking().SingleOrDefaultAsync(p => p.Postcode == normalised, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var codes = new[] { found.Lsoa21Code, found.Msoa21Code, found.WardCode, found.LocalAuthorityCode }.OfType<string>().ToList();
        var all = await ForOrganisationAsync(db, organisationId, cancellationToken);
        var byCode = all.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var matched = new List<Listed>();
        foreach (var code in codes.Where(byCode.ContainsKey))
        {
            matched.Add(byCode[code]);
        }

        // The areas above a matched one (its district and authority) contain the postcode too.
        var parents = all.ToDictionary(a => a.Code, a => a.ParentCode, StringComparer.Ordinal);
        foreach (var area in matched.ToList())
        {
            for (var parent = area.ParentCode; parent is not null && byCode.TryGetValue(parent, out var p); parent = parents[parent])
            {
                if (!matched.Contains(p))
                {
                    matched.Add(p);
                }
            }
        }

        return new Located(found, matched.OrderByDescending(a => a.Level).ToList());
    }
}
