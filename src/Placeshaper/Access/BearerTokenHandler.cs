using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placeshaper.Data;
using Placeshaper.Hosting;

namespace Placeshaper.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer ps_…</c> against the hashed tokens. Every failure looks the same
/// from outside (401, no detail), so a caller learns nothing about which tokens exist.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PlaceshaperDb db,
    PlaceshaperSettings settings,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Unsupported authorization scheme.");
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!Access.ApiToken.LooksLikeSecret(secret))
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var hash = Access.ApiToken.Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        if (token is null || !token.IsUsableAt(clock.GetUtcNow().UtcDateTime))
        {
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        }

        var person = await db.Users.AsNoTracking().SingleOrDefaultAsync(p => p.Id == token.PersonId, Context.RequestAborted);
        if (person is null || (person.LockoutEnd is { } end && end > clock.GetUtcNow()) || (person.IsDemo && !settings.DemoMode))
        {
            return AuthenticateResult.Fail("Person unavailable.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new(ClaimTypes.Name, person.Email ?? ""),
            new(ViewerMiddleware.TokenIdClaim, token.Id.ToString()),
        };
        if (token.OrganisationId is { } organisationId)
        {
            claims.Add(new Claim(ViewerMiddleware.TokenOrganisationClaim, organisationId.ToString()));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"placeshaper\"";
        return Task.CompletedTask;
    }
}
