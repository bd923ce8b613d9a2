using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Bids;

public static class BidQueries
{
    /// <summary>The bidders' names, by provider id, for bids whose content may be shown.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> BiddersAsync(PlaceshaperDb db, IEnumerable<Guid> providerIds, CancellationToken cancellationToken)
    {
        var ids = providerIds.Distinct().ToList();
        return await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }
}
