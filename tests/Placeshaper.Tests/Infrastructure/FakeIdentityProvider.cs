using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Placeshaper.Tests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect provider on loopback, playing Entra ID's part: discovery, an authorisation endpoint that
/// signs in whoever <see cref="NextEmail"/> names, a token endpoint that checks the client secret and PKCE, and keys.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "placeshaper-tests";
    public const string ClientSecret = "s3cret-for-tests";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Challenge, string Email, string RedirectUri)> codes = new();
    private WebApplication? app;

    public string Authority { get; private set; } = "";

    /// <summary>The account the next person to reach the authorisation endpoint signs in as.</summary>
    public string NextEmail { get; set; } = "";

    /// <summary>When set, ID tokens are signed with a key the provider does not publish (a forgery).</summary>
    public bool SignWithUnpublishedKey { get; set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        var key = new RsaSecurityKey(rsa) { KeyId = "test-key" };

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "test-key" });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
            {
                return Results.BadRequest("bad authorisation request");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            codes[code] = (query["code_challenge"]!, NextEmail, query["redirect_uri"]!);
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || !codes.TryRemove(form["code"]!, out var granted))
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"]!)));
            if (challenge != granted.Challenge || form["redirect_uri"] != granted.RedirectUri)
            {
                return Results.BadRequest(new { error = "invalid_grant", error_description = "PKCE or redirect mismatch" });
            }

            var signingKey = SignWithUnpublishedKey ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" } : key;
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                Expires = DateTime.UtcNow.AddMinutes(5),
                Claims = new Dictionary<string, object> { ["sub"] = "subject-" + granted.Email, ["email"] = granted.Email },
                SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = "opaque", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });

        await app.StartAsync();
        Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        rsa.Dispose();
    }
}
