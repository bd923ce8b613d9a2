using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Access;

namespace Placeshaper.Public;

public sealed class IndexModel(Viewer viewer) : PageModel
{
    public IActionResult OnGet() =>
        viewer.Organisations.Count > 0 ? Redirect("/o/" + viewer.Organisations[0].Slug) : Page();
}
