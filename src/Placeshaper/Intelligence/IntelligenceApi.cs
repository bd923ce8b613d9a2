using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Intelligence;

public static class IntelligenceApi
{
    public sealed record ModerationRequest(bool? Publish, string? Note);

    public static void Map(RouteGroupBuilder organisation)
    {
        var intelligence = organisation.MapGroup("/intelligence").WithTags("Community intelligence");
        intelligence.MapGet("/", ListAsync).WithName("ListIntelligence")
            .WithSummary("Published reports from residents, councillors and providers; ?status=AwaitingModeration for the moderation queue (commissioners)");
        intelligence.MapPost("/{itemId:guid}/moderation", ModerateAsync).WithName("ModerateIntelligence").WithSummary("Publish or reject a resident's report")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
    }

    private static async Task<Results<Ok<IReadOnlyList<IntelligenceQueries.Item>>, ProblemHttpResult>> ListAsync(
        IntelligenceStatus? status, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var wanted = status ?? IntelligenceStatus.Published;
        if (wanted != IntelligenceStatus.Published && !organisation.Current.HasAny([Role.Commissioner, Role.Administrator]))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Only commissioners and administrators see reports that are not published.");
        }

        var items = await IntelligenceQueries.ListAsync(db, organisation.Id, wanted, cancellationToken);

        // Residents' contact details stay with moderators.
        var shown = wanted == IntelligenceStatus.Published ? items.Select(i => i with { ContactEmail = null }).ToList() : items;
        return TypedResults.Ok<IReadOnlyList<IntelligenceQueries.Item>>(shown);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ModerateAsync(
        Guid itemId, ModerationRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var item = await db.IntelligenceItems.FindAsync([itemId], cancellationToken);
        if (item is null || item.OrganisationId != organisation.Id)
        {
            return Problems.NotFound("Report");
        }

        if (request.Publish is null)
        {
            return Problems.Validation(Common.Errors.For("publish", "Say whether to publish (true) or reject (false)"));
        }

        var moderated = item.Moderate(request.Publish.Value, request.Note, db.Clock.GetUtcNow().UtcDateTime);
        if (!moderated.Succeeded)
        {
            return Problems.Validation(moderated.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
