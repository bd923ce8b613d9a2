using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Bids;

/// <summary>
/// The buyer's side of bids. Before the deadline officers learn only how many bids are in; after it, a buyer opens the
/// bids (recorded) and the panel reads them. Every read goes through <see cref="SealedBids"/>.
/// </summary>
public static class BidsApi
{
    /// <summary>Who reads opened bids: the buyers running the tender and the evaluation panel; not councillors or finance.</summary>
    public static readonly Role[] Readers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.Evaluator];

    public sealed record Received(int Bids, DateTime? Deadline, bool Sealed, DateTime? OpenedAt);

    public static void Map(RouteGroupBuilder organisation)
    {
        var bids = organisation.MapGroup("/tenders/{tenderId:guid}/bids").WithTags("Bids").WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        var readers = new RequiresRoleAttribute(Readers);
        bids.MapGet("/received", ReceivedAsync).WithName("BidsReceived").WithSummary("How many live bids are in, and whether they are still sealed: never who or what");
        bids.MapPost("/open", OpenAsync).WithName("OpenBids").WithSummary("Open the bids once the deadline has passed; recorded in the audit trail. Early: 403, recorded.")
            .WithMetadata(new RequiresRoleAttribute(TendersApi.Buyers));
        bids.MapGet("/", ListAsync).WithName("ListBids").WithSummary("The opened bids with their prices, answers and commitments. Before the deadline: 403, recorded.")
            .WithMetadata(readers).ProducesProblem(StatusCodes.Status409Conflict);
        bids.MapGet("/{bidId:guid}", GetAsync).WithName("GetBid").WithSummary("One opened bid. Before the deadline: 403, recorded.")
            .WithMetadata(readers).ProducesProblem(StatusCodes.Status409Conflict);
        bids.MapGet("/{bidId:guid}/documents/{number:int}", DocumentAsync).WithName("GetBidDocument").WithSummary("A document attached to an opened bid. Before the deadline: 403, recorded.")
            .WithMetadata(readers).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Received>, ProblemHttpResult>> ReceivedAsync(Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId && t.OrganisationId == organisation.Id, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var count = await db.Bids.CountAsync(b => b.TenderId == tender.Id && b.Status == BidStatus.Submitted, cancellationToken);
        return TypedResults.Ok(new Received(count, tender.SubmissionDeadline, tender.BidsAreSealed(db.Clock.GetUtcNow().UtcDateTime), tender.BidsOpenedAt));
    }

    private static async Task<Results<Ok<Received>, ProblemHttpResult>> OpenAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SealedBids sealedBids, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        if (await sealedBids.OpenAsync(tender, viewer.PersonId!.Value, cancellationToken) != SealedRead.Allowed)
        {
            return BidProblems.Sealed(tender);
        }

        var count = await db.Bids.CountAsync(b => b.TenderId == tender.Id && b.Status == BidStatus.Submitted, cancellationToken);
        return TypedResults.Ok(new Received(count, tender.SubmissionDeadline, false, tender.BidsOpenedAt));
    }

    private static async Task<Results<Ok<IReadOnlyList<BidViews.OpenedView>>, ProblemHttpResult>> ListAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SealedBids sealedBids, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var (read, opened) = await sealedBids.ReadAllAsync(tender, viewer.PersonId!.Value, cancellationToken);
        if (Refused(read, tender) is { } refused)
        {
            return refused;
        }

        var bidders = await BidViews.BiddersAsync(db, opened.Select(o => o.Bid.ProviderId), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BidViews.OpenedView>>(opened.Select(o => BidViews.Of(o, bidders)).ToList());
    }

    private static async Task<Results<Ok<BidViews.OpenedView>, ProblemHttpResult>> GetAsync(
        Guid tenderId, Guid bidId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SealedBids sealedBids, CancellationToken cancellationToken)
    {
        var (tender, opened, refused) = await ReadOneAsync(tenderId, bidId, db, organisation, viewer, sealedBids, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.Ok(BidViews.Of(opened!, await BidViews.BiddersAsync(db, [opened!.Bid.ProviderId], cancellationToken)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DocumentAsync(
        Guid tenderId, Guid bidId, int number, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SealedBids sealedBids, CancellationToken cancellationToken)
    {
        var (_, opened, refused) = await ReadOneAsync(tenderId, bidId, db, organisation, viewer, sealedBids, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var documents = opened!.Content.Documents;
        return number < 1 || number > documents.Count
            ? Problems.NotFound("Document")
            : TypedResults.File(documents[number - 1].Content, documents[number - 1].ContentType, documents[number - 1].FileName);
    }

    /// <summary>A bid of the tender, read through the seal; a withdrawn or replaced bid has nothing left to read.</summary>
    private static async Task<(Tender? Tender, SealedBids.Opened? Opened, ProblemHttpResult? Refused)> ReadOneAsync(
        Guid tenderId, Guid bidId, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SealedBids sealedBids, CancellationToken cancellationToken)
    {
        var tender = await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken);
        var bid = tender is null ? null : await db.Bids.SingleOrDefaultAsync(b => b.Id == bidId && b.TenderId == tender.Id, cancellationToken);
        if (tender is null || bid is null)
        {
            return (tender, null, Problems.NotFound("Bid"));
        }

        var (read, opened) = await sealedBids.ReadAsync(tender, bid, viewer.PersonId!.Value, cancellationToken);
        return Refused(read, tender) is { } refused ? (tender, null, refused)
            : opened is null ? (tender, null, Problems.NotFound("Bid"))
            : (tender, opened, null);
    }

    private static ProblemHttpResult? Refused(SealedRead read, Tender tender) => read switch
    {
        SealedRead.TooEarly => BidProblems.Sealed(tender),
        SealedRead.NotOpened => BidProblems.NotOpened(),
        SealedRead.NotDeclared => BidProblems.NotDeclared(),
        _ => null,
    };
}
