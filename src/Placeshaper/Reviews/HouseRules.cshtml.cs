using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Data;

namespace Placeshaper.Reviews;

[AllowAnonymous]
public sealed class HouseRulesModel(PlaceshaperDb db) : PageModel
{
    public PublicOrganisation Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string organisation, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Organisation = found;
        return Page();
    }
}
