using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;

namespace Placeshaper.Benchmarks;

/// <summary>
/// Imports a benchmark dataset in the open format (CSV, a worksheet, or JSON), whole or not at all (ADR 0010). Rows
/// without a contributor, or naming the organisation itself, are its own figures; rows naming another organisation
/// were pooled from an installation elsewhere and only this organisation sees them. A figure already held with the same
/// value adds nothing, so importing a file twice changes nothing; a different value replaces it. Problems name the
/// file, line (for JSON, the figure's position in <c>figures</c>, from 1) and column.
/// </summary>
public sealed class ImportBenchmarks(PlaceshaperDb db)
{
    public const int MaxRows = 20_000;

    public async Task<ImportReport> HandleAsync(Organisation organisation, byte[] content, string file, CancellationToken cancellationToken)
    {
        var read = BenchmarkFormat.IsJson(content) ? ReadJson(content, file) : ReadTable(content, file);
        if (read.Refused is { } refused)
        {
            return refused;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var problems = new List<ImportProblem>();
        var figures = new List<BenchmarkFigure>();
        var seen = new Dictionary<(string?, string, string, string, string), int>();
        foreach (var (line, input) in read.Rows)
        {
            var made = BenchmarkFigure.From(organisation.Id, organisation.Name, input, now);
            if (!made.Succeeded)
            {
                problems.AddRange(made.Errors!.ByField.SelectMany(e => e.Value.Select(m => new ImportProblem(file, line, e.Key, m))));
                continue;
            }

            var key = Normalise(made.Value!.Key);
            if (seen.TryGetValue(key, out var earlier))
            {
                problems.Add(new ImportProblem(file, line, "measure", $"The same figure (category, period, measure, provider, contributor) is given twice: also on line {earlier}"));
                continue;
            }

            seen[key] = line;
            figures.Add(made.Value!);
        }

        if (problems.Count > 0)
        {
            return read.Table is { } table ? ImportReport.Refused(table, problems.OrderBy(p => p.Line)) : ImportReport.Refused(file, read.Rows.Count, problems.OrderBy(p => p.Line).ToList());
        }

        var held = (await db.BenchmarkFigures.Where(f => f.OrganisationId == organisation.Id).ToListAsync(cancellationToken)).ToDictionary(f => Normalise(f.Key));
        int added = 0, updated = 0, unchanged = 0;
        foreach (var figure in figures)
        {
            if (held.TryGetValue(Normalise(figure.Key), out var existing))
            {
                if (existing.Update(figure, now))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                db.BenchmarkFigures.Add(figure);
                added++;
            }
        }

        db.RecordDecision(new AuditDecision(organisation.Id, "benchmark-figures-imported", nameof(Organisation), organisation.Id.ToString(), After: JsonSerializer.Serialize(new
        {
            file,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            added,
            updated,
            unchanged,
        })));
        await db.SaveChangesAsync(cancellationToken);
        return new ImportReport(file, read.Rows.Count, added, updated, unchanged, []) { Sheet = read.Table?.Sheet };
    }

    private static (string?, string, string, string, string) Normalise((string? Contributor, string Category, string Period, string Measure, string Provider) key) =>
        (key.Contributor?.ToUpperInvariant(), key.Category, key.Period, key.Measure.ToUpperInvariant(), key.Provider.ToUpperInvariant());

    private sealed record Read(IReadOnlyList<(int Line, BenchmarkFigure.Input Input)> Rows, ImportTable? Table, ImportReport? Refused);

    private static Read ReadTable(byte[] content, string file)
    {
        var table = ImportTable.Read(content, file);
        if (ImportReport.Unreadable(table) is { } unreadable)
        {
            return new Read([], table, unreadable);
        }

        var missing = BenchmarkFormat.Columns.Take(6).Where(c => !table.Has(c)).ToList();
        if (missing.Count > 0)
        {
            return new Read([], table, ImportReport.Refused(table, [new ImportProblem(file, table.HeaderLine, null,
                $"Not a benchmark dataset: no {string.Join(", ", missing)} column. The columns are: {string.Join(", ", BenchmarkFormat.Columns)}")]));
        }

        if (table.Rows.Count > MaxRows)
        {
            return new Read([], table, ImportReport.Refused(table, [new ImportProblem(file, 0, null, $"A file can hold up to {MaxRows:N0} figures")]));
        }

        return new Read(table.Rows.Select(r => (r.Line, new BenchmarkFigure.Input(r["category"], r["period"], r["measure"], r["kind"], r["unit"], r["value"],
            r["provider"], r["provider_named"], r["contributor"], r["contributor_named"]))).ToList(), table, null);
    }

    private static Read ReadJson(byte[] content, string file)
    {
        BenchmarkFormat.DatasetJson? dataset;
        try
        {
            dataset = JsonSerializer.Deserialize<BenchmarkFormat.DatasetJson>(content);
        }
        catch (JsonException e)
        {
            return new Read([], null, ImportReport.Refused(file, 0, [new ImportProblem(file, (int)(e.LineNumber ?? 0) + 1, e.Path, "Not valid JSON: " + e.Message)]));
        }

        if (dataset?.Figures is null || dataset.Format != BenchmarkFormat.FormatName)
        {
            return new Read([], null, ImportReport.Refused(file, 0, [new ImportProblem(file, 0, "format",
                $"Not a benchmark dataset: it needs \"format\": \"{BenchmarkFormat.FormatName}\" and a \"figures\" array")]));
        }

        if (dataset.Figures.Count > MaxRows)
        {
            return new Read([], null, ImportReport.Refused(file, dataset.Figures.Count, [new ImportProblem(file, 0, null, $"A file can hold up to {MaxRows:N0} figures")]));
        }

        return new Read(dataset.Figures.Select((f, i) => (i + 1, new BenchmarkFigure.Input(f.Category, f.Period, f.Measure, f.Kind, f.Unit,
            f.Value is { } v ? (v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null,
            f.Provider, f.ProviderNamed?.ToString(CultureInfo.InvariantCulture), f.Contributor, f.ContributorNamed?.ToString(CultureInfo.InvariantCulture)))).ToList(), null, null);
    }
}
