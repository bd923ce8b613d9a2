using Microsoft.AspNetCore.Mvc;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Portal;

/// <summary>A published tender as bidders see it, with the provider's own bid: its receipt before the deadline, its content after.</summary>
[RequiresRole(Role.Provider)]
public sealed class TenderModel(OrganisationContext context, PlaceshaperDb db, SubmitBid submit, SealedBids sealedBids) : FormPage
{
    public string Slug => context.Slug;

    public DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    public Tenders.Tender Tender { get; private set; } = null!;

    public Bid? MyBid { get; private set; }

    /// <summary>What the live bid said, shown to its bidder once the deadline has passed.</summary>
    public BidContent? MyContent { get; private set; }

    public bool Withdrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, bool withdrawn, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        Withdrawn = withdrawn;
        if (MyBid is not null && !Tender.BidsAreSealed(Now))
        {
            MyContent = (await sealedBids.ReadAsync(Tender, MyBid, readerId: null, cancellationToken)).Bid?.Content;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        if (MyBid is null)
        {
            AddError("withdraw", "You have no bid in for this tender.");
            return Page();
        }

        if ((await submit.WithdrawAsync(Tender, MyBid, cancellationToken)).Refusal is { } refusal)
        {
            AddError("withdraw", refusal);
            return Page();
        }

        return Redirect($"/o/{Slug}/portal/tenders/{Tender.Id}?withdrawn=true");
    }

    private async Task<bool> LoadAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, context.Id, tenderId, cancellationToken) is not { } tender)
        {
            return false;
        }

        Tender = tender;
        MyBid = await PortalQueries.LiveBidAsync(db, tender.Id, context.Current.ProviderId!.Value, cancellationToken);
        return true;
    }
}
