using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Intelligence;

public static class IntelligenceApi
{
    public sealed record ModerationRequest(bool? Publish, string? Note);

    /// <summary>Codes of an area and a needs indicator of the organisation; empty or missing clears that tag.</summary>
    public sealed record TagsRequest(string? Area, string? Indicator);

    public sealed record ErasureRequest(string? Email);

    public sealed record Erasure(int Erased);

    public static void Map(RouteGroupBuilder organisation)
    {
        var intelligence = organisation.MapGroup("/intelligence").WithTags("Community intelligence");
        intelligence.MapGet("/", ListAsync).WithName("ListIntelligence")
            .WithSummary("Published reports from residents, councillors and providers; ?status=AwaitingModeration for the moderation queue (commissioners)");
        intelligence.MapPost("/{itemId:guid}/moderation", ModerateAsync).WithName("ModerateIntelligence").WithSummary("Publish or reject a resident's report")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        intelligence.MapPut("/{itemId:guid}/tags", TagAsync).WithName("TagIntelligence").WithSummary("Tag a report to an area and a needs indicator (by code), or clear them")
            .WithMetadata(new RequiresRoleAttribute(Role.Commissioner, Role.Administrator));
        intelligence.MapPost("/contact-email-erasures", EraseAsync).WithName("EraseContactEmail")
            .WithSummary("Erase a resident's contact email from every report of theirs (UK GDPR right to erasure); the audit trail records how many, never the address")
            .WithMetadata(new RequiresRoleAttribute(Role.Administrator));
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

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> TagAsync(
        Guid itemId, TagsRequest request, PlaceshaperDb db, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var item = await db.IntelligenceItems.FindAsync([itemId], cancellationToken);
        if (item is null || item.OrganisationId != organisation.Id)
        {
            return Problems.NotFound("Report");
        }

        var tags = await IntelligenceTags.ResolveAsync(db, organisation.Id, request.Area, request.Indicator, cancellationToken);
        if (!tags.Succeeded)
        {
            return Problems.Validation(tags.Errors);
        }

        var tagged = item.Tag(tags.Value.AreaId, tags.Value.IndicatorId);
        if (!tagged.Succeeded)
        {
            return Problems.Validation(tagged.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Erasure>, ValidationProblem>> EraseAsync(
        ErasureRequest request, EraseContactEmails erase, OrganisationContext organisation, CancellationToken cancellationToken)
    {
        var erased = await erase.OnRequestAsync(organisation.Id, request.Email, cancellationToken);
        return erased.Succeeded ? TypedResults.Ok(new Erasure(erased.Value)) : Problems.Validation(erased.Errors);
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
