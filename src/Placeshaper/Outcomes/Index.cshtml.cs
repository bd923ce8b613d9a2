using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Outcomes;

public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public string Slug => context.Slug;

    public string OrganisationName => context.Current.Name;

    public IReadOnlyList<OutcomeQueries.ThemeView> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Themes = await OutcomeQueries.FrameworkAsync(db, context.Id, cancellationToken);
}
