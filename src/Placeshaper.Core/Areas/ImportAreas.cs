using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.Areas;

/// <summary>
/// Imports an organisation's areas from a CSV file, whole or not at all, and idempotently (areas are matched by code).
/// Two layouts are read: Placeshaper's own (<c>code,name,level,parent_code</c>) and the ONS local authority lookup
/// (<c>LADCD,LADNM,…,UTLACD,UTLANM,…,Current</c>), from which the authority named by <c>within</c> and its districts
/// are taken.
/// </summary>
public sealed class ImportAreas(PlaceshaperDb db)
{
    private static readonly string[] RequiredColumns = ["code", "name", "level"];

    private sealed record Row(int Line, string Code, string Name, AreaLevel Level, string? ParentCode);

    public async Task<ImportReport> HandleAsync(Guid organisationId, byte[] content, string file, string? within, string? sheet, CancellationToken cancellationToken)
    {
        var table = ImportTable.Read(content, file, sheet);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var problems = new List<ImportProblem>();
        var rows = table.Has("LADCD") && table.Has("UTLACD")
            ? FromOnsLookup(table, within, problems)
            : FromPlaceshaperLayout(table, problems);

        foreach (var duplicate in rows.GroupBy(r => r.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(file, duplicate.Skip(1).First().Line, "code", $"'{duplicate.Key}' appears more than once (first on {table.LineName} {duplicate.First().Line})"));
        }

        var existing = await db.Areas.Where(a => a.OrganisationId == organisationId).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        var inFile = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.ParentCode is not null))
        {
            if (row.ParentCode == row.Code)
            {
                problems.Add(new ImportProblem(file, row.Line, "parent_code", "an area cannot be its own parent"));
            }
            else if (!inFile.Contains(row.ParentCode!) && !existing.ContainsKey(row.ParentCode!))
            {
                problems.Add(new ImportProblem(file, row.Line, "parent_code", $"there is no area '{row.ParentCode}' in the file or already imported"));
            }
        }

        // Parents as they would be after the import: a chain that comes back to where it started is a cycle.
        var parentOf = existing.Values.ToDictionary(a => a.Code, a => a.ParentId is { } id ? existing.Values.FirstOrDefault(p => p.Id == id)?.Code : null, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            parentOf[row.Code] = row.ParentCode;
        }

        foreach (var row in rows.Where(r => r.ParentCode is not null && r.ParentCode != r.Code))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { row.Code };
            for (var parent = row.ParentCode; parent is not null; parent = parentOf.GetValueOrDefault(parent))
            {
                if (!seen.Add(parent))
                {
                    problems.Add(new ImportProblem(file, row.Line, "parent_code", $"'{row.Code}' would end up inside itself (through {parent})"));
                    break;
                }
            }
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems.OrderBy(p => p.Line));
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var byCode = new Dictionary<string, Area>(existing, StringComparer.Ordinal);
        int added = 0, updated = 0;
        foreach (var row in rows.Where(r => !existing.ContainsKey(r.Code)))
        {
            var area = Area.New(organisationId, row.Code, row.Name, row.Level, now);
            byCode[row.Code] = area;
            db.Areas.Add(area);
            added++;
        }

        foreach (var row in rows)
        {
            var parentId = row.ParentCode is null ? (Guid?)null : byCode[row.ParentCode].Id;
            var changed = byCode[row.Code].Update(row.Name, row.Level, parentId);
            if (changed && existing.ContainsKey(row.Code))
            {
                updated++;
            }
        }

        db.RecordDecision(new AuditDecision(organisationId, "areas-imported", "Import", file, After: $"{{\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(content))}\",\"added\":{added},\"updated\":{updated}}}"));
        await db.SaveChangesAsync(cancellationToken);
        return ImportReport.Imported(table, added, updated, rows.Count - added - updated);
    }

    private static List<Row> FromPlaceshaperLayout(ImportTable table, List<ImportProblem> problems)
    {
        foreach (var column in RequiredColumns.Where(c => !table.Has(c)))
        {
            problems.Add(new ImportProblem(table.File, table.HeaderLine, column, $"the header has no '{column}' column (expected code,name,level,parent_code)"));
        }

        if (problems.Count > 0)
        {
            return [];
        }

        var rows = new List<Row>();
        foreach (var csv in table.Rows)
        {
            var code = csv["code"]?.ToUpperInvariant() ?? "";
            var name = csv["name"];
            var levelText = csv["level"];
            var ok = true;
            if (!Enum.TryParse<AreaLevel>(levelText, ignoreCase: true, out var level) || int.TryParse(levelText, out _))
            {
                problems.Add(new ImportProblem(table.File, csv.Line, "level", $"'{levelText}' is not a level; levels are {string.Join(", ", Enum.GetNames<AreaLevel>()).ToLowerInvariant()}"));
                ok = false;
            }
            else if (Area.CodeProblem(code, level) is { } codeProblem)
            {
                problems.Add(new ImportProblem(table.File, csv.Line, "code", codeProblem));
                ok = false;
            }

            if (name is null or { Length: > 200 })
            {
                problems.Add(new ImportProblem(table.File, csv.Line, "name", "a name of 1 to 200 characters is needed"));
                ok = false;
            }

            if (ok)
            {
                rows.Add(new Row(csv.Line, code, name!, level, csv["parent_code"]?.ToUpperInvariant()));
            }
        }

        return rows;
    }

    private static List<Row> FromOnsLookup(ImportTable table, string? within, List<ImportProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(within))
        {
            problems.Add(new ImportProblem(table.File, table.HeaderLine, null, "this is the ONS local authority lookup: say which authority to take from it (its code, like E10000008)"));
            return [];
        }

        within = within.Trim().ToUpperInvariant();
        var current = table.Rows.Where(r => !string.Equals(r["Current"], "FALSE", StringComparison.OrdinalIgnoreCase)).ToList();
        var districts = current.Where(r => r["LADCD"] == within || r["UTLACD"] == within).ToList();
        if (districts.Count == 0)
        {
            problems.Add(new ImportProblem(table.File, table.HeaderLine, "LADCD", $"no current authority with the code {within} is in the file"));
            return [];
        }

        var first = districts[0];
        var isUpperTier = districts.Any(d => d["UTLACD"] == within && d["LADCD"] != within);
        var rows = new List<Row> { new(first.Line, within, (isUpperTier ? first["UTLANM"] : first["LADNM"]) ?? within, AreaLevel.Authority, null) };
        if (isUpperTier)
        {
            rows.AddRange(districts.Select(d => new Row(d.Line, d["LADCD"]!, d["LADNM"] ?? d["LADCD"]!, AreaLevel.District, within)));
        }

        return rows;
    }
}
