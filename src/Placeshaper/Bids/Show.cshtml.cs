using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Bids;

/// <summary>One opened bid for the buyer and panel: its prices, answers, commitments and documents.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.Evaluator)]
public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db, Access.Viewer viewer, SealedBids sealedBids) : TenderPage(context, db)
{
    public SealedBids.Opened Opened { get; private set; } = null!;

    public string Bidder { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken) =>
        await ReadAsync(tenderId, bidId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetDocumentAsync(Guid tenderId, Guid bidId, int number, CancellationToken cancellationToken)
    {
        if (await ReadAsync(tenderId, bidId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var documents = Opened.Content.Documents;
        return number < 1 || number > documents.Count ? NotFound() : File(documents[number - 1].Content, documents[number - 1].ContentType, documents[number - 1].FileName);
    }

    private async Task<IActionResult?> ReadAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken)
    {
        var bid = await LoadAsync(tenderId, cancellationToken) ? await Db.Bids.FindAsync([bidId], cancellationToken) : null;
        if (bid is null || bid.TenderId != tenderId)
        {
            return NotFound();
        }

        var (read, opened) = await sealedBids.ReadAsync(Tender, bid, viewer.PersonId!.Value, cancellationToken);
        if (read != SealedRead.Allowed || opened is null)
        {
            return read switch
            {
                SealedRead.TooEarly => StatusCode(StatusCodes.Status403Forbidden),
                SealedRead.NotOpened => Redirect($"{Home}/bids"),
                SealedRead.NotDeclared => Redirect($"{Home}/evaluation#declaration"),
                _ => NotFound(),
            };
        }

        Opened = opened;
        Bidder = (await BidViews.BiddersAsync(Db, [bid.ProviderId], cancellationToken)).GetValueOrDefault(bid.ProviderId, "");
        return null;
    }
}
