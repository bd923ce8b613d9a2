using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Access;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Hosting;
using Placeshaper.Organisations;

namespace Placeshaper.Reviews;

/// <summary>
/// Residents' reviews through the API: the public directory, writing and confirming a review (no account, as on the
/// pages), moderation for officers, and the provider's reply through the portal.
/// </summary>
public static class ReviewsApi
{
    public sealed record ReviewRequest(Guid? ProviderId, Guid? ContractId, int? Quality, int? Reliability, int? Respect, int? Value, string? Comment, string? DisplayName, string? Email, bool AcceptRules);

    public sealed record Accepted(string Message);

    public sealed record ConfirmationRequest(string? Token);

    public sealed record Confirmation(Guid ReviewId, ReviewStatus Status, string? HeldBecause);

    public sealed record ModerationRequest(bool? Publish, string? Note);

    public sealed record ReplyRequest(string? Reply);

    public sealed record ProviderRating(Guid ProviderId, string Name, IReadOnlyList<ReviewQueries.Service> Services, RatingSummary Rating);

    public static void Map(RouteGroupBuilder api, RouteGroupBuilder organisation)
    {
        var open = api.MapGroup("/public/orgs/{organisation}").WithTags("Residents' reviews (public)").AllowAnonymous().RequireRateLimiting(RateLimits.PublicForms);
        open.MapGet("/ratings", DirectoryAsync).WithName("PublicRatings").WithSummary("Providers with their residents' ratings, highest ranking score (Bayesian average) first");
        open.MapGet("/providers/{providerId:guid}/reviews", PublishedForProviderAsync).WithName("PublicReviews").WithSummary("A provider's published reviews and replies");
        open.MapPost("/reviews", WriteAsync).WithName("WriteReview")
            .WithSummary("Write a review; it is published once the writer follows the link emailed to them (202 whatever the address, so the API never tells who has reviewed what)");
        open.MapPost("/reviews/confirmations", ConfirmAsync).WithName("ConfirmReview").WithSummary("Confirm a review with the token from the email: published, or held for a moderator");

        var reviews = organisation.MapGroup("/reviews").WithTags("Residents' reviews")
            .WithMetadata(new RequiresRoleAttribute(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor));
        reviews.MapGet("/", ListAsync).WithName("ListReviews").WithSummary("Published reviews; ?status=HeldForModeration for the moderation queue (commissioners and administrators)");
        reviews.MapGet("/ratings", RatingsAsync).WithName("ReviewRatings").WithSummary("Every reviewed provider's rating summary, with the working of its ranking score");
        reviews.MapPost("/{reviewId:guid}/moderation", ModerateAsync).WithName("ModerateReview").WithSummary("Publish a held review, or reject or remove one naming the house rule it breaks")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));

        var portal = organisation.MapGroup("/portal/reviews").WithTags("Supplier portal").WithMetadata(new RequiresRoleAttribute(Role.Provider));
        portal.MapGet("/", MineAsync).WithName("MyReviews").WithSummary("Your published reviews and your replies; never the reviewers' addresses");
        portal.MapPut("/{reviewId:guid}/reply", ReplyAsync).WithName("ReplyToReview").WithSummary("Publish or change your reply to a review of your services");
    }

    private static async Task<Results<Ok<IReadOnlyList<ProviderRating>>, ProblemHttpResult>> DirectoryAsync(string organisation, PlaceshaperDb db, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return Problems.NotFound("Organisation");
        }

        var directory = await ReviewQueries.DirectoryAsync(db, found.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProviderRating>>(directory.Select(p => new ProviderRating(p.ProviderId, p.Name, p.Services, p.Rating)).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewQueries.Published>>, ProblemHttpResult>> PublishedForProviderAsync(
        string organisation, Guid providerId, PlaceshaperDb db, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found
            || (await ReviewQueries.ServicesAsync(db, found.Id, providerId, cancellationToken)).Count == 0)
        {
            return Problems.NotFound("Provider");
        }

        return TypedResults.Ok(await ReviewQueries.PublishedAsync(db, found.Id, providerId, cancellationToken));
    }

    private static async Task<Results<Accepted<Accepted>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        string organisation, ReviewRequest request, PlaceshaperDb db, WriteReview write, Viewer viewer, HttpContext http, LinkGenerator links, CancellationToken cancellationToken)
    {
        if (await PublicOrganisation.FindAsync(db, organisation, cancellationToken) is not { } found)
        {
            return Problems.NotFound("Organisation");
        }

        var input = new Review.Input(request.ProviderId, request.ContractId, new ReviewRatings(request.Quality, request.Reliability, request.Respect, request.Value),
            request.Comment, request.DisplayName, request.Email, request.AcceptRules);
        var written = await write.SubmitAsync(found.Id, input, http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            token => links.GetUriByPage(http, "/Reviews/Confirm", null, new { organisation = found.Slug, token })!,
            viewer.Find(found.Slug)?.ProviderId, cancellationToken);
        return written.Succeeded
            ? TypedResults.Accepted((string?)null, new Accepted("Check your email: the review is published once its writer follows the link in it."))
            : Problems.Validation(written.Errors);
    }

    private static async Task<Results<Ok<Confirmation>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        string organisation, ConfirmationRequest request, PlaceshaperDb db, WriteReview write, CancellationToken cancellationToken)
    {
        var found = await PublicOrganisation.FindAsync(db, organisation, cancellationToken);
        var attempt = found is null || string.IsNullOrWhiteSpace(request.Token) ? null : await write.ConfirmAsync(request.Token, cancellationToken);
        if (attempt is not { } confirmed || (confirmed.Succeeded && confirmed.Value.OrganisationId != found!.Id))
        {
            return Problems.NotFound("Review with that token");
        }

        return confirmed.Succeeded
            ? TypedResults.Ok(new Confirmation(confirmed.Value.Id, confirmed.Value.Status, confirmed.Value.HeldBecause.Length == 0 ? null : confirmed.Value.HeldBecause))
            : Problems.Validation(confirmed.Errors);
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewQueries.Published>>, Ok<IReadOnlyList<ReviewQueries.Held>>, ProblemHttpResult>> ListAsync(
        ReviewStatus? status, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (status is null or ReviewStatus.Published)
        {
            return TypedResults.Ok(await ReviewQueries.PublishedAsync(db, organisation.Id, null, cancellationToken));
        }

        if (status != ReviewStatus.HeldForModeration || !organisation.Current.HasAny([Role.Commissioner, Role.Administrator]))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: "Commissioners and administrators see the reviews held for moderation; nobody sees reviews awaiting confirmation or rejected ones.");
        }

        return TypedResults.Ok(await ReviewQueries.HeldAsync(db, organisation.Id, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<ProviderRating>>> RatingsAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var directory = await ReviewQueries.DirectoryAsync(db, organisation.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProviderRating>>(directory.Select(p => new ProviderRating(p.ProviderId, p.Name, p.Services, p.Rating)).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ModerateAsync(
        Guid reviewId, ModerationRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (request.Publish is not { } publish)
        {
            return Problems.Validation(Common.Errors.For("publish", "Say whether to publish (true) or reject (false)"));
        }

        return await ReviewDecisions.ModerateAsync(db, organisation.Id, reviewId, publish, request.Note, cancellationToken) is not { } moderated ? Problems.NotFound("Review") : moderated.Succeeded ? TypedResults.NoContent() : Problems.Validation(moderated.Errors);
    }

    private static async Task<Ok<IReadOnlyList<ReviewQueries.Published>>> MineAsync(PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReviewQueries.PublishedAsync(db, organisation.Id, organisation.Current.ProviderId!.Value, cancellationToken));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        Guid reviewId, ReplyRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        return await ReviewDecisions.ReplyAsync(db, organisation.Id, organisation.Current.ProviderId!.Value, reviewId, request.Reply, cancellationToken) is not { } replied ? Problems.NotFound("Review") : replied.Succeeded ? TypedResults.NoContent() : Problems.Validation(replied.Errors);
    }
}
