using Microsoft.AspNetCore.Authentication;

namespace Placeshaper.Access;

/// <summary>
/// Single sign-on with an OpenID Connect provider such as Microsoft Entra ID, switched on by configuration
/// (section <c>Authentication:OpenIdConnect</c>, see docs/configuration.md). People must already have a Placeshaper
/// account with the same email address: signing in with the provider never creates accounts or grants roles.
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string Scheme = "oidc";

    public sealed class Settings
    {
        public string? Authority { get; set; }

        public string? ClientId { get; set; }

        public string? ClientSecret { get; set; }

        public string DisplayName { get; set; } = "Sign in with your organisation's account";

        public string CallbackPath { get; set; } = "/signin-oidc";

        public string[] Scopes { get; set; } = ["openid", "profile", "email"];

        /// <summary>Claims tried in order for the email address (Entra ID puts it in <c>preferred_username</c> when <c>email</c> is absent).</summary>
        public string[] EmailClaims { get; set; } = ["email", "preferred_username", "upn"];

        /// <summary>Only for tests against a local provider; real providers are always HTTPS.</summary>
        public bool RequireHttpsMetadata { get; set; } = true;
    }

    public static void AddIfConfigured(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Authentication:OpenIdConnect").Get<Settings>();
        if (string.IsNullOrWhiteSpace(settings?.Authority) || string.IsNullOrWhiteSpace(settings.ClientId))
        {
            return;
        }

        // Placeshaper signs in as a confidential client (a server that can keep a secret), as Entra ID web apps do.
        if (string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            throw new InvalidOperationException("Authentication:OpenIdConnect has an Authority and ClientId but no ClientSecret; set all three, or none.");
        }

        authentication.Services.AddSingleton(settings);
        authentication.AddOAuth<OpenIdConnectOptions, OpenIdConnectHandler>(Scheme, settings.DisplayName, options =>
        {
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.CallbackPath = settings.CallbackPath;
            options.SignInScheme = Microsoft.AspNetCore.Identity.IdentityConstants.ExternalScheme;
            options.UsePkce = true;
            options.SaveTokens = false;
            if (!settings.RequireHttpsMetadata)
            {
                // Local testing over plain HTTP: the correlation cookie cannot be Secure there.
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            }

            // Replaced from the provider's discovery document on first use (see OpenIdConnectHandler).
            options.AuthorizationEndpoint = settings.Authority;
            options.TokenEndpoint = settings.Authority;
            // A failed or forged response ends on a page that says so, not on an error page; the reason is logged.
            options.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSignIn))
                    .LogWarning(context.Failure, "Single sign-on failed");
                context.Response.Redirect("/sign-in/external?failed=true");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            foreach (var scope in settings.Scopes)
            {
                options.Scope.Add(scope);
            }
        });
    }

    public static async Task<string?> DisplayNameAsync(IAuthenticationSchemeProvider schemes) =>
        (await schemes.GetSchemeAsync(Scheme))?.DisplayName;
}
