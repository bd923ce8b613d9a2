using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.Contracts.Delivery;

/// <summary>
/// Imports a contract's KPI values from a CSV or worksheet, whole or not at all (ADR 0010). Columns: <c>kpi</c> (the
/// KPI's number on the contract, or its definition exactly), <c>period</c> (the first day of the period,
/// yyyy-mm-dd), <c>value</c> (a number, "." for decimals) and optionally <c>comment</c>. A row whose KPI and period
/// already have the same value submitted or approved adds nothing, so importing a file twice adds nothing; a
/// different value for an approved one is a correction, submitted for approval like any other. Problems name the
/// file, line and column.
/// </summary>
public sealed class ImportObservations(PlaceshaperDb db)
{
    public static readonly string[] Columns = ["kpi", "period", "value", "comment"];

    public async Task<ImportReport> HandleAsync(Contract contract, byte[] content, string file, KpiObservation.Actor actor, CancellationToken cancellationToken, string? sheet = null)
    {
        var table = ImportTable.Read(content, file, sheet);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var missing = Columns.Take(3).Where(c => !table.Has(c)).ToList();
        if (missing.Count > 0)
        {
            return ImportReport.Refused(table, [new ImportProblem(file, table.HeaderLine, null,
                $"Not a file of KPI values: no {string.Join(", ", missing)} column. The columns are: {string.Join(", ", Columns)}")]);
        }

        var history = await db.Set<KpiObservation>().Where(o => o.ContractId == contract.Id).ToListAsync(cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var problems = new List<ImportProblem>();
        var added = new List<KpiObservation>();
        var seen = new Dictionary<(Guid, DateOnly), int>();
        var unchanged = 0;
        foreach (var row in table.Rows)
        {
            var kpiText = row["kpi"]?.Trim() ?? "";
            var kpi = int.TryParse(kpiText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? contract.Kpis.SingleOrDefault(k => k.Number == number)
                : contract.Kpis.SingleOrDefault(k => string.Equals(k.Definition, kpiText, StringComparison.OrdinalIgnoreCase));
            if (kpi is null)
            {
                problems.Add(new ImportProblem(file, row.Line, "kpi", $"\"{kpiText}\" is not a KPI of the contract: give its number ({string.Join(", ", contract.Kpis.OrderBy(k => k.Number).Select(k => k.Number))}) or its definition"));
                continue;
            }

            if (!DateOnly.TryParseExact(row["period"]?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period))
            {
                problems.Add(new ImportProblem(file, row.Line, "period", $"\"{row["period"]}\" is not a date like 2026-04-01"));
                continue;
            }

            if (!decimal.TryParse(row["value"]?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add(new ImportProblem(file, row.Line, "value", $"\"{row["value"]}\" is not a number"));
                continue;
            }

            if (seen.TryGetValue((kpi.Id, period), out var earlier))
            {
                problems.Add(new ImportProblem(file, row.Line, "period", $"KPI {kpi.Number} for {period:yyyy-MM-dd} is given twice: also on line {earlier}"));
                continue;
            }

            seen[(kpi.Id, period)] = row.Line;
            var current = history.Where(o => o.KpiId == kpi.Id && o.PeriodStart == period && o.Status is ObservationStatus.Submitted or ObservationStatus.Approved).ToList();
            if (current.Any(o => o.Value == value))
            {
                unchanged++;
                continue;
            }

            var submitted = KpiObservation.Submit(contract, new KpiObservation.Input(kpi.Id, period, value, row["comment"]), actor, "import", history, now);
            if (!submitted.Succeeded)
            {
                problems.AddRange(submitted.Errors!.ByField.SelectMany(e => e.Value.Select(m =>
                    new ImportProblem(file, row.Line, e.Key == "periodStart" ? "period" : e.Key == "kpiId" ? "kpi" : e.Key, m))));
                continue;
            }

            added.Add(submitted.Value!);
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems.OrderBy(p => p.Line));
        }

        db.Set<KpiObservation>().AddRange(added);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "kpi-observations-imported", nameof(Contract), contract.Id.ToString(), After: JsonSerializer.Serialize(new
        {
            file,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            added = added.Count,
            unchanged,
        })));
        await db.SaveChangesAsync(cancellationToken);
        return ImportReport.Imported(table, added.Count, 0, unchanged);
    }
}
