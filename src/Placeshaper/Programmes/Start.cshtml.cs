using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Programmes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class StartModel(OrganisationContext context, PlaceshaperDb db, StartProgramme start) : FormPage
{
    public sealed record OrganisationOption(string Slug, string Name);

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public List<string> Partners { get; set; } = [];

    public string Slug => context.Slug;

    public IReadOnlyList<OrganisationOption> OtherOrganisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await start.HandleAsync(context.Id, new StartProgramme.Command(Name, Summary, Partners), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/programmes/{result.Value.Id}");
    }

    // Organisation names are directory information: listing them lets a commissioner choose partners.
    private async Task LoadAsync(CancellationToken cancellationToken) =>
        OtherOrganisations = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id != context.Id)
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Slug, o.Name))
            .ToListAsync(cancellationToken);
}
