using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Tenders;

namespace Placeshaper.Bids;

/// <summary>
/// A tender's bids for the buyer: before the deadline only how many are in; after it, the action to open them
/// (recorded); once opened, each bid's prices for the evaluation panel.
/// </summary>
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, SealedBids sealedBids) : TenderPage(context, db)
{
    public int Received { get; private set; }

    public bool Sealed => Tender.BidsAreSealed(Now);

    public bool CanOpen => Viewing.HasAny(TendersApi.Buyers) && !Sealed && Tender.BidsOpenedAt is null && Tender.Status == TenderStatus.Published;

    public bool CanRead => Viewing.HasAny(BidsApi.Readers);

    public IReadOnlyList<SealedBids.Opened> Opened { get; private set; } = [];

    public SealedRead Read { get; private set; }

    public IReadOnlyDictionary<Guid, string> Bidders { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        Received = await Db.Bids.CountAsync(b => b.TenderId == Tender.Id && b.Status == BidStatus.Submitted, cancellationToken);
        if (CanRead && !Sealed && Tender.BidsOpenedAt is not null)
        {
            (Read, Opened) = await sealedBids.ReadAllAsync(Tender, viewer.PersonId!.Value, cancellationToken);
            Bidders = await BidViews.BiddersAsync(Db, Opened.Select(o => o.Bid.ProviderId), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        if (!Viewing.HasAny(TendersApi.Buyers))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await sealedBids.OpenAsync(Tender, viewer.PersonId!.Value, cancellationToken) != SealedRead.Allowed)
        {
            AddError("open", $"The bids stay sealed until {Tender.SubmissionDeadline?.ToLocalUkTime() ?? "the deadline"}. This attempt has been recorded.");
            Received = await Db.Bids.CountAsync(b => b.TenderId == Tender.Id && b.Status == BidStatus.Submitted, cancellationToken);
            return Page();
        }

        return Redirect($"{Home}/bids");
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid tenderId, string format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanRead)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var (read, opened) = await sealedBids.ReadAllAsync(Tender, viewer.PersonId!.Value, cancellationToken);
        if (read != SealedRead.Allowed)
        {
            return StatusCode(read == SealedRead.NotOpened ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden);
        }

        var bidders = await BidViews.BiddersAsync(Db, opened.Select(o => o.Bid.ProviderId), cancellationToken);
        var rows = opened.SelectMany(o => o.Content.Prices.Select(p => (IReadOnlyList<object?>)
            [bidders.GetValueOrDefault(o.Bid.ProviderId), BidViews.LotName(Tender, p.LotId), p.Price, o.Bid.SubmittedAt, o.Bid.Receipt])).ToList();
        return new Exports.Table($"{Tender.Reference}-bids", ["bidder", "lot", "price_gbp_incl_vat", "submitted_at", "receipt"], rows).ToFile(format);
    }
}
