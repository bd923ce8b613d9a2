using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Specifications;

public abstract class SpecificationsApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Buyer = "procurement@anytown.example";

    private static object Kpi(string definition, string polarity, decimal target, decimal minimum) =>
        new { definition, unit = "%", polarity, target, minimum, frequency = "Quarterly", dataSource = "Provider's care records" };

    private async Task<(HttpClient Api, Guid ProgrammeId, Guid OutcomeId)> ProgrammeAsync()
    {
        var api = await app.ApiAsAsync(Buyer);
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        var programme = await (await commissioner.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name = "Specification probe " + Guid.NewGuid().ToString("N")[..6] })).ReadJsonAsync();
        var anytown = await app.OrganisationIdAsync("anytown");
        var outcome = await app.WithDbAsync(db => db.Outcomes.IgnoreQueryFilters()
            .Where(o => o.Statement == "Older people live independently at home for longer" && o.OrganisationId == anytown).Select(o => o.Id).SingleAsync());
        return (api, Guid.Parse(programme.GetProperty("id").GetString()!), outcome);
    }

    [Fact]
    public async Task A_buyer_writes_a_specification_and_agreeing_it_is_audited_and_fixes_it()
    {
        app.RequireDatabase();
        var (api, programmeId, outcomeId) = await ProgrammeAsync();
        using var _ = api;

        var started = await api.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{programmeId}/specifications", new
        {
            title = "Home care that helps people live at home",
            purpose = "People who need care at home get help to do things for themselves again",
            outcomeIds = new[] { outcomeId },
        });
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var created = await started.ReadJsonAsync();
        var root = $"/api/v1/orgs/anytown/specifications/{created.GetProperty("id").GetString()}";
        started.Headers.Location!.ToString().ShouldBe(root);
        created.GetProperty("gaps").GetArrayLength().ShouldBe(4);
        await (await api.PostJsonAsync(root + "/agree", new { })).ShouldBeProblemAsync(400);

        (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new
        {
            programmeId,
            reference = "S-" + Guid.NewGuid().ToString("N")[..8],
            title = "Home care",
            kind = "LightTouchServices",
            estimatedValue = 6_000_000m,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var changed = await api.PutJsonAsync(root, new
        {
            title = "Home care that helps people live at home",
            purpose = "People who need care at home get help to do things for themselves again",
            outcomeIds = new[] { outcomeId },
            kpis = new[] { Kpi("People regaining independence after reablement", "HigherIsBetter", 75, 65), Kpi("Missed visits", "LowerIsBetter", 0.5m, 2) },
            contractMonths = 60,
            extensions = new[] { 12, 12 },
            lots = new[] { new { title = "North", sharePercent = 55m }, new { title = "South", sharePercent = 45m } },
            paymentMechanism = "PaymentByResults",
            outcomeShare = 20m,
            serviceCredits = true,
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var view = await changed.ReadJsonAsync();
        (view.GetProperty("totalMonths").GetInt32(), view.GetProperty("gaps").GetArrayLength(), view.GetProperty("kpis").GetArrayLength()).ShouldBe((84, 0, 2));
        view.GetProperty("warnings")[0].GetString()!.ShouldContain("s.52");

        var agreed = await (await api.PostJsonAsync(root + "/agree", new { })).ReadJsonAsync();

        agreed.GetProperty("status").GetString().ShouldBe("Agreed");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "specification-agreed" && e.EntityId == created.GetProperty("id").GetString()))).ShouldBeTrue();
        var late = await api.PutJsonAsync(root, new { title = "Changed", purpose = "Changed", outcomeIds = new[] { outcomeId }, contractMonths = 12 });
        (await late.ShouldBeProblemAsync(409)).GetProperty("detail").GetString()!.ShouldContain("agreed");
        await (await api.PostJsonAsync(root + "/agree", new { })).ShouldBeProblemAsync(409);
        var read = await (await api.GetPathAsync(root)).ReadJsonAsync();
        (read.GetProperty("title").GetString(), read.GetProperty("contractMonths").GetInt32(), read.GetProperty("outcomeShare").GetDecimal()).ShouldBe(("Home care that helps people live at home", 60, 20m));
        (await (await api.GetPathAsync($"/api/v1/orgs/anytown/programmes/{programmeId}/specifications")).ReadJsonAsync()).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task An_agreed_specification_is_used_for_a_draft_tender_whose_page_then_shows_it_with_the_lots_copied()
    {
        app.RequireDatabase();
        var (api, programmeId, outcomeId) = await ProgrammeAsync();
        using var _ = api;
        var created = await (await api.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{programmeId}/specifications", new
        {
            title = "Reablement at home",
            purpose = "People get help to do things for themselves again",
            outcomeIds = new[] { outcomeId },
            kpis = new[] { Kpi("People regaining independence after reablement", "HigherIsBetter", 75, 65) },
            contractMonths = 36,
            lots = new[] { new { title = "North", sharePercent = 33.33m }, new { title = "South", sharePercent = 66.67m } },
            paymentMechanism = "GainShare",
        })).ReadJsonAsync();
        var specification = created.GetProperty("id").GetString();
        var tender = (await (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new
        {
            programmeId,
            reference = "S-" + Guid.NewGuid().ToString("N")[..8],
            title = "Reablement",
            kind = "LightTouchServices",
            estimatedValue = 1_000_000m,
        })).ReadJsonAsync()).GetProperty("id").GetString();
        using var browser = await app.SignInAsync(Buyer);
        var page = $"/o/anytown/specifications/{specification}";

        using var early = await browser.PostFormAsync(page, page + "?handler=Use", new() { ["TenderId"] = tender!, ["CopyLots"] = "true" });
        early.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a draft specification cannot be used for a tender");
        (await api.PostJsonAsync($"/api/v1/orgs/anytown/specifications/{specification}/agree", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var used = await browser.PostFormAsync(page, page + "?handler=Use", new() { ["TenderId"] = tender!, ["CopyLots"] = "true" });

        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        used.Headers.Location!.ToString().ShouldBe($"/o/anytown/tenders/{tender}");
        var view = await (await api.GetPathAsync($"/api/v1/orgs/anytown/tenders/{tender}")).ReadJsonAsync();
        view.GetProperty("lots").EnumerateArray().Select(l => (l.GetProperty("title").GetString(), l.GetProperty("estimatedValue").GetDecimal()))
            .ShouldBe([("North", 333_300m), ("South", 666_700m)]);
        var html = await browser.GetHtmlAsync($"/o/anytown/tenders/{tender}");
        html.ShouldContain("Reablement at home");
        html.ShouldContain("People regaining independence after reablement");
        html.ShouldContain("Gain-share");
    }

    [Fact]
    public async Task Bad_parts_get_400_naming_the_field()
    {
        app.RequireDatabase();
        var (api, programmeId, outcomeId) = await ProgrammeAsync();
        using var _ = api;
        var list = $"/api/v1/orgs/anytown/programmes/{programmeId}/specifications";

        var noOutcome = await (await api.PostJsonAsync(list, new { title = "Home care", purpose = "Help at home", outcomeIds = Array.Empty<Guid>() })).ShouldBeProblemAsync(400);
        var bad = await (await api.PostJsonAsync(list, new
        {
            title = "Home care",
            purpose = "Help at home",
            outcomeIds = new[] { outcomeId },
            kpis = new[] { Kpi("Missed visits", "LowerIsBetter", 2, 0.5m) },
            contractMonths = 0,
            extensions = new[] { 12 },
            lots = new[] { new { title = "Whole borough", sharePercent = 50m } },
            paymentMechanism = "PaymentByResults",
        })).ShouldBeProblemAsync(400);

        noOutcome.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["outcomeIds"]);
        bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["kpis[0].minimum", "contractMonths", "lots", "outcomeShare"], ignoreOrder: true);
        (await (await api.GetPathAsync(list)).ReadJsonAsync()).GetArrayLength().ShouldBe(0);
        await (await api.PutJsonAsync($"/api/v1/orgs/anytown/specifications/{Guid.NewGuid()}", new { title = "x" })).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Providers_get_403_and_councillors_read_but_cannot_write()
    {
        app.RequireDatabase();
        var (api, programmeId, outcomeId) = await ProgrammeAsync();
        using var _ = api;
        var list = $"/api/v1/orgs/anytown/programmes/{programmeId}/specifications";
        var id = (await (await api.PostJsonAsync(list, new { title = "Home care", purpose = "Help at home", outcomeIds = new[] { outcomeId } })).ReadJsonAsync()).GetProperty("id").GetString();
        using var provider = await app.ApiAsAsync("hello@brightside.example");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");

        await (await provider.GetPathAsync(list)).ShouldBeProblemAsync(403);
        await (await provider.GetPathAsync($"/api/v1/orgs/anytown/specifications/{id}")).ShouldBeProblemAsync(403);
        await (await provider.PostJsonAsync($"/api/v1/orgs/anytown/specifications/{id}/agree", new { })).ShouldBeProblemAsync(403);
        (await councillor.GetPathAsync($"/api/v1/orgs/anytown/specifications/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await councillor.PutJsonAsync($"/api/v1/orgs/anytown/specifications/{id}", new { title = "x", purpose = "x", outcomeIds = new[] { outcomeId } })).ShouldBeProblemAsync(403);
        await (await councillor.PostJsonAsync(list, new { title = "x", purpose = "x", outcomeIds = new[] { outcomeId } })).ShouldBeProblemAsync(403);
    }
}

public sealed class SpecificationsApiTestsOnSqlite(SqliteApp app) : SpecificationsApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SpecificationsApiTestsOnPostgres(PostgresApp app) : SpecificationsApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
