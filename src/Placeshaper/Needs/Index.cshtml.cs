using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Needs;

[RequestSizeLimit(AreasApi.MaxImportBytes)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db, ImportIndicatorValues import) : FormPage
{
    public string Slug => context.Slug;

    public IReadOnlyList<NeedsQueries.Listed> Indicators { get; private set; } = [];

    public ImportReport? Report { get; private set; }

    /// <summary>The worksheet asked for, when importing from an Excel workbook.</summary>
    public string? Sheet { get; private set; }

    public bool CanImport => context.Current.HasAny([Role.Administrator, Role.Commissioner]);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var indicators = await NeedsQueries.IndicatorsAsync(db, context.Id, cancellationToken);
        return new Exports.Table("indicators", ["code", "name", "unit", "polarity", "source", "latest_period", "figures"],
            indicators.Select(i => (IReadOnlyList<object?>)[i.Code, i.Name, i.Unit, i.Polarity.ToString(), i.Source, i.LatestPeriod, i.Figures]).ToList()).ToFile(format);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Indicators = await NeedsQueries.IndicatorsAsync(db, context.Id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, string? sheet, CancellationToken cancellationToken)
    {
        if (!CanImport)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Sheet = sheet;
        if (upload is null || upload.Length == 0)
        {
            AddError("upload", "Choose a CSV file or Excel workbook to import");
        }
        else
        {
            using var content = new MemoryStream();
            await upload.CopyToAsync(content, cancellationToken);
            Report = await import.HandleAsync(context.Id, content.ToArray(), Path.GetFileName(upload.FileName), sheet, cancellationToken);
            if (!Report.Accepted)
            {
                AddError("upload", $"{Report.File} was refused: fix the {Report.Problems.Count} problem(s) listed and import it again");
            }
        }

        Indicators = await NeedsQueries.IndicatorsAsync(db, context.Id, cancellationToken);
        return Page();
    }
}
