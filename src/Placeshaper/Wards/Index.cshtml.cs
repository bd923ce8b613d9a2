using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Wards;

/// <summary>The organisation's wards, each linking to its ward view.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public IReadOnlyList<WardQueries.Listed> Wards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Wards = await WardQueries.ListAsync(db, context.Id, cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return new Exports.Table("wards", ["code", "name", "contracts"], Wards.Select(w => (IReadOnlyList<object?>)[w.Code, w.Name, w.Contracts]).ToList()).ToFile(format);
    }
}
