using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Providers;

namespace Placeshaper.Public;

public sealed class IndexModel(Viewer viewer, PlaceshaperDb db) : PageModel
{
    public sealed record Registration(string Organisation, string Supplier, RegistrationStatus Status, string Reason);

    public bool SignedIn => viewer.IsSignedIn;

    /// <summary>A signed-in person who belongs to no organisation yet: their supplier registrations, if any.</summary>
    public IReadOnlyList<Registration> Registrations { get; private set; } = [];

    public sealed record PublicLink(string Slug, string Name);

    public IReadOnlyList<PublicLink> Public { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (viewer.Organisations.Count > 0)
        {
            return Redirect("/o/" + viewer.Organisations[0].Slug);
        }

        if (viewer.PersonId is { } personId)
        {
            // Their own registrations only; the organisation filter would hide them from someone who belongs to none.
            Registrations = await db.SupplierRegistrations.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.PersonId == personId)
                .Join(db.Organisations.IgnoreQueryFilters(), r => r.OrganisationId, o => o.Id, (r, o) => new { r, o.Name })
                .OrderByDescending(x => x.r.SubmittedAt)
                .Select(x => new Registration(x.Name, x.r.SupplierName, x.r.Status, x.r.Reason))
                .ToListAsync(cancellationToken);
        }

        // Residents' ways in: each organisation's reviews of the services it commissions, and its "tell us" form.
        Public = await db.Organisations.IgnoreQueryFilters().AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new PublicLink(o.Slug, o.Name)).ToListAsync(cancellationToken);
        return Page();
    }
}
