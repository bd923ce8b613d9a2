using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Organisations;

namespace Placeshaper.Calculators;

public sealed class IndexModel(OrganisationContext context) : PageModel
{
    public string Slug => context.Slug;
}
