using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Audit;

[RequiresRole(Role.Administrator)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public string OrganisationName => context.Current.Name;

    public Paged<AuditQueries.Row> Entries { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(int? page, bool verify, CancellationToken cancellationToken)
    {
        var paging = new Paging(Math.Max(1, page ?? 1), Paging.DefaultSize);
        Entries = await paging.ApplyAsync(AuditQueries.ForOrganisation(db, context.Id), cancellationToken);
        if (verify)
        {
            Verification = await AuditQueries.VerifyAsync(db, cancellationToken);
        }
    }
}
