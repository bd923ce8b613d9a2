using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.Tenders.Timetable;

/// <summary>
/// Loads the Procurement Act 2023's minimum periods (s.54) from a CSV an administrator prepared from legislation.gov.uk,
/// in the layout of Placeshaper's dated reference data:
/// <c>route,case,period,minimum_days,counting,from,to,source</c>. The file is the whole table: whole or not at all,
/// rows it no longer has are removed, and importing it again changes nothing.
/// </summary>
public sealed partial class ImportMinimumPeriods(PlaceshaperDb db)
{
    public static readonly string[] Columns = ["route", "case", "period", "minimum_days", "counting", "from", "to", "source"];

    public async Task<ImportReport> HandleAsync(byte[] content, string file, string? sheet, CancellationToken cancellationToken)
    {
        var table = ImportTable.Read(content, file, sheet);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var problems = Columns.Where(c => c != "to" && !table.Has(c))
            .Select(c => new ImportProblem(file, table.HeaderLine, c, $"the header has no '{c}' column: expected {string.Join(',', Columns)}"))
            .ToList();
        var parsed = new Dictionary<(Route, string, string, DateOnly), MinimumPeriod>();
        foreach (var row in problems.Count > 0 ? [] : table.Rows)
        {
            void Problem(string column, string reason) => problems.Add(new ImportProblem(file, row.Line, column, reason));
            var route = Enum.TryParse<Route>(row["route"], ignoreCase: false, out var r) && r is Route.OpenProcedure or Route.CompetitiveFlexible ? r : (Route?)null;
            if (route is null)
            {
                Problem("route", $"'{row["route"]}' is not a procedure with minimum periods: OpenProcedure or CompetitiveFlexible");
            }

            var @case = row["case"]?.ToLowerInvariant();
            if (@case is null || @case.Length > 40 || !CaseCode().IsMatch(@case))
            {
                Problem("case", $"'{row["case"]}' is not a case: a short code in lower case and hyphens, like standard, light-touch, qppn or urgency");
            }

            var period = row["period"]?.ToLowerInvariant();
            if (period is not (MinimumPeriod.Tendering or MinimumPeriod.Participation))
            {
                Problem("period", $"'{row["period"]}' is not a period: tendering or participation");
            }

            if (!int.TryParse(row["minimum_days"], NumberStyles.None, CultureInfo.InvariantCulture, out var daysCount) || daysCount is < 1 or > 365)
            {
                Problem("minimum_days", $"'{row["minimum_days"]}' is not a number of days from 1 to 365");
            }

            var counting = row["counting"]?.ToLowerInvariant();
            if (counting is not (MinimumPeriod.Calendar or MinimumPeriod.Working))
            {
                Problem("counting", $"'{row["counting"]}' is not how days are counted: calendar or working");
            }

            var from = Date(row["from"]);
            if (from is null)
            {
                Problem("from", $"'{row["from"]}' is not a date like 2025-02-24");
            }

            var to = row["to"] is null ? null : Date(row["to"]);
            if (row["to"] is not null && (to is null || to < from))
            {
                Problem("to", $"'{row["to"]}' is not a date on or after the 'from' date, or empty");
            }

            var source = row["source"];
            if (source is null || source.Length > 500)
            {
                Problem("source", "cite where the figure comes from (the Act's section and table, as on legislation.gov.uk), up to 500 characters");
            }

            if (route is null || @case is null || period is null || from is null || problems.Any(p => p.Line == row.Line))
            {
                continue;
            }

            if (!parsed.TryAdd((route.Value, @case, period, from.Value), new MinimumPeriod
            {
                Route = route.Value,
                CaseCode = @case,
                Period = period,
                MinimumDays = daysCount,
                Counting = counting!,
                AppliesFrom = from.Value,
                AppliesTo = to,
                Source = source!,
            }))
            {
                Problem("case", $"{route} {@case} {period} from {from:yyyy-MM-dd} appears more than once");
            }
        }

        if (problems.Count == 0 && parsed.Count == 0)
        {
            problems.Add(new ImportProblem(file, table.HeaderLine, null, "there are no minimum periods in the file"));
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems);
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var stored = await db.MinimumPeriods.ToListAsync(cancellationToken);
        int added = 0, updated = 0, unchanged = 0, removed = 0;
        foreach (var old in stored.Where(s => !parsed.ContainsKey((s.Route, s.CaseCode, s.Period, s.AppliesFrom))))
        {
            db.MinimumPeriods.Remove(old);
            removed++;
        }

        foreach (var (key, incoming) in parsed)
        {
            if (stored.FirstOrDefault(s => (s.Route, s.CaseCode, s.Period, s.AppliesFrom) == key) is not { } row)
            {
                incoming.Id = Guid.CreateVersion7(now);
                incoming.ImportedAt = now;
                db.MinimumPeriods.Add(incoming);
                added++;
            }
            else if ((row.MinimumDays, row.Counting, row.AppliesTo, row.Source) != (incoming.MinimumDays, incoming.Counting, incoming.AppliesTo, incoming.Source))
            {
                (row.MinimumDays, row.Counting, row.AppliesTo, row.Source, row.ImportedAt) = (incoming.MinimumDays, incoming.Counting, incoming.AppliesTo, incoming.Source, now);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        if (added + updated + removed > 0)
        {
            db.RecordDecision(new AuditDecision(null, "minimum-periods-imported", "Import", file, After: string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(content))}\",\"added\":{added},\"updated\":{updated},\"removed\":{removed}}}")));
            await db.SaveChangesAsync(cancellationToken);
        }

        return ImportReport.Imported(table, added, updated, unchanged) with { Removed = removed };
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CaseCode();
}
