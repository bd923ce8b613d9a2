using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// The local, SME and VCSE parts of spend by supplier, from the resolved and classified suppliers
/// (<see cref="SpendSupplier"/>) rather than exact matches to the register. Meant for the summary
/// (<see cref="SpendQueries.SummaryAsync"/>) to call with the spend it has grouped by supplier key; kept apart so that
/// the summary's own code does not change here.
/// </summary>
public static class SupplierShares
{
    public sealed record Parts(long Local, long Sme, long Vcse);

    /// <summary>Sums <paramref name="unitsBySupplierKey"/> (stored units, ten-thousandths of a pound) into the local, SME and VCSE parts.</summary>
    public static async Task<Parts> OfAsync(PlaceshaperDb db, Guid organisationId, IEnumerable<KeyValuePair<string, long>> unitsBySupplierKey, CancellationToken cancellationToken)
    {
        var flags = await db.SpendSuppliers.AsNoTracking().Where(s => s.OrganisationId == organisationId)
            .Select(s => new { s.SupplierKey, s.IsLocal, s.IsSme, s.IsVcse })
            .ToDictionaryAsync(s => s.SupplierKey, StringComparer.Ordinal, cancellationToken);
        long local = 0, sme = 0, vcse = 0;
        foreach (var (key, units) in unitsBySupplierKey)
        {
            if (flags.GetValueOrDefault(key) is { } s)
            {
                local += s.IsLocal == true ? units : 0;
                sme += s.IsSme == true ? units : 0;
                vcse += s.IsVcse ? units : 0;
            }
        }

        return new Parts(local, sme, vcse);
    }
}
