using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.Spend;

/// <summary>
/// Maps expense types to spend categories (<see cref="SpendCategory"/>), all or nothing: from the page's form (one),
/// the API (a list) or a CSV file (<c>expense_type, cpv_code, proclass_code, proclass_label</c>, the layout the page
/// downloads). A mapping with no CPV code and no ProClass code or label removes the expense type's mapping.
/// </summary>
public sealed class MapSpendCategories(PlaceshaperDb db, TimeProvider clock)
{
    public sealed record Mapping(string? ExpenseType, string? CpvCode, string? ProClassCode, string? ProClassLabel);

    public sealed record Outcome(int Added, int Updated, int Removed, int Unchanged);

    /// <summary>The columns of a mapping file, in the order the download writes them (it adds the CPV description and the spend after).</summary>
    public static readonly IReadOnlyList<string> FileColumns = ["expense_type", "cpv_code", "proclass_code", "proclass_label"];

    /// <summary>Saves the mappings; errors are keyed <c>cpvCode</c> for one mapping, <c>mappings[i].cpvCode</c> for a list.</summary>
    public Task<Result<Outcome>> HandleAsync(Guid organisationId, IReadOnlyList<Mapping> mappings, bool indexed, CancellationToken cancellationToken) =>
        HandleAsync(organisationId, mappings, indexed, keepExisting: false, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="keepExisting"/> (suggestions accepted) an expense type mapped already is left as
    /// it is and counted unchanged: a suggestion never overwrites a mapping.
    /// </summary>
    public async Task<Result<Outcome>> HandleAsync(Guid organisationId, IReadOnlyList<Mapping> mappings, bool indexed, bool keepExisting, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var checkedRows = new List<(string Key, string ExpenseType, Tenders.CpvCodes.Code? Cpv, string? ProClassCode, string? ProClassLabel)>();
        for (var i = 0; i < mappings.Count; i++)
        {
            var m = mappings[i];
            var prefix = indexed ? $"mappings[{i}]." : "";
            var result = SpendCategory.Check(m.ExpenseType, m.CpvCode, m.ProClassCode, m.ProClassLabel, prefix);
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Errors.ByField)
                {
                    foreach (var message in messages)
                    {
                        errors.Add(field, message);
                    }
                }
            }
            else if (checkedRows.Any(r => r.Key == result.Value.Key))
            {
                errors.Add(prefix + "expenseType", $"'{result.Value.ExpenseType}' is mapped twice");
            }
            else
            {
                checkedRows.Add(result.Value);
            }
        }

        if (mappings.Count == 0)
        {
            errors.Add(indexed ? "mappings" : "expenseType", "Give at least one expense type to map");
        }

        if (errors.Any)
        {
            return errors;
        }

        return await SaveAsync(organisationId, checkedRows, keepExisting, cancellationToken);
    }

    /// <summary>A mapping file, whole or not at all; each problem names its line and column.</summary>
    public async Task<ImportReport> ImportAsync(Guid organisationId, byte[] content, string file, CancellationToken cancellationToken)
    {
        var table = ImportTable.Read(content, file);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var problems = new List<ImportProblem>();
        if (!table.Has("expense_type"))
        {
            problems.Add(new ImportProblem(file, table.HeaderLine, "expense_type", "the header has no 'expense_type' column: the file's columns are " + string.Join(", ", FileColumns)));
        }
        else if (!table.Has("cpv_code") && !table.Has("proclass_code") && !table.Has("proclass_label"))
        {
            problems.Add(new ImportProblem(file, table.HeaderLine, "cpv_code", "the header has none of 'cpv_code', 'proclass_code' and 'proclass_label'"));
        }

        var rows = new List<(string Key, string ExpenseType, Tenders.CpvCodes.Code? Cpv, string? ProClassCode, string? ProClassLabel)>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in problems.Count > 0 ? [] : table.Rows)
        {
            var result = SpendCategory.Check(row["expense_type"], row["cpv_code"], row["proclass_code"], row["proclass_label"]);
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Errors.ByField)
                {
                    problems.AddRange(messages.Select(m => new ImportProblem(file, row.Line, Column(field), m)));
                }
            }
            else if (lines.TryGetValue(result.Value.Key, out var first))
            {
                problems.Add(new ImportProblem(file, row.Line, "expense_type", $"'{result.Value.ExpenseType}' is mapped already on line {first}"));
            }
            else
            {
                lines[result.Value.Key] = row.Line;
                rows.Add(result.Value);
            }
        }

        if (problems.Count > 0)
        {
            return new ImportReport(file, table.Rows.Count, 0, 0, 0, problems);
        }

        var outcome = await SaveAsync(organisationId, rows, keepExisting: false, cancellationToken);
        return new ImportReport(file, table.Rows.Count, outcome.Added, outcome.Updated + outcome.Removed, outcome.Unchanged, []);
    }

    private static string Column(string field) => field switch
    {
        "cpvCode" => "cpv_code",
        "proClassCode" => "proclass_code",
        "proClassLabel" => "proclass_label",
        _ => "expense_type",
    };

    private async Task<Outcome> SaveAsync(
        Guid organisationId, List<(string Key, string ExpenseType, Tenders.CpvCodes.Code? Cpv, string? ProClassCode, string? ProClassLabel)> rows, bool keepExisting,
        CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => r.Key).ToList();
        var existing = new Dictionary<string, SpendCategory>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var category in await db.SpendCategories.Where(c => c.OrganisationId == organisationId && chunk.Contains(c.ExpenseKey)).ToListAsync(cancellationToken))
            {
                existing[category.ExpenseKey] = category;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, removed = 0, unchanged = 0;
        foreach (var (key, expenseType, cpv, code, label) in rows)
        {
            var empty = cpv is null && code is null && label is null;
            var category = existing.GetValueOrDefault(key);
            if (keepExisting && category is not null)
            {
                unchanged++;
                continue;
            }

            if (empty)
            {
                if (category is null)
                {
                    unchanged++;
                }
                else
                {
                    db.SpendCategories.Remove(category);
                    removed++;
                }

                continue;
            }

            if (category is null)
            {
                category = SpendCategory.For(organisationId, key, expenseType);
                category.Set(expenseType, cpv, code, label, now);
                db.SpendCategories.Add(category);
                added++;
            }
            else if (category.Set(expenseType, cpv, code, label, now))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        var outcome = new Outcome(added, updated, removed, unchanged);
        if (added + updated + removed > 0)
        {
            db.RecordDecision(new AuditDecision(organisationId, "spend-categories-mapped", "SpendCategory", organisationId.ToString(),
                After: System.Text.Json.JsonSerializer.Serialize(outcome)));
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return outcome;
    }
}
