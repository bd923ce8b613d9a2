using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Portal;
using Placeshaper.Tenders;

namespace Placeshaper.Clarifications;

/// <summary>
/// Clarification questions and answers. Bidders ask through the portal and read every published answer, plus their own
/// questions; the buyer answers (published to every bidder), declines (the reason goes to the asker alone) or publishes
/// a clarification of its own. No response names who asked.
/// </summary>
public static class ClarificationsApi
{
    public sealed record AskRequest(string? Question);

    public sealed record OwnRequest(string? Question, string? Answer);

    public sealed record AnswerRequest(string? PublishedQuestion, string? Answer);

    public sealed record DeclineRequest(string? Reason);

    /// <summary>What a bidder reads: every published clarification, its own questions, and until when it may ask.</summary>
    public sealed record PortalList(
        IReadOnlyList<ClarificationQueries.Published> Published, IReadOnlyList<ClarificationQueries.Mine> Mine, DateTime? QuestionsClose, bool TakingQuestions);

    /// <summary>One clarification as a bidder reads it: published (in the published wording) or its own question.</summary>
    public sealed record PortalView(Guid Id, ClarificationStatus Status, string Question, string? Answer, DateTime? PublishedAt, string? DeclineReason);

    public static void Map(RouteGroupBuilder organisation)
    {
        var portal = organisation.MapGroup("/portal/tenders/{tenderId:guid}/clarifications").WithTags("Supplier portal").WithMetadata(new RequiresRoleAttribute(Role.Provider));
        portal.MapGet("/", PortalListAsync).WithName("PortalClarifications").WithSummary("Every published clarification, newest first, and your own questions with what became of them");
        portal.MapGet("/{clarificationId:guid}", PortalGetAsync).WithName("PortalClarification")
            .WithSummary("A published clarification, or one of your questions; another bidder's unanswered question is not found");
        portal.MapPost("/", AskAsync).WithName("AskClarification")
            .WithSummary("Ask a question before the clarification deadline (409 after it). Who asked is never shown to other bidders or the buyer.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var buyer = organisation.MapGroup("/tenders/{tenderId:guid}/clarifications").WithTags("Clarifications").WithMetadata(new RequiresRoleAttribute(Roles.Officers));
        var buyers = new RequiresRoleAttribute(TendersApi.Buyers);
        buyer.MapGet("/", ListAsync).WithName("ListClarifications").WithSummary("Questions awaiting an answer (oldest first), then answered and declined ones; the asker is never named");
        buyer.MapPost("/", PublishOwnAsync).WithName("PublishClarification")
            .WithSummary("Publish a clarification of the buyer's own to every bidder at once, until the deadline for bids").WithMetadata(buyers)
            .ProducesProblem(StatusCodes.Status409Conflict);
        buyer.MapPost("/{clarificationId:guid}/answer", AnswerAsync).WithName("AnswerClarification")
            .WithSummary("Answer a question and publish it to every bidder, optionally with the question reworded so it does not identify the asker; until the deadline for bids")
            .WithMetadata(buyers).ProducesProblem(StatusCodes.Status409Conflict);
        buyer.MapPost("/{clarificationId:guid}/decline", DeclineAsync).WithName("DeclineClarification")
            .WithSummary("Decline to answer, with a reason told to the asker alone").WithMetadata(buyers).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PortalList>, ProblemHttpResult>> PortalListAsync(Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        return TypedResults.Ok(await ForProviderAsync(db, tender, organisation.Current.ProviderId!.Value, cancellationToken));
    }

    public static async Task<PortalList> ForProviderAsync(PlaceshaperDb db, Tender tender, Guid providerId, CancellationToken cancellationToken) => new(
        await ClarificationQueries.PublishedAsync(db, tender.Id, cancellationToken),
        await ClarificationQueries.MineAsync(db, tender.Id, providerId, cancellationToken),
        tender.ClarificationDeadline ?? tender.SubmissionDeadline,
        Clarification.WhyQuestionsAreClosed(tender, db.Clock.GetUtcNow().UtcDateTime) is null);

    private static async Task<Results<Ok<PortalView>, ProblemHttpResult>> PortalGetAsync(
        Guid tenderId, Guid clarificationId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender
            || await ClarificationQueries.FindForProviderAsync(db, tender.Id, organisation.Current.ProviderId!.Value, clarificationId, cancellationToken) is not { } c)
        {
            return Problems.NotFound("Clarification");
        }

        return TypedResults.Ok(c.IsPublished
            ? new PortalView(c.Id, c.Status, c.PublishedQuestion, c.Answer, c.AnsweredAt, null)
            : new PortalView(c.Id, c.Status, c.Question, null, null, c.Status == ClarificationStatus.Declined ? c.DeclineReason : null));
    }

    private static async Task<Results<Created<ClarificationQueries.Mine>, ValidationProblem, ProblemHttpResult>> AskAsync(
        Guid tenderId, AskRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, Clarify clarify, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var outcome = await clarify.AskAsync(tender, organisation.Current.ProviderId!.Value, viewer.PersonId!.Value, request.Question, cancellationToken);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.Conflict(refusal),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/portal/tenders/{tender.Id}/clarifications/{outcome.Clarification!.Id}", ClarificationQueries.OfMine(outcome.Clarification)),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<ClarificationQueries.ForBuyer>>, ProblemHttpResult>> ListAsync(
        Guid tenderId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is { } tender
            ? TypedResults.Ok(await ClarificationQueries.ForBuyerAsync(db, tender.Id, cancellationToken))
            : Problems.NotFound("Tender");

    private static async Task<Results<Created<ClarificationQueries.ForBuyer>, ValidationProblem, ProblemHttpResult>> PublishOwnAsync(
        Guid tenderId, OwnRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, Clarify clarify, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender)
        {
            return Problems.NotFound("Tender");
        }

        var outcome = await clarify.PublishOwnAsync(tender, viewer.PersonId!.Value, request.Question, request.Answer, cancellationToken);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.Conflict(refusal),
            { Errors: { } errors } => Problems.Validation(errors),
            _ => TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/tenders/{tender.Id}/clarifications", ClarificationQueries.OfBuyer(outcome.Clarification!)),
        };
    }

    private static async Task<Results<Ok<ClarificationQueries.ForBuyer>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid tenderId, Guid clarificationId, AnswerRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, Clarify clarify, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender
            || await ClarificationQueries.FindAsync(db, tender.Id, clarificationId, cancellationToken) is not { } clarification)
        {
            return Problems.NotFound("Clarification");
        }

        return Map(await clarify.AnswerAsync(tender, clarification, viewer.PersonId!.Value, request.PublishedQuestion, request.Answer, cancellationToken));
    }

    private static async Task<Results<Ok<ClarificationQueries.ForBuyer>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        Guid tenderId, Guid clarificationId, DeclineRequest request, PlaceshaperDb db, OrganisationContext organisation, Viewer viewer, Clarify clarify, CancellationToken cancellationToken)
    {
        if (await TenderQueries.FindAsync(db, organisation.Id, tenderId, cancellationToken) is not { } tender
            || await ClarificationQueries.FindAsync(db, tender.Id, clarificationId, cancellationToken) is not { } clarification)
        {
            return Problems.NotFound("Clarification");
        }

        return Map(await clarify.DeclineAsync(tender, clarification, viewer.PersonId!.Value, request.Reason, cancellationToken));
    }

    private static Results<Ok<ClarificationQueries.ForBuyer>, ValidationProblem, ProblemHttpResult> Map(Clarify.Outcome outcome) => outcome switch
    {
        { Refusal: { } refusal } => Problems.Conflict(refusal),
        { Errors: { } errors } => Problems.Validation(errors),
        _ => TypedResults.Ok(ClarificationQueries.OfBuyer(outcome.Clarification!)),
    };
}
