using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Spend;

/// <summary>Upload a spend file: the same import as the API and the CLI, whole or not at all, with its report.</summary>
[RequiresRole(Role.Administrator, Role.FinanceOfficer)]
[RequestSizeLimit(SpendUploadLimit.Default)]
public sealed class ImportModel(OrganisationContext context, ImportSpend import, ResolveSuppliers resolve) : FormPage
{
    public string Slug => context.Slug;

    public ImportSpend.Report? Report { get; private set; }

    [BindProperty]
    public string? Profile { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            AddError("upload", "Choose a spend file (CSV or Excel workbook) to import");
            return Page();
        }

        await using var content = upload.OpenReadStream();
        Report = await import.HandleAsync(context.Id, content, Path.GetFileName(upload.FileName), Profile, null, cancellationToken);
        if (!Report.Accepted)
        {
            AddError("upload", $"{Report.File} was refused and nothing was imported: fix the problems listed and import it again");
        }
        else
        {
            await resolve.HandleAsync(context.Id, cancellationToken);
        }

        return Page();
    }
}
