using System.Net;
using System.Net.Http.Json;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Api;

/// <summary>
/// A page of another site cannot change anything through the API by riding on a signed-in person's session cookie;
/// the product's own pages, programs with a bearer token and reads are unaffected.
/// </summary>
public abstract class CrossSiteTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static HttpRequestMessage Start(string name, params (string Header, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orgs/anytown/programmes") { Content = JsonContent.Create(new { name, summary = "Cross-site probe" }) };
        foreach (var (header, value) in headers)
        {
            request.Headers.Add(header, value);
        }

        return request;
    }

    [Fact]
    public async Task A_call_from_another_site_with_the_session_cookie_is_refused_and_changes_nothing()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var name = "Forged " + Guid.NewGuid().ToString("N")[..8];

        await (await browser.Http.SendAsync(Start(name, ("Origin", "https://evil.example")))).ShouldBeProblemAsync(403);
        await (await browser.Http.SendAsync(Start(name, ("Sec-Fetch-Site", "cross-site")))).ShouldBeProblemAsync(403);
        await (await browser.Http.SendAsync(Start(name, ("Sec-Fetch-Site", "same-site"), ("Origin", "https://other.anytown.example")))).ShouldBeProblemAsync(403);
        var listed = await (await browser.Http.GetAsync(new Uri("/api/v1/orgs/anytown/programmes", UriKind.Relative))).Content.ReadAsStringAsync();
        listed.ShouldNotContain(name);

        var origin = browser.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        (await browser.Http.SendAsync(Start(name, ("Origin", origin), ("Sec-Fetch-Site", "same-origin")))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var token = await app.ApiAsAsync("commissioner@anytown.example");
        (await token.SendAsync(Start(name + " by token", ("Origin", "https://evil.example")))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class CrossSiteTestsOnSqlite(SqliteApp app) : CrossSiteTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class CrossSiteTestsOnPostgres(PostgresApp app) : CrossSiteTests<PostgresApp>(app), IClassFixture<PostgresApp>;
