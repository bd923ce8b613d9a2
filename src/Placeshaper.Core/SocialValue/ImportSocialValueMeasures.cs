using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;

namespace Placeshaper.SocialValue;

/// <summary>
/// Imports an organisation's social value measures from a CSV file or an Excel worksheet, whole or not at all, and
/// idempotently: a measure is matched by its code, so the same file twice changes nothing and a changed row updates
/// its measure (ADR 0010). The layout is <see cref="Columns"/>, which is also what the measures page downloads as.
/// <c>code</c>, <c>theme</c>, <c>description</c> and <c>unit</c> are required; a column left out of the header leaves
/// that field of an existing measure as it is. Measures the file does not list are kept (retire them with
/// <c>retired</c> = yes).
/// </summary>
public sealed class ImportSocialValueMeasures(PlaceshaperDb db)
{
    public static readonly IReadOnlyList<string> Columns = ["code", "theme", "outcome", "description", "unit", "proxy_value_gbp", "source", "licence", "retired"];

    private static readonly string[] RequiredColumns = ["code", "theme", "description", "unit"];

    /// <summary>The file's column for each field of <see cref="MeasureDetails.Check"/>.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["code"] = "code",
        ["theme"] = "theme",
        ["outcome"] = "outcome",
        ["description"] = "description",
        ["unit"] = "unit",
        ["proxyValue"] = "proxy_value_gbp",
        ["source"] = "source",
        ["licence"] = "licence",
    };

    private sealed record Row(int Line, ImportRow Cells, decimal? ProxyValue, bool? Retired);

    public async Task<ImportReport> HandleAsync(Guid organisationId, byte[] content, string file, string? sheet, CancellationToken cancellationToken)
    {
        var table = ImportTable.Read(content, file, sheet);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return unreadable;
        }

        var problems = new List<ImportProblem>();
        foreach (var column in RequiredColumns.Where(c => !table.Has(c)))
        {
            problems.Add(new ImportProblem(file, table.HeaderLine, column, $"the header has no '{column}' column (expected {string.Join(",", Columns)})"));
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems);
        }

        var existing = await db.SocialValueMeasures.Where(m => m.OrganisationId == organisationId).ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, cancellationToken);
        var plans = new List<(int Line, string Code, ValidMeasure Details)>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cells in table.Rows)
        {
            var ok = true;
            decimal? proxy = null;
            if (cells["proxy_value_gbp"] is { } proxyText)
            {
                if (Money.TryParse(proxyText, out var pounds))
                {
                    proxy = pounds;
                }
                else
                {
                    problems.Add(new ImportProblem(file, cells.Line, "proxy_value_gbp", $"'{proxyText}' is not an amount in pounds, like 1234.56"));
                    ok = false;
                }
            }

            bool? retired = cells["retired"]?.ToLowerInvariant() switch
            {
                null => null,
                "yes" or "true" or "y" => true,
                "no" or "false" or "n" => false,
                var other => Invalid(other),
            };

            bool? Invalid(string text)
            {
                problems.Add(new ImportProblem(file, cells.Line, "retired", $"'{text}' is not yes or no"));
                ok = false;
                return null;
            }

            var code = cells["code"]?.ToUpperInvariant() ?? "";
            var before = existing.GetValueOrDefault(code);
            string? Cell(string column, string? current) => table.Has(column) ? cells[column] : current;
            var details = new MeasureDetails(
                cells["code"], cells["theme"], Cell("outcome", before?.Outcome), cells["description"], cells["unit"],
                table.Has("proxy_value_gbp") ? proxy : before?.ProxyValue, Cell("source", before?.Source), Cell("licence", before?.Licence),
                table.Has("retired") ? retired ?? false : before?.Retired ?? false).Check();
            if (!details.Succeeded)
            {
                foreach (var (field, messages) in details.Errors.ByField)
                {
                    problems.AddRange(messages.Select(m => new ImportProblem(file, cells.Line, ColumnOf.GetValueOrDefault(field, field), m)));
                }

                continue;
            }

            if (firstLine.TryGetValue(details.Value.Code, out var first))
            {
                problems.Add(new ImportProblem(file, cells.Line, "code", $"'{details.Value.Code}' appears more than once (first on {table.LineName} {first})"));
                continue;
            }

            firstLine[details.Value.Code] = cells.Line;
            if (ok)
            {
                plans.Add((cells.Line, details.Value.Code, details.Value));
            }
        }

        if (problems.Count > 0)
        {
            return ImportReport.Refused(table, problems.OrderBy(p => p.Line));
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0;
        foreach (var (_, code, details) in plans)
        {
            if (existing.TryGetValue(code, out var measure))
            {
                updated += measure.Update(details) ? 1 : 0;
            }
            else
            {
                db.SocialValueMeasures.Add(SocialValueMeasure.New(organisationId, details, now));
                added++;
            }
        }

        if (added + updated > 0)
        {
            db.RecordDecision(new AuditDecision(organisationId, "social-value-measures-imported", "Import", file,
                After: $"{{\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(content))}\",\"added\":{added},\"updated\":{updated}}}"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return ImportReport.Imported(table, added, updated, plans.Count - added - updated);
    }
}
