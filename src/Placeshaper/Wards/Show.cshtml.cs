using Microsoft.AspNetCore.Mvc;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Scrutiny;
using Placeshaper.Shared;

namespace Placeshaper.Wards;

/// <summary>A councillor's ward view, made from live data.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public bool CanAsk => context.Current.HasAny(ScrutinyAccess.Askers);

    public WardQueries.Ward Ward { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string areaCode, CancellationToken cancellationToken)
    {
        if (await WardQueries.WardAsync(db, context.Id, areaCode, cancellationToken) is not { } ward)
        {
            return NotFound();
        }

        Ward = ward;
        return Page();
    }
}
