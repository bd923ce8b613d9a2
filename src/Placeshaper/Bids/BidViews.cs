using Placeshaper.Tenders;

namespace Placeshaper.Bids;

/// <summary>How bids read through the API, for bidders and for the buyer once opened.</summary>
public static class BidViews
{
    /// <summary>Bids are submitted as JSON with documents in base64: 10 MB of files grows by a third, plus answers.</summary>
    public const long MaxBidRequestBytes = 16L * 1024 * 1024;

    public sealed record ReceiptView(Guid Id, Guid TenderId, string TenderReference, BidStatus Status, DateTime SubmittedAt, DateTime? ClosedAt, string Receipt);

    public sealed record DocumentView(int Number, string FileName, string ContentType, long Bytes);

    public sealed record ContentView(
        IReadOnlyList<BidContent.LotPrice> Prices, IReadOnlyList<BidContent.Answer> Answers, IReadOnlyList<BidContent.Commitment> Commitments, IReadOnlyList<DocumentView> Documents);

    public sealed record OpenedView(Guid Id, Guid ProviderId, string Bidder, DateTime SubmittedAt, string Receipt, decimal TotalPrice, ContentView Content);

    public static ReceiptView Of(Bid bid, string tenderReference) =>
        new(bid.Id, bid.TenderId, tenderReference, bid.Status, bid.SubmittedAt, bid.ClosedAt, bid.Receipt);

    public static ContentView Of(BidContent content) => new(
        content.Prices, content.Answers, content.Commitments,
        content.Documents.Select((d, i) => new DocumentView(i + 1, d.FileName, d.ContentType, d.Content.LongLength)).ToList());

    public static OpenedView Of(SealedBids.Opened opened, IReadOnlyDictionary<Guid, string> bidders) => new(
        opened.Bid.Id, opened.Bid.ProviderId, bidders.GetValueOrDefault(opened.Bid.ProviderId, "Unknown provider"), opened.Bid.SubmittedAt, opened.Bid.Receipt,
        opened.Content.Prices.Sum(p => p.Price), Of(opened.Content));

    public static Task<IReadOnlyDictionary<Guid, string>> BiddersAsync(Data.PlaceshaperDb db, IEnumerable<Guid> providerIds, CancellationToken cancellationToken) =>
        BidQueries.BiddersAsync(db, providerIds, cancellationToken);

    public static string LotName(Tender tender, Guid? lotId) =>
        lotId is null ? "Whole contract" : tender.Lots.FirstOrDefault(l => l.Id == lotId) is { } lot ? $"Lot {lot.Number}: {lot.Title}" : "Unknown lot";
}
