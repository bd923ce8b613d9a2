using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Api;
using Placeshaper.Data;

namespace Placeshaper.Access;

/// <summary>A person's own API tokens. Nobody else's tokens are reachable: another person's token is "not found".</summary>
public static class TokensApi
{
    public sealed record TokenSummary(Guid Id, string Name, string Hint, string? Organisation, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt);

    public sealed record CreateToken(string? Name, string? Organisation, int? Days);

    public sealed record CreatedToken(Guid Id, string Name, DateTime ExpiresAt, string Token);

    public static void Map(RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", ListAsync).WithName("ListTokens").WithSummary("Your API tokens");
        tokens.MapPost("/", CreateAsync).WithName("CreateToken").WithSummary("Create an API token; the secret is in this response only");
        tokens.MapDelete("/{id:guid}", RevokeAsync).WithName("RevokeToken").WithSummary("Revoke one of your tokens");
    }

    private static async Task<Ok<IReadOnlyList<TokenSummary>>> ListAsync(PlaceshaperDb db, Viewer viewer, CancellationToken cancellationToken)
    {
        var rows = await TokenQueries.ForPerson(db, viewer.PersonId!.Value).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TokenSummary>>(rows);
    }

    private static async Task<Results<Created<CreatedToken>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateToken request, IssueToken issue, Viewer viewer, CancellationToken cancellationToken)
    {
        // A token could otherwise outlive or outreach itself by minting a wider, longer one.
        if (viewer.TokenId is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Tokens are created by a signed-in person or an operator, not by another token.");
        }

        var result = await issue.HandleAsync(viewer, request.Name, request.Organisation, request.Days, cancellationToken);
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors);
        }

        var (token, secret) = result.Value;
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new CreatedToken(token.Id, token.Name, token.ExpiresAt, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, PlaceshaperDb db, Viewer viewer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.PersonId == viewer.PersonId, cancellationToken);
        if (token is null)
        {
            return Problems.NotFound("Token");
        }

        token.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
