using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public string Slug => context.Slug;

    public bool CanStart => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    public IReadOnlyList<ProgrammeQueries.Listed> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Programmes = await ProgrammeQueries.ForOrganisationAsync(db, context.Id, cancellationToken);
}
