using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

public static class SpendQueries
{
    public sealed record MonthView(string Month, decimal Total, long TransactionCount);

    public sealed record ShareView(decimal Amount, decimal Percent);

    public sealed record SharesView(ShareView Local, ShareView Sme, ShareView Vcse, ShareView PublicSector);

    public sealed record Summary(DateOnly From, DateOnly To, decimal Total, long TransactionCount, IReadOnlyList<MonthView> ByMonth, SharesView Shares, string SharesBasis);

    public sealed record ImportView(
        Guid Id, string FileName, string Sha256, string Encoding, string Mapping, int Read, int Imported, int Duplicates, int Skipped, int Errors, decimal Total, DateTime ImportedAt,
        IReadOnlyList<SpendImport.SkippedRow> SkippedRows);

    /// <summary>What the shares are based on (issue 7, items 4 and 5).</summary>
    public const string SharesBasisText =
        "Classified suppliers: a payment counts towards a share when its supplier, as resolved to the provider register and classified (docs/spend.md), is local (a postcode inside the organisation's definition), an SME, a VCSE or a public body. Unresolved suppliers count as neither SME nor VCSE; redacted spend counts in no share.";

    /// <summary>
    /// Spend between two dates inclusive: the total, the number of payments, the totals by month and the local, SME
    /// and VCSE shares, all exact (summed in ten-thousandths of a pound) and rounded to the penny, half away from zero,
    /// only at the end. Totals by month are read from the day totals kept at import (at most 366 rows a year); the
    /// shares from the monthly supplier totals, and for part months at either end from the daily supplier totals,
    /// joined to the classified suppliers (<see cref="SupplierShares.InRangeAsync"/>).
    /// </summary>
    public static async Task<Summary> SummaryAsync(PlaceshaperDb db, Guid organisationId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // The whole months are found by stepping a month either side of the range's ends, so those ends are kept a
        // month inside the calendar's for it: no payment is dated so early or late (imports refuse such dates).
        var (start, end) = (Within(from), Within(to));
        var firstFull = start.Day == 1 ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        var lastFull = end.AddDays(1).Day == 1 ? new DateOnly(end.Year, end.Month, 1) : new DateOnly(end.Year, end.Month, 1).AddMonths(-1);
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

        var byMonth = new SortedDictionary<int, (long Units, long Count)>();
        await SpendSql.ReadAsync(db,
            "SELECT date, total, transactions FROM spend_days WHERE organisation_id = @organisation AND date >= @from AND date <= @to",
            [("organisation", organisationId), ("from", from), ("to", to)],
            r => Add(byMonth, Month(r.GetFieldValue<DateOnly>(0)), r.GetInt64(1), r.GetInt32(2)), cancellationToken);
        var parts = await SupplierShares.InRangeAsync(db, organisationId, firstFull <= lastFull ? (Month(firstFull), Month(lastFull)) : null, edges, cancellationToken);

        var totalUnits = byMonth.Values.Sum(m => m.Units);
        var total = Common.Money.FromStoredUnits(totalUnits);
        return new Summary(
            from,
            to,
            Common.Money.ToPence(total),
            byMonth.Values.Sum(m => m.Count),
            byMonth.Select(m => new MonthView($"{m.Key / 100:D4}-{m.Key % 100:D2}", Common.Money.ToPence(Common.Money.FromStoredUnits(m.Value.Units)), m.Value.Count)).ToList(),
            new SharesView(Share(parts.Local, totalUnits), Share(parts.Sme, totalUnits), Share(parts.Vcse, totalUnits), Share(parts.PublicSector, totalUnits)),
            SharesBasisText);
    }

    private static readonly DateOnly EarliestEnd = new(1, 2, 1);

    private static readonly DateOnly LatestEnd = new(9998, 12, 31);

    private static DateOnly Within(DateOnly date) => date < EarliestEnd ? EarliestEnd : date > LatestEnd ? LatestEnd : date;

    private static ShareView Share(long units, long totalUnits) => new(
        Common.Money.ToPence(Common.Money.FromStoredUnits(units)),
        totalUnits == 0 ? 0 : Math.Round(units * 100m / totalUnits, 2, MidpointRounding.AwayFromZero));

    private static int Month(DateOnly date) => (date.Year * 100) + date.Month;

    private static void Add(SortedDictionary<int, (long Units, long Count)> byMonth, int month, long units, long count)
    {
        var (u, c) = byMonth.GetValueOrDefault(month);
        byMonth[month] = (u + units, c + count);
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
