using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Api;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Audit;

public static class AuditApi
{
    public sealed record Entry(long Sequence, DateTime At, string Actor, string Action, string EntityType, string EntityId, System.Text.Json.JsonElement? Before, System.Text.Json.JsonElement? After, string Hash);

    public static void Map(RouteGroupBuilder organisation) =>
        organisation.MapGet("/audit", ListAsync)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("The organisation's audit trail, newest first")
            .WithMetadata(new RequiresRoleAttribute(Role.Administrator));

    private static async Task<Results<Ok<Paged<Entry>>, ValidationProblem>> ListAsync(
        PlaceshaperDb db, OrganisationContext organisation, [AsParameters] Paging paging, string? action, string? entityType, CancellationToken cancellationToken)
    {
        if (paging.Validate() is { } errors)
        {
            return Problems.Validation(errors);
        }

        var page = await paging.ApplyAsync(AuditQueries.ForOrganisation(db, organisation.Id, action, entityType), cancellationToken);
        var rows = await AuditQueries.SealBidsAsync(db, page.Items, cancellationToken);
        return TypedResults.Ok(new Paged<Entry>(
            rows.Select(r => new Entry(r.Sequence, r.At, r.Actor, r.Action, r.EntityType, r.EntityId, Json(r.Before), Json(r.After), r.Hash)).ToList(),
            page.Page,
            page.PageSize,
            page.TotalItems));
    }

    private static System.Text.Json.JsonElement? Json(string? text) =>
        text is null ? null : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
}
