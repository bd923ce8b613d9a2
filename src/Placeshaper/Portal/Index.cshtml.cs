using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Tenders;

namespace Placeshaper.Portal;

/// <summary>The supplier portal's front page: the buyer's published tenders and where the provider's bids stand.</summary>
[RequiresRole(Role.Provider)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    public IReadOnlyList<Tender> Tenders { get; private set; } = [];

    public IReadOnlySet<Guid> Bidding { get; private set; } = new HashSet<Guid>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return new Exports.Table("tenders", ["reference", "title", "kind", "estimated_value_gbp_incl_vat", "submission_deadline", "open_for_bids", "your_bid"],
            Tenders.Select(t => (IReadOnlyList<object?>)[t.Reference, t.Title, Describe.Of(t.Kind), t.EstimatedValue, t.SubmissionDeadline, t.IsOpenForBids(Now) ? "yes" : "no", Bidding.Contains(t.Id) ? "submitted" : ""]).ToList())
            .ToFile(format);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tenders = await PortalQueries.PublishedAsync(db, context.Id, cancellationToken);
        Bidding = await PortalQueries.LiveBidsAsync(db, context.Current.ProviderId!.Value, cancellationToken);
    }
}
