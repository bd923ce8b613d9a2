using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Wards;

namespace Placeshaper.Contracts;

/// <summary>Choose the wards a contract is delivered in, so that it appears in those wards' views.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer)]
public sealed class WardsModel(OrganisationContext context, PlaceshaperDb db, SetContractAreas set) : FormPage
{
    [BindProperty]
    public List<string> AreaCodes { get; set; } = [];

    public string Slug => context.Slug;

    public Contract Contract { get; private set; } = null!;

    public IReadOnlyList<WardQueries.Listed> All { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        AreaCodes = (await ContractWards.OfAsync(db, contractId, cancellationToken)).Select(w => w.Code).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contractId, cancellationToken))
        {
            return NotFound();
        }

        var wards = await ContractWards.WardIdsAsync(db, context.Id, AreaCodes, cancellationToken);
        if (wards.Count != AreaCodes.Distinct().Count())
        {
            AddError("ward-0", "Choose wards from the list");
            return Page();
        }

        var tracked = await db.Contracts.SingleAsync(c => c.Id == contractId, cancellationToken);
        var done = await set.HandleAsync(tracked, wards.Values.ToList(), cancellationToken);
        if (!done.Succeeded)
        {
            AddError("ward-0", done.Errors!.ByField.First().Value[0]);
            return Page();
        }

        return Redirect($"/o/{Slug}/contracts/{contractId}#wards");
    }

    private async Task<bool> LoadAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.FindAsync(db, context.Id, contractId, cancellationToken) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        All = await WardQueries.ListAsync(db, context.Id, cancellationToken);
        return true;
    }
}
