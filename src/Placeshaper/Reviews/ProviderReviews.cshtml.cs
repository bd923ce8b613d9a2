using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Shared.Charts;

namespace Placeshaper.Reviews;

/// <summary>One provider's rating, the spread of its stars, and every published review with the provider's replies.</summary>
[AllowAnonymous]
public sealed class ProviderReviewsModel(PlaceshaperDb db) : PageModel
{
    public PublicOrganisation Organisation { get; private set; } = null!;

    public string ProviderName { get; private set; } = "";

    public Guid ProviderId { get; private set; }

    public RatingSummary Rating { get; private set; } = null!;

    public IReadOnlyList<ReviewQueries.Service> Services { get; private set; } = [];

    public IReadOnlyList<ReviewQueries.Published> Reviews { get; private set; } = [];

    public string StarsChart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string organisation, Guid providerId, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Services = await ReviewQueries.ServicesAsync(db, found.Id, providerId, cancellationToken);
        if (Services.Count == 0)
        {
            return NotFound();
        }

        (Organisation, ProviderId) = (found, providerId);
        ProviderName = await db.Providers.IgnoreQueryFilters().Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(cancellationToken);
        Rating = await ReviewQueries.SummaryAsync(db, found.Id, providerId, cancellationToken);
        Reviews = await ReviewQueries.PublishedAsync(db, found.Id, providerId, cancellationToken);
        StarsChart = SvgCharts.Bars("stars", $"Reviews of {ProviderName} by overall rating", "reviews",
            Enumerable.Range(1, 5).Reverse().Select(s => new SvgCharts.Bar(Stars.Of(s), Rating.Stars[s - 1], false)).ToList(), "ratings");
        return Page();
    }
}
