using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Market;
using Placeshaper.Programmes;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Market;

public sealed class MarketRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static Programme Started() => Programme.Start(Guid.NewGuid(), "Home care", null, [], null, "Chris", Now).Value.Programme;

    [Fact]
    public void Small_and_voluntary_providers_cannot_outnumber_everyone_and_what_they_said_is_required()
    {
        var errors = EngagementEvent.Record(Started(), new DateOnly(2026, 9, 1), "Event", EngagementFormat.Event, 10, 12, " ", Now).Errors!.ByField;

        errors.Keys.ShouldBe(["smallOrVoluntaryProviders", "summary"], ignoreOrder: true);
    }

    [Fact]
    public void A_challenge_is_decided_once_with_reasons_and_not_before_it_arrived()
    {
        var challenge = RightToChallenge.Receive(Started(), "Westmoor Community Transport", "Transport", new DateOnly(2026, 9, 1), Now).Value!;

        challenge.Decide(ChallengeStatus.Rejected, new DateOnly(2026, 8, 1), "")!.ByField.Keys.ShouldBe(["decidedOn", "reasons"], ignoreOrder: true);
        challenge.Decide(ChallengeStatus.Accepted, new DateOnly(2026, 10, 1), "A procurement exercise follows").ShouldBeNull();
        challenge.Decide(ChallengeStatus.Rejected, new DateOnly(2026, 10, 2), "Changed our mind")!.ByField.Keys.ShouldBe(["outcome"]);
        challenge.Status.ShouldBe(ChallengeStatus.Accepted);
    }
}

public abstract class MarketApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task Engagement_and_a_right_to_challenge_are_recorded_and_decided_against_a_programme()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var programmes = await (await api.GetPathAsync("/api/v1/orgs/anytown/programmes")).ReadJsonAsync();
        var programmeId = programmes.EnumerateArray().First(p => p.GetProperty("yourRole").GetString() == "Lead").GetProperty("id").GetString();
        var root = $"/api/v1/orgs/anytown/programmes/{programmeId}/market";

        var bad = await api.PostJsonAsync(root + "/engagement", new { heldOn = "2026-09-01", title = "Event", format = "Event", providers = 3, smallOrVoluntaryProviders = 5, summary = "x" });
        (await bad.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("smallOrVoluntaryProviders", out _).ShouldBeTrue();
        (await api.PostJsonAsync(root + "/engagement", new { heldOn = "2026-09-01", title = "Webinar for carers' groups", format = "Webinar", providers = 12, smallOrVoluntaryProviders = 9, summary = "They asked for lots" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var received = await (await api.PostJsonAsync(root + "/rights-to-challenge", new { challenger = "Hillside Residents' Association", service = "Befriending", receivedOn = "2026-10-01" })).ReadJsonAsync();
        var challengeId = received.GetProperty("rightsToChallenge").EnumerateArray().First(c => c.GetProperty("challenger").GetString() == "Hillside Residents' Association").GetProperty("id").GetString();
        var decided = await (await api.PostJsonAsync($"{root}/rights-to-challenge/{challengeId}/decision", new { outcome = "Rejected", decidedOn = "2026-10-20", reasons = "The service is being recommissioned with the NHS this year" })).ReadJsonAsync();

        decided.GetProperty("rightsToChallenge").EnumerateArray().First(c => c.GetProperty("id").GetString() == challengeId).GetProperty("status").GetString().ShouldBe("Rejected");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "right-to-challenge-decided" && e.EntityId == challengeId))).ShouldBeTrue();
    }

    [Fact]
    public async Task Partners_do_not_see_the_leads_market_engagement_and_councillors_do_not_record_it()
    {
        app.RequireDatabase();
        using var council = await app.ApiAsAsync("councillor@anytown.example");
        using var icb = await app.ApiAsAsync("commissioner@anytown-icb.example");
        var programmes = await (await council.GetPathAsync("/api/v1/orgs/anytown/programmes")).ReadJsonAsync();
        var older = programmes.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Older people living independently").GetProperty("id").GetString();

        (await council.GetPathAsync($"/api/v1/orgs/anytown/programmes/{older}/market")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await council.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{older}/market/rights-to-challenge", new { challenger = "x", service = "y", receivedOn = "2026-10-01" })).ShouldBeProblemAsync(403);
        await (await icb.GetPathAsync($"/api/v1/orgs/anytown-icb/programmes/{older}/market")).ShouldBeProblemAsync(404);
    }
}

public sealed class MarketApiTestsOnSqlite(SqliteApp app) : MarketApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class MarketApiTestsOnPostgres(PostgresApp app) : MarketApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
