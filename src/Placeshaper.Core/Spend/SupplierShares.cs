using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// The local, SME, VCSE and public-sector parts of spend, from the resolved and classified suppliers
/// (<see cref="SpendSupplier"/>: resolved supplier → provider flags, local by postcode under the organisation's
/// definition) rather than exact matches to the register. The summary (<see cref="SpendQueries.SummaryAsync"/>) and the
/// analytics count the same way.
/// </summary>
public static class SupplierShares
{
    public sealed record Parts(long Local, long Sme, long Vcse, long PublicSector = 0);

    /// <summary>Sums <paramref name="unitsBySupplierKey"/> (stored units, ten-thousandths of a pound) into the local, SME, VCSE and public-sector parts.</summary>
    public static async Task<Parts> OfAsync(PlaceshaperDb db, Guid organisationId, IEnumerable<KeyValuePair<string, long>> unitsBySupplierKey, CancellationToken cancellationToken)
    {
        var flags = await db.SpendSuppliers.AsNoTracking().Where(s => s.OrganisationId == organisationId)
            .Select(s => new { s.SupplierKey, s.IsLocal, s.IsSme, s.IsVcse, s.IsPublicSector })
            .ToDictionaryAsync(s => s.SupplierKey, StringComparer.Ordinal, cancellationToken);
        long local = 0, sme = 0, vcse = 0, publicSector = 0;
        foreach (var (key, units) in unitsBySupplierKey)
        {
            if (flags.GetValueOrDefault(key) is { } s)
            {
                local += s.IsLocal == true ? units : 0;
                sme += s.IsSme == true ? units : 0;
                vcse += s.IsVcse ? units : 0;
                publicSector += s.IsPublicSector ? units : 0;
            }
        }

        return new Parts(local, sme, vcse, publicSector);
    }

    /// <summary>
    /// The same parts for the whole months in <paramref name="months"/> (yyyymm, first to last) from the
    /// monthly supplier totals, and for the days in <paramref name="days"/> from the daily supplier totals, each joined
    /// in the database to the supplier's classification (one row per supplier): the sums come back, not the rows, so
    /// a summary over a million payments reads a few aggregate rows per supplier and month.
    /// </summary>
    public static async Task<Parts> InRangeAsync(
        PlaceshaperDb db, Guid organisationId, (int First, int Last)? months, IReadOnlyList<(DateOnly From, DateOnly To)> days, CancellationToken cancellationToken)
    {
        const string Sums =
            "SELECT CAST(COALESCE(SUM(CASE WHEN s.is_local THEN a.total ELSE 0 END), 0) AS BIGINT), CAST(COALESCE(SUM(CASE WHEN s.is_sme THEN a.total ELSE 0 END), 0) AS BIGINT), " +
            "CAST(COALESCE(SUM(CASE WHEN s.is_vcse THEN a.total ELSE 0 END), 0) AS BIGINT), CAST(COALESCE(SUM(CASE WHEN s.is_public_sector THEN a.total ELSE 0 END), 0) AS BIGINT)";
        const string Join = "JOIN spend_suppliers s ON s.organisation_id = a.organisation_id AND s.supplier_key = a.supplier_key";
        const string Flagged = "AND (s.is_local OR s.is_sme OR s.is_vcse OR s.is_public_sector)";
        long local = 0, sme = 0, vcse = 0, publicSector = 0;
        void Add(System.Data.Common.DbDataReader r)
        {
            local += Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
            sme += Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture);
            vcse += Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture);
            publicSector += Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture);
        }

        if (months is var (first, last))
        {
            // The classified suppliers first (a few hundred flagged), each month of each looked up by the monthly
            // totals' primary key (organisation, month, supplier): SQLite keeps CROSS JOIN's order, which reads a
            // fraction of the rows that a range over the months joined the other way would (8 ms against 25 ms for
            // the Devon year, 26,056 supplier-months, on the shared machine). Months are integers we made, inlined.
            var list = new List<int>();
            for (var month = first; month <= last; month = month % 100 == 12 ? month + 89 : month + 1)
            {
                list.Add(month);
            }

            await SpendSql.ReadAsync(db,
                $"{Sums} FROM spend_suppliers s CROSS JOIN spend_supplier_months a WHERE s.organisation_id = @organisation {Flagged} " +
                $"AND a.organisation_id = s.organisation_id AND a.supplier_key = s.supplier_key AND a.month IN ({string.Join(", ", list.Select(m => m.ToString(CultureInfo.InvariantCulture)))})",
                [("organisation", organisationId)], Add, cancellationToken);
        }

        foreach (var (from, to) in days)
        {
            await SpendSql.ReadAsync(db,
                $"{Sums} FROM spend_supplier_days a {Join} WHERE a.organisation_id = @organisation AND a.date >= @from AND a.date <= @to {Flagged}",
                [("organisation", organisationId), ("from", from), ("to", to)], Add, cancellationToken);
        }

        return new Parts(local, sme, vcse, publicSector);
    }
}
