using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

// Suppliers' users never read the buyer's programmes and pooled money (Roles.Officers).
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    public string Slug => context.Slug;

    public bool CanStart => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    public IReadOnlyList<ProgrammeQueries.Listed> Programmes { get; private set; } = [];

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        var programmes = await ProgrammeQueries.ForOrganisationAsync(db, context.Id, cancellationToken);
        return new Exports.Table("programmes", ["programme", "lead", "your_role", "stages"],
            programmes.Select(p => (IReadOnlyList<object?>)[p.Name, p.LeadName, p.Role.ToString(), string.Join("; ", p.Stages.Select(s => s.Describe()))]).ToList()).ToFile(format);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Programmes = await ProgrammeQueries.ForOrganisationAsync(db, context.Id, cancellationToken);
}
