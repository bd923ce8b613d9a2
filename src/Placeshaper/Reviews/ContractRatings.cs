using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Reviews;

/// <summary>
/// Residents' ratings beside a contract's KPIs: what the people using the service say, next to what the provider reports.
/// A view component, so that the contract page needs one line to show it.
/// </summary>
public sealed class ContractRatings(PlaceshaperDb db, OrganisationContext context) : ViewComponent
{
    public const int Latest = 3;

    public sealed record Model(string Slug, Guid ProviderId, string Supplier, RatingSummary Provider, RatingSummary Service, IReadOnlyList<ReviewQueries.Published> LatestReviews);

    public async Task<IViewComponentResult> InvokeAsync(Guid contractId, Guid? providerId, string supplier)
    {
        if (providerId is not { } provider)
        {
            return Content("");
        }

        var reviews = await ReviewQueries.PublishedAsync(db, context.Id, provider, HttpContext.RequestAborted);
        var service = await ReviewQueries.PublishedForContractAsync(db, context.Id, contractId, HttpContext.RequestAborted);
        var summary = RatingSummary.Of(reviews.Select(r => r.Scores).ToList());
        return View("/Reviews/_ContractRatings.cshtml",
            new Model(context.Slug, provider, supplier, summary, RatingSummary.Of(service.Select(r => r.Scores).ToList()), service.Take(Latest).ToList()));
    }
}
