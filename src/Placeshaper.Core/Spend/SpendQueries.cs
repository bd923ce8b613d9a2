using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Providers;

namespace Placeshaper.Spend;

public static class SpendQueries
{
    public sealed record MonthView(string Month, decimal Total, long TransactionCount);

    public sealed record ShareView(decimal Amount, decimal Percent);

    public sealed record SharesView(ShareView Local, ShareView Sme, ShareView Vcse);

    public sealed record Summary(DateOnly From, DateOnly To, decimal Total, long TransactionCount, IReadOnlyList<MonthView> ByMonth, SharesView Shares, string SharesBasis);

    public sealed record ImportView(
        Guid Id, string FileName, string Sha256, string Encoding, string Mapping, int Read, int Imported, int Duplicates, int Skipped, int Errors, decimal Total, DateTime ImportedAt,
        IReadOnlyList<SpendImport.SkippedRow> SkippedRows);

    /// <summary>What the shares are based on, until suppliers are resolved and classified (issue 7, items 4 and 5).</summary>
    public const string SharesBasisText =
        "Exact matches only: a payment counts towards a share when its supplier matches a provider in the register by company number or by exact normalised name, and that provider is local, an SME or a VCSE. Unmatched and redacted spend counts in no share.";

    /// <summary>
    /// Spend between two dates inclusive: the total, the number of payments, the totals by month and the local, SME
    /// and VCSE shares, all exact (summed in ten-thousandths of a pound) and rounded to the penny, half away from zero,
    /// only at the end. Totals by month are read from the day totals kept at import (at most 366 rows a year); the
    /// shares from the monthly supplier totals, and for part months at either end from the daily supplier totals,
    /// reading only the suppliers that could match a flagged provider.
    /// </summary>
    public static async Task<Summary> SummaryAsync(PlaceshaperDb db, Guid organisationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var firstFull = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastFull = to.AddDays(1).Day == 1 ? new DateOnly(to.Year, to.Month, 1) : new DateOnly(to.Year, to.Month, 1).AddMonths(-1);
        var edges = new List<(DateOnly From, DateOnly To)>();
        if (firstFull > lastFull)
        {
            edges.Add((from, to));
        }
        else
        {
            if (from < firstFull)
            {
                edges.Add((from, firstFull.AddDays(-1)));
            }

            if (to > lastFull.AddMonths(1).AddDays(-1))
            {
                edges.Add((lastFull.AddMonths(1), to));
            }
        }

        var providers = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var locality = providers.Count == 0 ? (_ => new ProviderLocality(null, "")) : await ProviderQueries.LocalityAsync(db, organisationId, providers, cancellationToken);
        var flagged = providers
            .Select(p => (Provider: p, Local: locality(p).IsLocal == true, Sme: p.Size.IsSme == true, Vcse: p.IsVcse))
            .Where(p => p.Local || p.Sme || p.Vcse)
            .ToList();

        var byNumber = flagged.Where(f => f.Provider.CompanyNumber is not null).GroupBy(f => f.Provider.CompanyNumber!.Trim().ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First());
        var byName = flagged.GroupBy(f => f.Provider.NormalisedName).ToDictionary(g => g.Key, g => g.First());
        var byMonth = new SortedDictionary<int, (long Units, long Count)>();
        var bySupplier = new Dictionary<(string Key, string Number), long>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await ReadAsync(connection, db,
                "SELECT date, total, transactions FROM spend_days WHERE organisation_id = @organisation AND date >= @from AND date <= @to",
                [("organisation", organisationId), ("from", from), ("to", to)],
                r => Add(byMonth, Month(r.GetFieldValue<DateOnly>(0)), r.GetInt64(1), r.GetInt32(2)), cancellationToken);
            if (flagged.Count > 0)
            {
                // Only the suppliers that could match a flagged provider are read: a few rows, not every supplier.
                var (only, parameters) = Matching(byName.Keys.Where(k => k.Length > 0).ToList(), byNumber.Keys.Where(k => k.Length > 0).ToList());
                if (firstFull <= lastFull)
                {
                    await ReadAsync(connection, db,
                        $"SELECT supplier_key, company_number, CAST(SUM(total) AS BIGINT) FROM spend_supplier_months WHERE organisation_id = @organisation AND month >= @first AND month <= @last{only} GROUP BY supplier_key, company_number",
                        [("organisation", organisationId), ("first", Month(firstFull)), ("last", Month(lastFull)), .. parameters],
                        r => AddSupplier(bySupplier, r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);
                }

                foreach (var (edgeFrom, edgeTo) in edges)
                {
                    await ReadAsync(connection, db,
                        $"SELECT supplier_key, company_number, CAST(SUM(total) AS BIGINT) FROM spend_supplier_days WHERE organisation_id = @organisation AND date >= @from AND date <= @to{only} GROUP BY supplier_key, company_number",
                        [("organisation", organisationId), ("from", edgeFrom), ("to", edgeTo), .. parameters],
                        r => AddSupplier(bySupplier, r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var totalUnits = byMonth.Values.Sum(m => m.Units);
        var total = Common.Money.FromStoredUnits(totalUnits);
        var (local, sme, vcse) = (0L, 0L, 0L);
        foreach (var ((key, number), units) in bySupplier)
        {
            if (key.Length == 0 && number.Length == 0)
            {
                continue;
            }

            if ((number.Length > 0 && byNumber.TryGetValue(number.Trim().ToUpperInvariant(), out var match)) || (key.Length > 0 && byName.TryGetValue(key, out match)))
            {
                local += match.Local ? units : 0;
                sme += match.Sme ? units : 0;
                vcse += match.Vcse ? units : 0;
            }
        }

        return new Summary(
            from,
            to,
            Common.Money.ToPence(total),
            byMonth.Values.Sum(m => m.Count),
            byMonth.Select(m => new MonthView($"{m.Key / 100:D4}-{m.Key % 100:D2}", Common.Money.ToPence(Common.Money.FromStoredUnits(m.Value.Units)), m.Value.Count)).ToList(),
            new SharesView(Share(local, totalUnits), Share(sme, totalUnits), Share(vcse, totalUnits)),
            SharesBasisText);
    }

    private static ShareView Share(long units, long totalUnits) => new(
        Common.Money.ToPence(Common.Money.FromStoredUnits(units)),
        totalUnits == 0 ? 0 : Math.Round(units * 100m / totalUnits, 2, MidpointRounding.AwayFromZero));

    /// <summary>
    /// A filter to the suppliers named or numbered like a flagged provider, with its parameters; none (every supplier
    /// read) when there are too many to list. The matching itself is done on what is read, as before.
    /// </summary>
    private static (string Sql, (string Name, object Value)[] Parameters) Matching(List<string> names, List<string> numbers)
    {
        if (names.Count + numbers.Count is 0 or > 1000)
        {
            return names.Count + numbers.Count == 0 ? (" AND 1 = 0", []) : ("", []);
        }

        var parameters = names.Select((n, i) => ($"n{i}", (object)n)).Concat(numbers.Select((n, i) => ($"c{i}", (object)n))).ToArray();
        var sql = new List<string>();
        if (names.Count > 0)
        {
            sql.Add($"supplier_key IN ({string.Join(", ", names.Select((_, i) => $"@n{i}"))})");
        }

        if (numbers.Count > 0)
        {
            sql.Add($"UPPER(TRIM(company_number)) IN ({string.Join(", ", numbers.Select((_, i) => $"@c{i}"))})");
        }

        return ($" AND ({string.Join(" OR ", sql)})", parameters);
    }

    private static int Month(DateOnly date) => (date.Year * 100) + date.Month;

    private static void Add(SortedDictionary<int, (long Units, long Count)> byMonth, int month, long units, long count)
    {
        var (u, c) = byMonth.GetValueOrDefault(month);
        byMonth[month] = (u + units, c + count);
    }

    private static void AddSupplier(Dictionary<(string, string), long> bySupplier, string key, string number, long units) =>
        bySupplier[(key, number)] = bySupplier.GetValueOrDefault((key, number)) + units;

    private static async Task ReadAsync(
        DbConnection connection, PlaceshaperDb db, string sql, (string Name, object Value)[] parameters, Action<DbDataReader> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = db.Provider == DatabaseProvider.Postgres
                ? value
                : value switch
                {
                    Guid id => id.ToString().ToUpperInvariant(),
                    DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => value,
                };
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read(reader);
        }
    }

    /// <summary>The organisation's imports, newest first.</summary>
    public static async Task<IReadOnlyList<ImportView>> ImportsAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var imports = await db.SpendImports.AsNoTracking().Where(i => i.OrganisationId == organisationId).ToListAsync(cancellationToken);
        return imports.OrderByDescending(i => i.ImportedAt).Select(View).ToList();
    }

    public static async Task<ImportView?> ImportAsync(PlaceshaperDb db, Guid organisationId, Guid importId, CancellationToken cancellationToken)
    {
        var import = await db.SpendImports.AsNoTracking().SingleOrDefaultAsync(i => i.OrganisationId == organisationId && i.Id == importId, cancellationToken);
        return import is null ? null : View(import);
    }

    private static ImportView View(SpendImport i) =>
        new(i.Id, i.FileName, i.Sha256, i.Encoding, i.Mapping, i.Read, i.Imported, i.Duplicates, i.Skipped, i.Errors, i.Total, i.ImportedAt, i.SkippedRows);
}
