using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Data;

namespace Placeshaper.Reviews;

/// <summary>The public directory of the providers an organisation commissions, ranked by what residents say of them.</summary>
[AllowAnonymous]
public sealed class DirectoryModel(PlaceshaperDb db) : PageModel
{
    public PublicOrganisation Organisation { get; private set; } = null!;

    public IReadOnlyList<ReviewQueries.RatedProvider> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string organisation, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Organisation = found;
        Providers = await ReviewQueries.DirectoryAsync(db, found.Id, cancellationToken);
        return Page();
    }
}
