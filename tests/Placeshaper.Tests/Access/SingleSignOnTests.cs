using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Placeshaper.Data;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Access;

/// <summary>The app configured for OpenID Connect single sign-on against a fake provider.</summary>
public sealed class SingleSignOnApp() : TestApp(DatabaseProvider.Sqlite)
{
    public FakeIdentityProvider IdentityProvider { get; } = new();

    protected override Task BeforeStartAsync() => IdentityProvider.StartAsync();

    protected override void ConfigureBuilder(WebApplicationBuilder builder)
    {
        base.ConfigureBuilder(builder);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:OpenIdConnect:Authority"] = IdentityProvider.Authority,
            ["Authentication:OpenIdConnect:ClientId"] = FakeIdentityProvider.ClientId,
            ["Authentication:OpenIdConnect:ClientSecret"] = FakeIdentityProvider.ClientSecret,
            ["Authentication:OpenIdConnect:DisplayName"] = "Sign in with Anytown's account",
            ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
        });
    }

    protected override ValueTask AfterStopAsync() => IdentityProvider.DisposeAsync();
}

public sealed class SingleSignOnTests(SingleSignOnApp app) : IClassFixture<SingleSignOnApp>
{
    /// <summary>Clicks the single sign-on button and follows every redirect, as a browser would, to where it lands.</summary>
    private async Task<(BrowserClient Browser, HttpResponseMessage Landing)> SignOnAsync(string email)
    {
        app.IdentityProvider.NextEmail = email;
        var browser = new BrowserClient(app.BaseAddress);
        var response = await browser.PostFormAsync("/sign-in", "/sign-in?handler=SingleSignOn", new() { ["returnUrl"] = "/o/anytown" });
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        for (var hops = 0; hops < 10 && response.StatusCode == HttpStatusCode.Redirect; hops++)
        {
            var location = response.Headers.Location!;
            response = location.IsAbsoluteUri && !app.BaseAddress.IsBaseOf(location)
                ? await outside.GetAsync(location)
                : await browser.Http.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }

        return (browser, response);
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_configured_provider()
    {
        app.RequireDatabase();
        using var browser = new BrowserClient(app.BaseAddress);

        (await browser.GetHtmlAsync("/sign-in")).ShouldContain("Sign in with Anytown&#x27;s account");
    }

    [Fact]
    public async Task A_person_with_an_account_signs_on_and_lands_where_they_were_going()
    {
        app.RequireDatabase();

        var (browser, landing) = await SignOnAsync("commissioner@anytown.example");
        using (browser)
        {
            var html = await landing.Content.ReadAsStringAsync();

            landing.StatusCode.ShouldBe(HttpStatusCode.OK, app.Logs.ToString());
            html.ShouldContain("<h1 class=\"govuk-heading-l\">Anytown Borough Council</h1>");
            html.ShouldContain("Signed in as <strong>Chris Commissioner</strong>");
        }
    }

    [Fact]
    public async Task Signing_on_never_creates_an_account()
    {
        app.RequireDatabase();

        var (browser, landing) = await SignOnAsync("stranger@elsewhere.example");
        using (browser)
        {
            var html = await landing.Content.ReadAsStringAsync();

            html.ShouldContain("There is no Placeshaper account for stranger@elsewhere.example");
            (await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                db.Users, p => p.Email == "stranger@elsewhere.example"))).ShouldBeFalse();
            (await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                db.AuditEntries, e => e.Action == "single-sign-on-refused-no-account" && e.EntityId == "stranger@elsewhere.example"))).ShouldBeTrue();
            (await browser.GetAsync("/o/anytown")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
    }

    [Fact]
    public async Task An_ID_token_signed_with_a_key_the_provider_does_not_publish_is_refused()
    {
        app.RequireDatabase();
        app.IdentityProvider.SignWithUnpublishedKey = true;
        try
        {
            var (browser, landing) = await SignOnAsync("commissioner@anytown.example");
            using (browser)
            {
                (await landing.Content.ReadAsStringAsync()).ShouldContain("Your organisation&#x27;s sign-in did not complete.");
                (await browser.GetAsync("/o/anytown")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in");
                app.Logs.ToString().ShouldContain("Single sign-on failed");
            }
        }
        finally
        {
            app.IdentityProvider.SignWithUnpublishedKey = false;
        }
    }
}
