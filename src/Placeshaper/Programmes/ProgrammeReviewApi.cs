using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Programmes;

public static class ProgrammeReviewApi
{
    /// <summary>Who reads a programme's review, and who decides it.</summary>
    public static readonly Role[] Readers = [Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor];

    public static readonly Role[] Deciders = [Role.Administrator, Role.Commissioner];

    public sealed record ReviewRequest(ReviewDecision? Decision, string? Lessons, string? Reason);

    public static void Map(RouteGroupBuilder organisation)
    {
        var programmes = organisation.MapGroup("/programmes").WithTags("Programme reviews").WithMetadata(new RequiresRoleAttribute(Readers));
        programmes.MapGet("/{programmeId:guid}/review", GetAsync).WithName("GetProgrammeReview")
            .WithSummary("What a review of the programme looks at: outcomes against targets, contracts' performance and ratings, spend against pooled budgets, past reviews");
        programmes.MapPost("/{programmeId:guid}/reviews", DecideAsync).WithName("DecideProgrammeReview")
            .WithSummary("Record the review's lessons and decision (Recommission, ChangeModel, Decommission, Extend); it moves the programme round the wheel, audited")
            .WithMetadata(new RequiresRoleAttribute(Deciders));
    }

    private static async Task<Results<Ok<ProgrammeReviewQueries.Review>, ProblemHttpResult>> GetAsync(
        Guid programmeId, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken) =>
        await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is { } programme
            ? TypedResults.Ok(await ProgrammeReviewQueries.ForAsync(db, programme, cancellationToken))
            : Problems.NotFound("Programme");

    private static async Task<Results<Created<ProgrammeReviewQueries.Review>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid programmeId, ReviewRequest request, ReviewProgramme review, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, organisation.Id, cancellationToken) is not { } programme)
        {
            return Problems.NotFound("Programme");
        }

        var done = await review.HandleAsync(programme, new(request.Decision, request.Lessons, request.Reason), cancellationToken);
        return done.Succeeded
            ? TypedResults.Created($"/api/v1/orgs/{organisation.Slug}/programmes/{programmeId}/review", await ProgrammeReviewQueries.ForAsync(db, programme, cancellationToken))
            : Problems.Validation(done.Errors!);
    }
}
