using Microsoft.AspNetCore.Mvc;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Spend;

/// <summary>Upload a spend file: the same import as the API and the CLI, whole or not at all, with its report.</summary>
[RequiresRole(Role.Administrator, Role.FinanceOfficer)]
[RequestSizeLimit(SpendUploadLimit.Default)]
[RequestFormLimits(MultipartBodyLengthLimit = SpendUploadLimit.Default)]
public sealed class ImportModel(OrganisationContext context, ImportSpend import, ResolveSuppliers resolve, IConfiguration configuration) : FormPage
{
    public string Slug => context.Slug;

    /// <summary>The configured largest upload (<c>Spend:MaxUploadBytes</c>), as the API applies it; the page's script checks it before sending.</summary>
    public long MaxBytes => SpendUploadLimit.Of(configuration);

    public static string Megabytes(long bytes) => (bytes / (1024m * 1024m)).ToString("#,0.#", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + " MB";

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

        if (upload.Length > MaxBytes)
        {
            // As the API: 413, with the page and the reason, for browsers without JavaScript.
            AddError("upload", $"{Path.GetFileName(upload.FileName)} is larger than {Megabytes(MaxBytes)}: use the command line (placeshaper import spend) for larger files");
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
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
