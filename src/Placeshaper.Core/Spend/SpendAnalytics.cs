using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// The spend analytics tables for a date range: totals by month, quarter and financial year (April to March); by
/// service area, expense type and supplier; the local, SME and VCSE shares by quarter from the classified suppliers;
/// off-contract spend; and likely duplicate payments. Sums are exact (ten-thousandths of a pound) and rounded to the
/// penny, half away from zero, only at the end.
/// </summary>
public static class SpendAnalytics
{
    public const int DefaultDuplicateDays = 3;

    public sealed record Total(string Name, decimal Amount, long Payments);

    public sealed record Share(
        string Quarter, decimal Total, decimal Local, decimal LocalPercent, decimal Sme, decimal SmePercent, decimal Vcse, decimal VcsePercent, decimal PublicSector, decimal PublicSectorPercent);

    public sealed record Supplier(string SupplierKey, string Name, string Status, string? Provider, decimal Amount, long Payments, bool? IsLocal, bool? IsSme, bool IsVcse, bool IsPublicSector);

    /// <summary>Spend in one category: a CPV division or code, or a ProClass code; <see cref="Code"/> null for expense types not mapped.</summary>
    public sealed record Category(string? Code, string Name, decimal Amount, long Payments);

    public sealed record OffContract(string SupplierKey, string Name, string Reason, decimal Amount, long Payments, DateOnly First, DateOnly Last);

    public sealed record Duplicate(string Name, decimal Amount, DateOnly FirstDate, DateOnly SecondDate, string? FirstTransaction, string? SecondTransaction, int Days);

    public sealed record Report(
        DateOnly From,
        DateOnly To,
        decimal Total,
        long Payments,
        IReadOnlyList<Total> Months,
        IReadOnlyList<Total> Quarters,
        IReadOnlyList<Total> FinancialYears,
        IReadOnlyList<Total> ServiceAreas,
        IReadOnlyList<Total> ExpenseTypes,
        IReadOnlyList<Category> CpvDivisions,
        IReadOnlyList<Category> CpvCodes,
        IReadOnlyList<Category> ProClass,
        IReadOnlyList<Supplier> Suppliers,
        IReadOnlyList<Share> Shares,
        IReadOnlyList<OffContract> OffContract,
        IReadOnlyList<Duplicate> Duplicates,
        int DuplicateDays);

    /// <summary>The tables the API and the page offer one by one.</summary>
    public static readonly IReadOnlyList<string> Tables = ["months", "quarters", "financial-years", "service-areas", "expense-types", "suppliers", "shares", "off-contract", "duplicates", "cpv-divisions", "cpv-codes", "proclass"];

    /// <summary>The financial year (1 April to 31 March) holding the latest payment, or the current one when there is none.</summary>
    public static async Task<(DateOnly From, DateOnly To)> DefaultRangeAsync(PlaceshaperDb db, Guid organisationId, DateOnly today, CancellationToken cancellationToken)
    {
        var latest = await db.SpendDays.AsNoTracking().Where(d => d.OrganisationId == organisationId).OrderByDescending(d => d.Date).Select(d => (DateOnly?)d.Date).FirstOrDefaultAsync(cancellationToken) ?? today;
        var start = new DateOnly(latest.Month >= 4 ? latest.Year : latest.Year - 1, 4, 1);
        return (start, start.AddYears(1).AddDays(-1));
    }

    /// <summary>"2025-26" for a date from 1 April 2025 to 31 March 2026.</summary>
    public static string FinancialYear(int year, int month)
    {
        var start = month >= 4 ? year : year - 1;
        return $"{start}-{(start + 1) % 100:D2}";
    }

    /// <summary>"2025-26 Q1" (April to June) to "2025-26 Q4" (January to March).</summary>
    public static string Quarter(int year, int month) => $"{FinancialYear(year, month)} Q{(((month + 8) % 12) / 3) + 1}";

    public static async Task<Report> ForAsync(PlaceshaperDb db, Guid organisationId, DateOnly from, DateOnly to, int duplicateDays, CancellationToken cancellationToken)
    {
        (string, object)[] range = [("organisation", organisationId), ("from", from), ("to", to)];
        const string Where = "WHERE organisation_id = @organisation AND date >= @from AND date <= @to";

        // Months, suppliers, shares and off-contract spend come from the day and supplier totals kept at import
        // (spend_supplier_days, keyed by organisation and date): a range read of its primary key, not the payments.
        var byMonth = new SortedDictionary<int, (long Units, long Count)>();
        var supplierDays = new List<(DateOnly Date, string Key, long Units, long Count)>();
        await SpendSql.ReadAsync(db, $"SELECT date, supplier_key, CAST(SUM(total) AS BIGINT), SUM(transactions) FROM spend_supplier_days {Where} GROUP BY date, supplier_key", range, r =>
        {
            var (date, key, units, count) = (ReadDate(r.GetValue(0)), r.GetString(1), r.GetInt64(2), Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture));
            var month = (date.Year * 100) + date.Month;
            var (u, c) = byMonth.GetValueOrDefault(month);
            byMonth[month] = (u + units, c + count);
            supplierDays.Add((date, key, units, count));
        }, cancellationToken);
        var byMonthSupplier = supplierDays.GroupBy(d => ((d.Date.Year * 100) + d.Date.Month, d.Key)).Select(g => (Month: g.Key.Item1, Key: g.Key.Key, Units: g.Sum(d => d.Units))).ToList();

        // Service areas and expense types from their day totals kept at import (spend_day_categories): one grouped read for both.
        var areaTypes = new List<(string Area, string Type, long Units, long Count)>();
        await SpendSql.ReadAsync(db, $"SELECT service_area, expense_type, CAST(SUM(total) AS BIGINT), SUM(transactions) FROM spend_day_categories {Where} GROUP BY service_area, expense_type", range,
            r => areaTypes.Add((r.GetString(0), r.GetString(1), r.GetInt64(2), Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture))), cancellationToken);
        var serviceAreas = Totals(areaTypes.GroupBy(a => a.Area, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(a => a.Units), g.Sum(a => a.Count))));
        var byType = areaTypes.GroupBy(a => a.Type, StringComparer.Ordinal).Select(g => (Name: g.Key, Units: g.Sum(a => a.Units), Count: g.Sum(a => a.Count))).ToList();
        var expenseTypes = Totals(byType);
        var mappings = await SpendCategoryQueries.MappingsAsync(db, organisationId, cancellationToken);
        var (cpvDivisions, cpvCodes, proClass) = Categories(byType, mappings);

        var suppliers = await db.SpendSuppliers.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToDictionaryAsync(s => s.SupplierKey, StringComparer.Ordinal, cancellationToken);
        var providerNames = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);

        var months = byMonth.Select(m => new Total($"{m.Key / 100:D4}-{m.Key % 100:D2}", Pence(m.Value.Units), m.Value.Count)).ToList();
        var quarters = Roll(byMonth, m => Quarter(m / 100, m % 100));
        var years = Roll(byMonth, m => FinancialYear(m / 100, m % 100));

        var paymentsBySupplier = supplierDays.GroupBy(d => d.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(d => d.Count), StringComparer.Ordinal);
        var bySupplier = byMonthSupplier.GroupBy(x => x.Key, StringComparer.Ordinal).Select(g =>
        {
            var s = suppliers.GetValueOrDefault(g.Key);
            return (Key: g.Key, Units: g.Sum(x => x.Units), Supplier: s);
        }).ToList();
        var supplierRows = bySupplier
            .OrderByDescending(s => s.Units).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new Supplier(
                s.Key,
                s.Supplier?.Name ?? (s.Key.Length == 0 ? "Redacted or not given" : s.Key),
                s.Supplier?.Status.ToString() ?? "NotResolvedYet",
                s.Supplier?.ProviderId is { } p ? providerNames.GetValueOrDefault(p) : null,
                Pence(s.Units),
                paymentsBySupplier.GetValueOrDefault(s.Key),
                s.Supplier?.IsLocal,
                s.Supplier?.IsSme,
                s.Supplier?.IsVcse ?? false,
                s.Supplier?.IsPublicSector ?? false))
            .ToList();

        var shares = byMonthSupplier
            .GroupBy(x => Quarter(x.Month / 100, x.Month % 100))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                long total = 0, local = 0, sme = 0, vcse = 0, publicSector = 0;
                foreach (var (_, key, units) in g)
                {
                    total += units;
                    if (suppliers.GetValueOrDefault(key) is { } s)
                    {
                        local += s.IsLocal == true ? units : 0;
                        sme += s.IsSme == true ? units : 0;
                        vcse += s.IsVcse ? units : 0;
                        publicSector += s.IsPublicSector ? units : 0;
                    }
                }

                return new Share(g.Key, Pence(total), Pence(local), Percent(local, total), Pence(sme), Percent(sme, total), Pence(vcse), Percent(vcse, total), Pence(publicSector), Percent(publicSector, total));
            })
            .ToList();

        var offContract = await OffContractAsync(db, organisationId, suppliers, supplierDays, cancellationToken);
        var duplicates = await DuplicatesAsync(db, organisationId, from, to, duplicateDays, suppliers, cancellationToken);
        var totalUnits = byMonth.Values.Sum(m => m.Units);
        return new Report(from, to, Pence(totalUnits), byMonth.Values.Sum(m => m.Count), months, quarters, years, serviceAreas, expenseTypes, cpvDivisions, cpvCodes, proClass, supplierRows, shares, offContract, duplicates, duplicateDays);
    }

    /// <summary>
    /// Spend by category, from the expense types' totals and the organisation's mapping (<see cref="SpendCategory"/>)
    /// applied now: by CPV division, by CPV code and by ProClass. Expense types with no mapping are one "Not mapped" row
    /// in each, so the tables add up to the total.
    /// </summary>
    public static (List<Category> CpvDivisions, List<Category> CpvCodes, List<Category> ProClass) Categories(
        IEnumerable<(string Name, long Units, long Count)> byExpenseType, IReadOnlyDictionary<string, SpendCategory> mappings)
    {
        var divisions = new Dictionary<string, (string Name, long Units, long Count)>(StringComparer.Ordinal);
        var codes = new Dictionary<string, (string Name, long Units, long Count)>(StringComparer.Ordinal);
        var proClass = new Dictionary<string, (string Name, long Units, long Count)>(StringComparer.Ordinal);
        static void Add(Dictionary<string, (string Name, long Units, long Count)> into, string code, string name, long units, long count)
        {
            var (n, u, c) = into.GetValueOrDefault(code, (name, 0, 0));
            into[code] = (n, u + units, c + count);
        }

        foreach (var (name, units, count) in byExpenseType)
        {
            var mapping = mappings.GetValueOrDefault(SpendCategory.Key(name));
            var cpv = mapping?.CpvCode is { } value ? Tenders.CpvCodes.Find(value) : null;
            var division = cpv is null ? null : Tenders.CpvCodes.DivisionOf(cpv);
            Add(divisions, division?.Value ?? "", division?.Description ?? NotMapped, units, count);
            Add(codes, cpv?.Value ?? "", cpv?.Description ?? NotMapped, units, count);
            var proClassKey = mapping?.ProClassCode ?? mapping?.ProClassLabel ?? "";
            Add(proClass, proClassKey, proClassKey.Length == 0 ? NotMapped : mapping!.ProClassLabel ?? mapping.ProClassCode!, units, count);
        }

        static List<Category> Rows(Dictionary<string, (string Name, long Units, long Count)> from) =>
            from.OrderBy(r => r.Key.Length == 0).ThenByDescending(r => r.Value.Units).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new Category(r.Key.Length == 0 ? null : r.Key, r.Value.Name, Pence(r.Value.Units), r.Value.Count)).ToList();
        return (Rows(divisions), Rows(codes), Rows(proClass));
    }

    public const string NotMapped = "Not mapped";

    private static List<Total> Totals(IEnumerable<(string Name, long Units, long Count)> rows) =>
        rows.OrderByDescending(r => r.Units).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new Total(r.Name.Length == 0 ? "Not given" : r.Name, Pence(r.Units), r.Count)).ToList();

    private static decimal Pence(long units) => Money.ToPence(Money.FromStoredUnits(units));

    private static decimal Percent(long part, long total) => total == 0 ? 0 : Math.Round(part * 100m / total, 2, MidpointRounding.AwayFromZero);

    private static List<Total> Roll(SortedDictionary<int, (long Units, long Count)> byMonth, Func<int, string> key) =>
        byMonth.GroupBy(m => key(m.Key)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Total(g.Key, Pence(g.Sum(m => m.Value.Units)), g.Sum(m => m.Value.Count))).ToList();

    /// <summary>
    /// Spend with suppliers that had no contract in the contracts register in force on the payment date. A contract
    /// belongs to a supplier when it names the provider the supplier is resolved to, or its supplier's name normalises
    /// to the same key; it is in force from its start date to its end date (either open when not given). Redacted
    /// payments are left out: whom they paid is not known.
    /// </summary>
    private static async Task<List<OffContract>> OffContractAsync(
        PlaceshaperDb db, Guid organisationId, Dictionary<string, SpendSupplier> suppliers, List<(DateOnly Date, string Key, long Units, long Count)> supplierDays, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.AsNoTracking().Where(c => c.OrganisationId == organisationId)
            .Select(c => new { c.ProviderId, c.SupplierName, c.StartDate, c.EndDate }).ToListAsync(cancellationToken);
        var byProvider = contracts.Where(c => c.ProviderId is not null).ToLookup(c => c.ProviderId!.Value);
        var byName = contracts.ToLookup(c => Providers.NameNormaliser.Normalise(c.SupplierName), StringComparer.Ordinal);

        var rows = new Dictionary<string, (long Units, long Count, DateOnly First, DateOnly Last)>(StringComparer.Ordinal);
        foreach (var (date, key, dayUnits, dayCount) in supplierDays)
        {
            if (key.Length == 0)
            {
                continue;
            }

            var supplier = suppliers.GetValueOrDefault(key);
            var candidates = (supplier?.ProviderId is { } p ? byProvider[p] : []).Concat(byName[key]);
            if (candidates.Any(c => (c.StartDate is null || c.StartDate <= date) && (c.EndDate is null || c.EndDate >= date)))
            {
                continue;
            }

            var (units, count, first, last) = rows.GetValueOrDefault(key, (0, 0, date, date));
            rows[key] = (units + dayUnits, count + dayCount, date < first ? date : first, date > last ? date : last);
        }

        return rows.OrderByDescending(r => r.Value.Units).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r =>
        {
            var supplier = suppliers.GetValueOrDefault(r.Key);
            var hasAny = (supplier?.ProviderId is { } p && byProvider[p].Any()) || byName[r.Key].Any();
            return new OffContract(r.Key, supplier?.Name ?? r.Key, hasAny ? "No contract in force on the payment dates" : "No contract in the register", Pence(r.Value.Units), r.Value.Count, r.Value.First, r.Value.Last);
        }).ToList();
    }

    private static DateOnly ReadDate(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        string s => DateOnly.ParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected date value {value}"),
    };

    /// <summary>
    /// The rule of <see cref="DuplicatePayments"/>, worked out by the database: each payment with the one before it to
    /// the same supplier of the same amount (by date, then id), kept when they are at most <paramref name="days"/>
    /// apart. Only the pairs come back, not the payments, so a million payments are never read into memory; the
    /// analytics tests check that the pairs are those the rule finds.
    /// </summary>
    private static async Task<List<Duplicate>> DuplicatesAsync(
        PlaceshaperDb db, Guid organisationId, DateOnly from, DateOnly to, int days, Dictionary<string, SpendSupplier> suppliers, CancellationToken cancellationToken)
    {
        var postgres = db.Provider == DatabaseProvider.Postgres;
        var apart = postgres ? "date - previous_date" : "CAST(julianday(date) - julianday(previous_date) AS INTEGER)";
        var byKey = postgres ? "supplier_key COLLATE \"C\"" : "supplier_key";
        var pairs = new List<Duplicate>();
        await SpendSql.ReadAsync(db,
            "SELECT supplier_key, amount, previous_date, date, previous_transaction, transaction_number, " + apart + " FROM (" +
            "SELECT supplier_key, amount, date, transaction_number, " +
            "LAG(id) OVER payments AS previous_id, LAG(date) OVER payments AS previous_date, LAG(transaction_number) OVER payments AS previous_transaction " +
            "FROM spend_transactions WHERE organisation_id = @organisation AND date >= @from AND date <= @to AND supplier_key <> '' AND amount > 0 " +
            "WINDOW payments AS (PARTITION BY supplier_key, amount ORDER BY date, id)) AS paired " +
            "WHERE previous_id IS NOT NULL AND " + apart + " <= @days ORDER BY amount DESC, " + byKey + ", previous_date, previous_id",
            [("organisation", organisationId), ("from", from), ("to", to), ("days", days)],
            r =>
            {
                var key = r.GetString(0);
                pairs.Add(new Duplicate(
                    suppliers.GetValueOrDefault(key)?.Name ?? key,
                    Pence(r.GetInt64(1)),
                    ReadDate(r.GetValue(2)),
                    ReadDate(r.GetValue(3)),
                    r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetString(5),
                    Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture)));
            },
            cancellationToken);
        return pairs;
    }
}

/// <summary>
/// Likely duplicate payments: two payments to the same supplier of the same amount (above zero) within a number of
/// days of each other (3 unless chosen). Each payment pairs with the next such payment only, so three identical
/// payments on one day are two pairs, not three. A likely duplicate is a prompt to check, not a finding: regular
/// identical payments (rent, road tax) are common.
/// </summary>
public static class DuplicatePayments
{
    public sealed record Payment(long Id, string SupplierKey, decimal Amount, DateOnly Date, string? TransactionNumber);

    public sealed record Pair(Payment First, Payment Second);

    public static IReadOnlyList<Pair> Find(IEnumerable<Payment> payments, int days)
    {
        var pairs = new List<Pair>();
        foreach (var group in payments.Where(p => p.Amount > 0).GroupBy(p => (p.SupplierKey, p.Amount)))
        {
            var ordered = group.OrderBy(p => p.Date).ThenBy(p => p.Id).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Date.DayNumber - ordered[i - 1].Date.DayNumber <= days)
                {
                    pairs.Add(new Pair(ordered[i - 1], ordered[i]));
                }
            }
        }

        return pairs.OrderByDescending(p => p.First.Amount).ThenBy(p => p.First.SupplierKey, StringComparer.Ordinal).ThenBy(p => p.First.Date).ToList();
    }
}
