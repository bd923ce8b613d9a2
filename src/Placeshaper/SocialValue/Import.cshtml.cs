using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Imports;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.SocialValue;

[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
[RequestSizeLimit(AreasApi.MaxImportBytes)]
public sealed class ImportModel(OrganisationContext context, ImportSocialValueMeasures import) : FormPage
{
    public string Slug => context.Slug;

    public ImportReport? Report { get; private set; }

    public string? Sheet { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, string? sheet, CancellationToken cancellationToken)
    {
        Sheet = sheet;
        if (upload is null || upload.Length == 0)
        {
            AddError("upload", "Choose a CSV file or an Excel workbook to import");
            return Page();
        }

        using var content = new MemoryStream();
        await upload.CopyToAsync(content, cancellationToken);
        Report = await import.HandleAsync(context.Id, content.ToArray(), Path.GetFileName(upload.FileName), sheet, cancellationToken);
        if (!Report.Accepted)
        {
            AddError("upload", $"{Report.File} was refused: fix the {Report.Problems.Count} problem(s) listed and import it again");
        }

        return Page();
    }
}
