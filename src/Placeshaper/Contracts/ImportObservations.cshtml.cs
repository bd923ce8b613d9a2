using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Areas;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Contracts;

/// <summary>Imports a contract's KPI values from a CSV file or workbook; they wait for approval like any other.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
[RequestSizeLimit(AreasApi.MaxImportBytes)]
public sealed class ImportObservationsModel(OrganisationContext context, PlaceshaperDb db, ImportObservations import, Viewer viewer) : FormPage
{
    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public ImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken) =>
        await LoadAsync(contractId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid contractId, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        if (upload is null || upload.Length == 0)
        {
            AddError("upload", "Choose a CSV file or Excel workbook to import");
            return Page();
        }

        using var content = new MemoryStream();
        await upload.CopyToAsync(content, cancellationToken);
        Report = await import.HandleAsync(Contract, content.ToArray(), Path.GetFileName(upload.FileName), new KpiObservation.Actor(viewer.PersonId, context.Current.ProviderId), cancellationToken);
        if (!Report.Accepted)
        {
            AddError("upload", $"{Report.File} was refused: fix the {Report.Problems.Count} problem(s) listed and import it again");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        Contract = (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken))!;
        return Contract is not null;
    }
}
