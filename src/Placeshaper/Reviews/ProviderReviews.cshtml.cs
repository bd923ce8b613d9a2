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

    /// <summary>The one service the page is about (<c>?service=</c>, a contract), or null for all the provider's services.</summary>
    public ReviewQueries.Service? Chosen { get; private set; }

    /// <summary>Each of the provider's services with the rating of its own reviews.</summary>
    public IReadOnlyList<(ReviewQueries.Service Service, RatingSummary Rating)> ByService { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string organisation, Guid providerId, Guid? service, CancellationToken cancellationToken)
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
        if (service is { } chosen && (Chosen = Services.FirstOrDefault(s => s.ContractId == chosen)) is null)
        {
            return NotFound();
        }

        var all = await ReviewQueries.PublishedAsync(db, found.Id, providerId, cancellationToken);
        ByService = Services.Select(s => (s, RatingSummary.Of(all.Where(r => r.ContractId == s.ContractId).Select(r => r.Scores).ToList()))).ToList();
        Reviews = Chosen is null ? all : all.Where(r => r.ContractId == Chosen.ContractId).ToList();
        Rating = Chosen is null ? await ReviewQueries.SummaryAsync(db, found.Id, providerId, cancellationToken) : ByService.Single(b => b.Service == Chosen).Rating;
        StarsChart = SvgCharts.Bars("stars", $"Reviews of {ProviderName} by overall rating", "reviews",
            Enumerable.Range(1, 5).Reverse().Select(s => new SvgCharts.Bar(Stars.Of(s), Rating.Stars[s - 1], false)).ToList(), "ratings");
        return Page();
    }
}
