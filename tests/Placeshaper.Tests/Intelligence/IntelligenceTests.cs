using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Intelligence;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Intelligence;

public abstract class IntelligenceTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static Dictionary<string, string> Report(string body, string website = "") => new()
    {
        ["Kind"] = "Need",
        ["Body"] = body,
        ["Area"] = "E05999002",
        ["ContactEmail"] = "resident@example.org",
        ["Website"] = website,
    };

    [Fact]
    public async Task A_resident_reports_without_an_account_and_a_commissioner_moderates_before_anyone_relies_on_it()
    {
        app.RequireDatabase();
        var body = $"No bus to the day centre from Riverside after 3pm {Guid.NewGuid():N}";
        using var resident = new BrowserClient(app.BaseAddress);

        using var sent = await resident.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", Report(body));
        var item = await app.WithDbAsync(db => db.IntelligenceItems.SingleAsync(i => i.Body == body));
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var beforeModeration = await (await councillor.GetPathAsync("/api/v1/orgs/anytown/intelligence")).Content.ReadAsStringAsync();
        var queueForCouncillor = await councillor.GetPathAsync("/api/v1/orgs/anytown/intelligence?status=AwaitingModeration");
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        var publish = await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/intelligence/{item.Id}/moderation", new { publish = true });
        var published = await (await councillor.GetPathAsync("/api/v1/orgs/anytown/intelligence")).Content.ReadAsStringAsync();

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sent.Content.ReadAsStringAsync()).ShouldContain("Thank you");
        item.Status.ShouldBe(IntelligenceStatus.AwaitingModeration);
        item.SubmitterRole.ShouldBe("Resident");
        beforeModeration.ShouldNotContain(body);
        await queueForCouncillor.ShouldBeProblemAsync(403);
        publish.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        published.ShouldContain(body);
        published.ShouldContain("Riverside");
        published.ShouldNotContain("resident@example.org");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.After!.Contains("resident@example.org")))).ShouldBeFalse("personal data stays out of the permanent trail");
    }

    [Fact]
    public async Task Rejecting_needs_the_house_rule_on_the_record()
    {
        app.RequireDatabase();
        var body = $"Abusive report {Guid.NewGuid():N} naming a member of staff";
        using var resident = new BrowserClient(app.BaseAddress);
        using var sent = await resident.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", Report(body));
        var item = await app.WithDbAsync(db => db.IntelligenceItems.SingleAsync(i => i.Body == body));
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");

        var withoutNote = await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/intelligence/{item.Id}/moderation", new { publish = false });
        var withNote = await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/intelligence/{item.Id}/moderation", new { publish = false, note = "Identifies a member of staff" });

        (await withoutNote.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("note", out _).ShouldBeTrue();
        withNote.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.WithDbAsync(db => db.IntelligenceItems.SingleAsync(i => i.Id == item.Id))).Status.ShouldBe(IntelligenceStatus.Rejected);
    }

    [Fact]
    public async Task Scripts_that_fill_the_honeypot_are_thanked_and_ignored()
    {
        app.RequireDatabase();
        var body = $"Buy cheap watches {Guid.NewGuid():N}";
        using var bot = new BrowserClient(app.BaseAddress);

        using var sent = await bot.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", Report(body, website: "http://spam.example"));

        (await sent.Content.ReadAsStringAsync()).ShouldContain("Thank you");
        (await app.WithDbAsync(db => db.IntelligenceItems.AnyAsync(i => i.Body == body))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_organisation_has_no_public_form()
    {
        app.RequireDatabase();
        using var client = app.Anonymous();

        (await client.GetPathAsync("/tell-us/nowhere")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class IntelligenceTestsOnSqlite(SqliteApp app) : IntelligenceTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class IntelligenceTestsOnPostgres(PostgresApp app) : IntelligenceTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>Its own app, so that its flood of posts does not use up other tests' allowance.</summary>
public sealed class RateLimitApp() : TestApp(Placeshaper.Data.DatabaseProvider.Sqlite);

public sealed class PublicFormRateLimitTests(RateLimitApp app) : IClassFixture<RateLimitApp>
{
    [Fact]
    public async Task A_flood_of_reports_from_one_address_is_stopped_with_429_and_a_plain_page()
    {
        app.RequireDatabase();
        using var resident = new BrowserClient(app.BaseAddress);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= Placeshaper.Hosting.RateLimits.PublicSubmissions; i++)
        {
            using var sent = await resident.PostFormAsync("/tell-us/anytown", "/tell-us/anytown", new() { ["Kind"] = "Need", ["Body"] = $"Report number {i} about a need" });
            statuses.Add(sent.StatusCode);
            if (sent.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (await sent.Content.ReadAsStringAsync()).ShouldContain("You have sent too many in a short time");
            }
        }

        statuses.Take(Placeshaper.Hosting.RateLimits.PublicSubmissions).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        (await resident.GetAsync("/tell-us/anytown")).StatusCode.ShouldBe(HttpStatusCode.OK, "reading the form is never limited");
    }
}
