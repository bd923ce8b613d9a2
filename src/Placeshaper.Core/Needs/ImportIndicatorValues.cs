using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.Needs;

/// <summary>
/// Imports indicator values, whole or not at all and idempotently (a figure is matched by indicator, area and
/// period). Two layouts: long (<c>area_code,period,indicator,value</c>) and wide (<c>area_code,indicator</c> then a
/// column per period, such as <c>2019,2020,2021</c>).
/// </summary>
public sealed class ImportIndicatorValues(PlaceshaperDb db)
{
    private sealed record Figure(int Line, string Column, Guid IndicatorId, Guid AreaId, Period Period, decimal Value);

    public async Task<ImportReport> HandleAsync(Guid organisationId, byte[] content, string file, string? sheet, CancellationToken cancellationToken)
    {
        var table = ImportTable.Read(content, file, sheet);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var problems = new List<ImportProblem>();
        var indicators = await db.Indicators.Where(i => i.OrganisationId == organisationId).ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var areas = await db.Areas.Where(a => a.OrganisationId == organisationId).ToDictionaryAsync(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);

        foreach (var column in new[] { "area_code", "indicator" }.Where(c => !table.Has(c)))
        {
            problems.Add(new ImportProblem(file, table.HeaderLine, column, $"the header has no '{column}' column"));
        }

        var isLong = table.Has("period") && table.Has("value");
        var periodColumns = isLong ? [] : table.Headers.Where(h => Period.TryParse(h, out _)).ToList();
        if (!isLong && periodColumns.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(file, table.HeaderLine, null, $"the header needs 'period' and 'value' columns (long layout) or a column per period named as {Period.Formats} (wide layout)"));
        }

        var figures = new List<Figure>();
        foreach (var row in problems.Count > 0 ? [] : table.Rows)
        {
            var areaId = Lookup(areas, row["area_code"], row.Line, "area_code", "area", problems, file);
            var indicatorId = Lookup(indicators, row["indicator"], row.Line, "indicator", "indicator", problems, file);
            var cells = isLong ? [("period", row["period"], "value", row["value"])] : periodColumns.Select(c => (c, (string?)c, c, row[c])).ToList();
            foreach (var (periodColumn, periodText, valueColumn, valueText) in cells)
            {
                if (valueText is null && !isLong)
                {
                    continue;
                }

                if (!Period.TryParse(periodText, out var period))
                {
                    problems.Add(new ImportProblem(file, row.Line, periodColumn, $"'{periodText}' is not a period: write {Period.Formats}"));
                }
                else if (IndicatorValue.Parse(valueText) is not { } value)
                {
                    problems.Add(new ImportProblem(file, row.Line, valueColumn, $"'{valueText}' is not a number of at most a million million"));
                }
                else if (areaId is not null && indicatorId is not null)
                {
                    figures.Add(new Figure(row.Line, valueColumn, indicatorId.Value, areaId.Value, period, value));
                }
            }
        }

        foreach (var duplicate in figures.GroupBy(f => (f.IndicatorId, f.AreaId, f.Period.Label)).Where(g => g.Count() > 1))
        {
            var second = duplicate.Skip(1).First();
            problems.Add(new ImportProblem(file, second.Line, second.Column, $"a duplicate of the figure on {table.LineName} {duplicate.First().Line} (same indicator, area and period)"));
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems.OrderBy(p => p.Line));
        }

        var indicatorIds = figures.Select(f => f.IndicatorId).Distinct().ToList();
        var existing = (await db.IndicatorValues.Where(v => indicatorIds.Contains(v.IndicatorId)).ToListAsync(cancellationToken))
            .ToDictionary(v => (v.IndicatorId, v.AreaId, v.Period));
        var now = db.Clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0;
        foreach (var figure in figures)
        {
            if (existing.TryGetValue((figure.IndicatorId, figure.AreaId, figure.Period.Label), out var stored))
            {
                updated += stored.Update(figure.Value) ? 1 : 0;
            }
            else
            {
                db.IndicatorValues.Add(IndicatorValue.New(organisationId, figure.IndicatorId, figure.AreaId, figure.Period, figure.Value, now));
                added++;
            }
        }

        db.RecordDecision(new AuditDecision(organisationId, "indicator-values-imported", "Import", file, After: $"{{\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(content))}\",\"added\":{added},\"updated\":{updated}}}"));
        await db.SaveChangesAsync(cancellationToken);
        return ImportReport.Imported(table, added, updated, figures.Count - added - updated);
    }

    private static Guid? Lookup(Dictionary<string, Guid> known, string? key, int line, string column, string what, List<ImportProblem> problems, string file)
    {
        if (key is not null && known.TryGetValue(key, out var id))
        {
            return id;
        }

        problems.Add(new ImportProblem(file, line, column, key is null ? $"the {what} is missing" : $"there is no {what} '{key}'"));
        return null;
    }
}
