using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Reviews;

/// <summary>What keeps the reviews honest: providers cannot review, bad answers are named, scripts are thrown away and throttled.</summary>
public abstract class ReviewAbuseTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task Providers_cannot_review_bad_answers_are_named_honeypots_store_nothing_and_a_flood_is_throttled()
    {
        app.RequireDatabase();
        var (contractId, providerId) = await app.WithDbAsync(db => db.Contracts.Where(c => c.Reference == "ANYTOWN-2025-021")
            .Select(c => new { c.Id, ProviderId = c.ProviderId!.Value }).SingleAsync().ContinueWith(t => (t.Result.Id, t.Result.ProviderId)));
        var reviews = await app.WithDbAsync(db => db.Reviews.CountAsync());
        using var client = app.Anonymous();
        var path = "/api/v1/public/orgs/anytown/reviews";

        var staff = await (await client.PostJsonAsync(path, new
        {
            providerId,
            contractId,
            quality = 5,
            reliability = 5,
            respect = 5,
            value = 5,
            comment = "Our competitors are nowhere near as good as this lot.",
            email = "care@anytown-community-care.example",
            acceptRules = true
        })).ShouldBeProblemAsync(400);
        staff.GetProperty("errors").GetProperty("email")[0].GetString()!.ShouldContain("work for a provider");

        var bad = await (await client.PostJsonAsync(path, new { providerId, contractId = Guid.NewGuid(), quality = 6, comment = "short", email = "x" })).ShouldBeProblemAsync(400);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["quality", "reliability", "respect", "value", "comment", "email", "acceptRules", "contractId"], ignoreOrder: true);

        using var visitor = new BrowserClient(app.BaseAddress);
        var form = $"/reviews/anytown/providers/{providerId}/write";
        var thanked = await (await visitor.PostFormAsync(form, form, new()
        {
            ["Service"] = contractId.ToString(),
            ["Quality"] = "5",
            ["Reliability"] = "5",
            ["Respect"] = "5",
            ["Value"] = "5",
            ["Comment"] = "Buy cheap watches from the best shop in town today",
            ["Email"] = "bot@example.com",
            ["AcceptRules"] = "true",
            ["Website"] = "http://spam.example",
        })).Content.ReadAsStringAsync();
        thanked.ShouldContain("Check your email");
        (await app.WithDbAsync(db => db.Reviews.CountAsync())).ShouldBe(reviews);
        (await app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.To == "bot@example.com"))).ShouldBe(0);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostJsonAsync(path, new { providerId })).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task The_public_pages_work_without_an_account_and_list_providers_by_ranking_score()
    {
        app.RequireDatabase();
        using var visitor = new BrowserClient(app.BaseAddress);
        var directory = await visitor.GetHtmlAsync("/reviews/anytown");
        directory.ShouldContain("Anytown Community Care CIC");
        directory.IndexOf("Anytown Community Care CIC", StringComparison.Ordinal).ShouldBeLessThan(directory.IndexOf("Brightside Family Support", StringComparison.Ordinal),
            "the demo's telecare reviews are better than the family support ones");
        (await visitor.GetHtmlAsync("/reviews/anytown/house-rules")).ShouldContain("No links or advertising.");
        (await visitor.GetAsync("/reviews/nowhere")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync($"/reviews/anytown/providers/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var held = await visitor.GetHtmlAsync("/reviews/anytown/providers/" + await app.WithDbAsync(db => db.Providers.Where(p => p.Name == "Brightside Family Support").Select(p => p.Id).SingleAsync()));
        held.ShouldNotContain("07700 900123", customMessage: "the demo review held for its phone number is not published");
        held.ShouldContain("Reply from Brightside Family Support");
    }

    [Fact]
    public async Task Each_service_of_a_provider_has_its_own_public_page_with_its_own_rating()
    {
        app.RequireDatabase();
        var (telecare, providerId) = await app.WithDbAsync(async db =>
        {
            var c = await db.Contracts.IgnoreQueryFilters().Where(c => c.Reference == "ANYTOWN-2025-034").Select(c => new { c.Id, c.ProviderId }).SingleAsync();
            return (c.Id, c.ProviderId!.Value);
        });
        using var admin = await app.ApiAsAsync("administrator@anytown.example");
        var title = "Falls prevention classes " + Guid.NewGuid().ToString("N")[..6];
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1);
        var created = await admin.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "SVC-" + Guid.NewGuid().ToString("N")[..8],
            title,
            providerId,
            totalValue = 50_000m,
            startDate = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            endDate = start.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var falls = (await created.ReadJsonAsync()).GetProperty("id").GetString();

        using var visitor = new BrowserClient(app.BaseAddress);
        var provider = $"/reviews/anytown/providers/{providerId}";
        var all = await visitor.GetHtmlAsync(provider);
        all.ShouldContain("Ratings by service");
        all.ShouldContain($"href=\"{provider}?service={telecare}\"");
        all.ShouldContain($"href=\"{provider}?service={falls}\"");
        all.ShouldContain("The alarm was fitted within a week");

        var telecarePage = await visitor.GetHtmlAsync($"{provider}?service={telecare}");
        telecarePage.ShouldContain("Reviews of one service");
        telecarePage.ShouldContain("The alarm was fitted within a week");
        var fallsPage = await visitor.GetHtmlAsync($"{provider}?service={falls}");
        fallsPage.ShouldContain("No ratings yet <span class=\"govuk-body\">from 0 reviews</span>");
        fallsPage.ShouldNotContain("The alarm was fitted within a week", customMessage: "a service's page shows only its own reviews");
        (await visitor.GetAsync($"{provider}?service={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ReviewAbuseTestsOnSqlite(SqliteApp app) : ReviewAbuseTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ReviewAbuseTestsOnPostgres(PostgresApp app) : ReviewAbuseTests<PostgresApp>(app), IClassFixture<PostgresApp>;
