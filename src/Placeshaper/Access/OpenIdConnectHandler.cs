using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Placeshaper.Access;

public sealed class OpenIdConnectOptions : OAuthOptions;

/// <summary>
/// The OpenID Connect authorisation-code flow (with PKCE) on top of the framework's OAuth handler: endpoints come
/// from the provider's discovery document, and the ID token's signature, issuer, audience and lifetime are
/// validated against the provider's published keys before anyone is signed in. ASP.NET Core's own OpenID Connect
/// package is not in the package registry this project builds from (see docs/adr/0004-authentication.md).
/// </summary>
public sealed class OpenIdConnectHandler(
    IOptionsMonitor<OpenIdConnectOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OpenIdConnectSignIn.Settings settings)
    : OAuthHandler<OpenIdConnectOptions>(options, logger, encoder)
{
    private static readonly Lock DiscoveryLock = new();
    private static readonly Dictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> Discovery = new(StringComparer.Ordinal);

    private ConfigurationManager<OpenIdConnectConfiguration> Manager
    {
        get
        {
            var address = settings.Authority!.TrimEnd('/') + "/.well-known/openid-configuration";
            lock (DiscoveryLock)
            {
                if (!Discovery.TryGetValue(address, out var manager))
                {
                    manager = new ConfigurationManager<OpenIdConnectConfiguration>(
                        address,
                        new OpenIdConnectConfigurationRetriever(),
                        new HttpDocumentRetriever(Backchannel) { RequireHttps = settings.RequireHttpsMetadata });
                    Discovery[address] = manager;
                }

                return manager;
            }
        }
    }

    private async Task<OpenIdConnectConfiguration> UseDiscoveredEndpointsAsync()
    {
        var configuration = await Manager.GetConfigurationAsync(Context.RequestAborted);

        // The options are shared by all requests; the discovered endpoints rarely change, so write them only when they do.
        if (Options.AuthorizationEndpoint != configuration.AuthorizationEndpoint || Options.TokenEndpoint != configuration.TokenEndpoint)
        {
            Options.AuthorizationEndpoint = configuration.AuthorizationEndpoint;
            Options.TokenEndpoint = configuration.TokenEndpoint;
        }

        return configuration;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await UseDiscoveredEndpointsAsync();
        await base.HandleChallengeAsync(properties);
    }

    public override async Task<bool> HandleRequestAsync()
    {
        if (await ShouldHandleRequestAsync())
        {
            await UseDiscoveredEndpointsAsync();
        }

        return await base.HandleRequestAsync();
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        if (!tokens.Response!.RootElement.TryGetProperty("id_token", out var idTokenElement) || idTokenElement.GetString() is not { } idToken)
        {
            throw new AuthenticationFailureException("The identity provider returned no ID token.");
        }

        var configuration = await UseDiscoveredEndpointsAsync();
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = Options.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        });
        if (!validation.IsValid)
        {
            throw new AuthenticationFailureException("The ID token is not valid.", validation.Exception);
        }

        var email = settings.EmailClaims
            .Select(name => validation.Claims.TryGetValue(name, out var value) ? value as string : null)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        if (email is null)
        {
            throw new AuthenticationFailureException("The ID token has no email address.");
        }

        identity.AddClaim(new Claim(ClaimTypes.Email, email));
        if (validation.Claims.TryGetValue("sub", out var subject))
        {
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, Convert.ToString(subject, System.Globalization.CultureInfo.InvariantCulture)!));
        }

        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name);
    }
}
