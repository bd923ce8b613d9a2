using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Portal;

/// <summary>
/// The supplier portal: a provider's users see the organisation's published tenders, submit, replace and withdraw
/// their own sealed bids, and read their own bids back only once the deadline has passed. They never see another
/// provider's bid, not even that it exists.
/// </summary>
public static class PortalApi
{
    public sealed record TenderSummary(Guid Id, string Reference, string Title, ContractKind Kind, decimal EstimatedValue, DateTime? SubmissionDeadline, bool OpenForBids, BidStatus? MyBid);

    public sealed record TenderView(
        Guid Id, string Reference, string Title, string Description, ContractKind Kind, decimal EstimatedValue, Tenders.Route Route,
        decimal PriceWeight, decimal QualityWeight, decimal SocialValueWeight, int MaxScore,
        IReadOnlyList<TendersApi.QuestionView> Questions, IReadOnlyList<TendersApi.LotView> Lots, bool SuitableForSme, bool SuitableForVcse,
        DateTime? ClarificationDeadline, DateTime? SubmissionDeadline, bool OpenForBids, BidViews.ReceiptView? MyBid);

    public static void Map(RouteGroupBuilder organisation)
    {
        var portal = organisation.MapGroup("/portal").WithTags("Supplier portal").WithMetadata(new RequiresRoleAttribute(Role.Provider));
        portal.MapGet("/tenders", ListAsync).WithName("PortalTenders").WithSummary("Published tenders, and whether you have a live bid in each");
        portal.MapGet("/tenders/{tenderId:guid}", GetAsync).WithName("PortalTender").WithSummary("A published tender as bidders see it: lots, questions, weights, deadlines and your bid's receipt");
        portal.MapPost("/tenders/{tenderId:guid}/bids", SubmitAsync).WithName("SubmitBid")
            .WithSummary("Submit a sealed bid before the deadline; a second submission replaces the first. Documents are base64.")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(BidViews.MaxBidRequestBytes))
            .ProducesProblem(StatusCodes.Status409Conflict);
        portal.MapGet("/tenders/{tenderId:guid}/assessment-summary", SummaryAsync).WithName("MyAssessmentSummary")
            .WithSummary("Once an award is decided: your bid's scores against the winner's, answer by answer, with the panel's reasons");
        portal.MapGet("/bids", MineAsync).WithName("MyBids").WithSummary("Your bids' receipts, live, replaced and withdrawn");
        portal.MapGet("/bids/{bidId:guid}", ReceiptAsync).WithName("MyBid").WithSummary("One of your bids' receipt");
        portal.MapGet("/bids/{bidId:guid}/content", ContentAsync).WithName("MyBidContent")
            .WithSummary("What your bid said: sealed, even from you, until the deadline (403, recorded)");
        portal.MapPost("/bids/{bidId:guid}/withdraw", WithdrawAsync).WithName("WithdrawBid").WithSummary("Withdraw your bid before the deadline; its sealed content is erased")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<TenderSummary>>> ListAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var tenders = await PortalQueries.PublishedAsync(db, organisation.Id, cancellationToken);
        var mine = await PortalQueries.LiveBidsAsync(db, organisation.Current.ProviderId!.Value, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TenderSummary>>(tenders
            .Select(t => new TenderSummary(t.Id, t.Reference, t.Title, t.Kind, t.EstimatedValue, t.SubmissionDeadline, t.IsOpenForBids(now), mine.Contains(t.Id) ? BidStatus.Submitted : null))
            .ToList());
    }

    private static async Task<Results<Ok<TenderView>, ProblemHttpResult>> GetAsync(Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var bid = await PortalQueries.LiveBidAsync(db, tender.Id, organisation.Current.ProviderId!.Value, cancellationToken);
        return TypedResults.Ok(View(tender, bid, db.Clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Created<BidViews.ReceiptView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid tenderId, BidContent.Input request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, SubmitBid submit, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var outcome = await submit.SubmitAsync(tender, organisation.Current.ProviderId!.Value, viewer.PersonId!.Value, request, cancellationToken);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.Conflict(refusal),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/portal/bids/{outcome.Bid!.Id}", BidViews.Of(outcome.Bid, tender.Reference)),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<Evaluation.AssessmentSummaries.Summary>>, ProblemHttpResult>> SummaryAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var bid = await PortalQueries.LiveBidAsync(db, tender.Id, organisation.Current.ProviderId!.Value, cancellationToken);
        return TypedResults.Ok(bid is null ? [] : await Evaluation.AssessmentSummaries.ForAsync(db, tender, bid.Id, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<BidViews.ReceiptView>>> MineAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PortalQueries.MyBidsAsync(db, organisation.Id, organisation.Current.ProviderId!.Value, cancellationToken));

    private static async Task<Results<Ok<BidViews.ReceiptView>, ProblemHttpResult>> ReceiptAsync(Guid bidId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await PortalQueries.FindMineAsync(db, organisation.Id, organisation.Current.ProviderId!.Value, bidId, cancellationToken) is { } mine
            ? TypedResults.Ok(BidViews.Of(mine.Bid, mine.Tender.Reference))
            : Problems.NotFound("Bid");

    private static async Task<Results<Ok<BidViews.ContentView>, ProblemHttpResult>> ContentAsync(
        Guid bidId, PlaceshaperDb db, OrganisationContext organisation, SealedBids sealedBids, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindMineAsync(db, organisation.Id, organisation.Current.ProviderId!.Value, bidId, cancellationToken) is not { } mine)
        {
            return Problems.NotFound("Bid");
        }

        var (read, opened) = await sealedBids.ReadAsync(mine.Tender, mine.Bid, readerId: null, cancellationToken);
        return read != SealedRead.Allowed ? BidProblems.Sealed(mine.Tender)
            : opened is null ? Problems.Conflict("This bid was withdrawn or replaced: its sealed content was erased.")
            : TypedResults.Ok(BidViews.Of(opened.Content));
    }

    private static async Task<Results<Ok<BidViews.ReceiptView>, ProblemHttpResult>> WithdrawAsync(
        Guid bidId, PlaceshaperDb db, OrganisationContext organisation, SubmitBid submit, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindMineAsync(db, organisation.Id, organisation.Current.ProviderId!.Value, bidId, cancellationToken) is not { } mine)
        {
            return Problems.NotFound("Bid");
        }

        var outcome = await submit.WithdrawAsync(mine.Tender, mine.Bid, cancellationToken);
        return outcome.Refusal is { } refusal ? Problems.Conflict(refusal) : TypedResults.Ok(BidViews.Of(mine.Bid, mine.Tender.Reference));
    }

    public static TenderView View(Tender t, Bid? bid, DateTime now) => new(
        t.Id, t.Reference, t.Title, t.Description, t.Kind, t.EstimatedValue, t.Route, t.PriceWeight, t.QualityWeight, t.SocialValueWeight, Tender.MaxScore,
        t.Questions.OrderBy(q => q.Order).Select(q => new TendersApi.QuestionView(q.Id, q.Kind, q.Text, q.Weight, q.DescriptorList)).ToList(),
        t.Lots.OrderBy(l => l.Number).Select(l => new TendersApi.LotView(l.Id, l.Number, l.Title, l.EstimatedValue)).ToList(),
        t.SuitableForSme, t.SuitableForVcse, t.ClarificationDeadline, t.SubmissionDeadline, t.IsOpenForBids(now), bid is null ? null : BidViews.Of(bid, t.Reference));
}
