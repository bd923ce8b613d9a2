using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Spend;

/// <summary>The organisation's expense types with their spend and their mapping to a spend category, unmapped first.</summary>
public static class SpendCategoryQueries
{
    public sealed record Row(
        string ExpenseKey, string ExpenseType, decimal Total, long Payments, string? CpvCode, string? CpvDescription, string? CpvDivision, string? CpvDivisionDescription,
        string? ProClassCode, string? ProClassLabel)
    {
        public bool Mapped => CpvCode is not null || ProClassCode is not null || ProClassLabel is not null;
    }

    /// <summary>
    /// Every expense type in the organisation's spend (grouped by <see cref="SpendCategory.Key"/>) and every mapped one
    /// not in spend yet: unmapped first, then by spend, largest first.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> ListAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var spend = new Dictionary<string, (string Written, long Units, long Count)>(StringComparer.Ordinal);
        await SpendSql.ReadAsync(db,
            "SELECT expense_type, CAST(SUM(total) AS BIGINT), SUM(transactions) FROM spend_day_categories WHERE organisation_id = @organisation GROUP BY expense_type",
            [("organisation", organisationId)],
            r =>
            {
                var written = r.GetString(0);
                var key = SpendCategory.Key(written);
                if (key.Length == 0)
                {
                    return;
                }

                var (w, units, count) = spend.GetValueOrDefault(key, (written.Trim(), 0, 0));
                spend[key] = (w, units + r.GetInt64(1), count + Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture));
            },
            cancellationToken);
        var mappings = await MappingsAsync(db, organisationId, cancellationToken);
        return spend.Keys.Union(mappings.Keys)
            .Select(key =>
            {
                var (written, units, count) = spend.GetValueOrDefault(key, ("", 0, 0));
                return View(key, mappings.GetValueOrDefault(key), written, units, count);
            })
            .OrderBy(r => r.Mapped).ThenByDescending(r => r.Total).ThenBy(r => r.ExpenseKey, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The organisation's mappings by expense key.</summary>
    public static async Task<Dictionary<string, SpendCategory>> MappingsAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) =>
        await db.SpendCategories.AsNoTracking().Where(c => c.OrganisationId == organisationId).ToDictionaryAsync(c => c.ExpenseKey, StringComparer.Ordinal, cancellationToken);

    private static Row View(string key, SpendCategory? mapping, string written, long units, long count)
    {
        var cpv = mapping?.CpvCode is { } code ? CpvCodes.Find(code) : null;
        var division = cpv is null ? null : CpvCodes.DivisionOf(cpv);
        return new Row(
            key,
            mapping?.ExpenseType ?? written,
            Money.ToPence(Money.FromStoredUnits(units)),
            count,
            cpv?.Value,
            cpv?.Description,
            division?.Value,
            division?.Description,
            mapping?.ProClassCode,
            mapping?.ProClassLabel);
    }
}
