using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Spend;

/// <summary>The spend files imported for the organisation, newest first, each with its counts and what was skipped.</summary>
[RequiresRole(Role.Administrator, Role.FinanceOfficer, Role.Commissioner, Role.ProcurementOfficer, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public bool CanImport => context.Current.HasAny(SpendAccess.Importers);

    public IReadOnlyList<SpendQueries.ImportView> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Imports = await SpendQueries.ImportsAsync(db, context.Id, cancellationToken);

    /// <summary>The list of imports with their counts, as CSV or an Excel workbook.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var imports = await SpendQueries.ImportsAsync(db, context.Id, cancellationToken);
        return new Exports.Table(
                "spend-imports",
                ["file", "imported_at", "sha256", "encoding", "read", "imported", "duplicates", "skipped", "total"],
                imports.Select(i => (IReadOnlyList<object?>)[i.FileName, i.ImportedAt, i.Sha256, i.Encoding, i.Read, i.Imported, i.Duplicates, i.Skipped, i.Total]).ToList())
            .ToFile(format);
    }
}
