using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Data;

namespace Placeshaper.Organisations;

public sealed class OverviewModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public ViewerOrganisation Organisation => context.Current;

    public int People { get; private set; }

    public int Providers { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        People = await db.Memberships.Where(m => m.OrganisationId == context.Id).Select(m => m.PersonId).Distinct().CountAsync(cancellationToken);
        Providers = await db.Providers.CountAsync(p => p.OrganisationId == context.Id, cancellationToken);
    }
}
