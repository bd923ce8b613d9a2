using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Benchmarks;

/// <summary>
/// Imports a benchmark dataset in the open format (CSV, .xlsx or JSON; docs/benchmarking.md), whole or not at all: the
/// page twin of <c>POST …/benchmarks/imports</c>. A refused file's problems, each naming the file, line and field, are
/// listed in the error summary.
/// </summary>
[RequiresRole(Role.Administrator, Role.Commissioner)]
[RequestSizeLimit(AreasApi.MaxImportBytes)]
public sealed class ImportModel(OrganisationContext context, PlaceshaperDb db, ImportBenchmarks import) : FormPage
{
    /// <summary>How many of a refused file's problems the error summary lists; the table below lists up to 200.</summary>
    public const int SummaryProblems = 20;

    public string Slug => context.Slug;

    public ImportReport? Report { get; private set; }

    /// <summary>The error summary: the field's error, then each problem of a refused file, naming its file, line and field.</summary>
    public IReadOnlyList<(string Field, string Message)> SummaryErrors =>
        [.. FieldErrors, .. (Report?.Problems ?? []).Take(SummaryProblems).Select(p => ("upload", p.ToString()))];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            AddError("upload", "Choose a benchmark dataset to import: a CSV file, an Excel workbook or a JSON file");
            return Page();
        }

        using var content = new MemoryStream();
        await upload.CopyToAsync(content, cancellationToken);
        var organisation = await db.Organisations.FindAsync([context.Id], cancellationToken);
        Report = await import.HandleAsync(organisation!, content.ToArray(), Path.GetFileName(upload.FileName), cancellationToken);
        if (!Report.Accepted)
        {
            AddError("upload", $"{Report.File} was refused and nothing was imported: fix the {Report.Problems.Count} problem{(Report.Problems.Count == 1 ? "" : "s")} listed and import it again");
        }

        return Page();
    }
}
