using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Areas;

[RequestSizeLimit(AreasApi.MaxImportBytes)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db, ImportAreas import) : FormPage
{
    public string OrganisationName => context.Current.Name;

    public string Slug => context.Slug;

    public IReadOnlyList<AreaQueries.Listed> Areas { get; private set; } = [];

    public string? Postcode { get; private set; }

    public AreaQueries.Located? Located { get; private set; }

    public string? Within { get; private set; }

    /// <summary>The worksheet asked for, when importing from an Excel workbook.</summary>
    public string? Sheet { get; private set; }

    public ImportReport? Report { get; private set; }

    public bool CanImport => context.Current.HasAny([Role.Administrator, Role.Commissioner]);

    public string NameOf(string code) => Areas.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var areas = await AreaQueries.ForOrganisationAsync(db, context.Id, cancellationToken);
        return new Exports.Table("areas", ["code", "name", "level", "parent_code"], areas.Select(a => (IReadOnlyList<object?>)[a.Code, a.Name, a.Level.ToString().ToLowerInvariant(), a.ParentCode]).ToList())
            .ToFile(format);
    }

    public async Task OnGetAsync(string? postcode, CancellationToken cancellationToken)
    {
        Areas = await AreaQueries.ForOrganisationAsync(db, context.Id, cancellationToken);
        if (postcode is null)
        {
            return;
        }

        Postcode = postcode;
        if (ReferencePostcode.Normalise(postcode) is null)
        {
            AddError("postcode", "Enter a full UK postcode, like AB1 0AA");
            return;
        }

        Located = await AreaQueries.LocateAsync(db, context.Id, postcode, cancellationToken);
        if (Located is null)
        {
            AddError("postcode", "That postcode is not in the postcode directory loaded on this installation");
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, string? within, string? sheet, CancellationToken cancellationToken)
    {
        if (!CanImport)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        (Within, Sheet) = (within, sheet);
        if (upload is null || upload.Length == 0)
        {
            AddError("upload", "Choose a CSV file or Excel workbook to import");
        }
        else
        {
            using var content = new MemoryStream();
            await upload.CopyToAsync(content, cancellationToken);
            Report = await import.HandleAsync(context.Id, content.ToArray(), Path.GetFileName(upload.FileName), within, sheet, cancellationToken);
            if (!Report.Accepted)
            {
                AddError("upload", $"{Report.File} was refused: fix the {Report.Problems.Count} problem(s) listed and import it again");
            }
        }

        Areas = await AreaQueries.ForOrganisationAsync(db, context.Id, cancellationToken);
        return Page();
    }
}
