using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Programmes;

public abstract class ProgrammesApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static async Task<JsonElement> DemoProgrammeAsync(HttpClient api, string org, string name) =>
        (await (await api.GetPathAsync($"/api/v1/orgs/{org}/programmes")).ReadJsonAsync()).EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    [Fact]
    public async Task A_partners_commissioner_sees_the_pooled_budget_and_its_statement_but_nothing_else_of_the_lead()
    {
        app.RequireDatabase();
        using var icb = await app.ApiAsAsync("commissioner@anytown-icb.example");

        var listed = await DemoProgrammeAsync(icb, "anytown-icb", "Older people living independently");
        var id = listed.GetProperty("id").GetString();
        var programme = await (await icb.GetPathAsync($"/api/v1/orgs/anytown-icb/programmes/{id}")).ReadJsonAsync();
        var budgetId = programme.GetProperty("pooledBudgets")[0].GetProperty("id").GetString();
        var budget = await (await icb.GetPathAsync($"/api/v1/orgs/anytown-icb/budgets/{budgetId}")).ReadJsonAsync();

        listed.GetProperty("yourRole").GetString().ShouldBe("Partner");
        programme.GetProperty("summary").ValueKind.ShouldBe(JsonValueKind.Null);
        var icbStatement = budget.GetProperty("statement").GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("organisation").GetString() == "anytown-icb");
        icbStatement.GetProperty("contributed").GetDecimal().ShouldBe(7_440_000m);
        icbStatement.GetProperty("shareOfVariance").GetDecimal().ShouldBe(36_750m);
        await (await icb.GetPathAsync($"/api/v1/orgs/anytown-icb/programmes/{id}/stage-changes")).ShouldBeProblemAsync(404);
        await (await icb.GetPathAsync($"/api/v1/orgs/anytown-icb/programmes/{id}/decisions")).ShouldBeProblemAsync(404);
        await (await icb.GetPathAsync("/api/v1/orgs/anytown/programmes")).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task The_demo_programme_page_follows_the_golden_thread_from_need_to_budget_and_history()
    {
        app.RequireDatabase();
        using var council = await app.ApiAsAsync("commissioner@anytown.example");
        var id = (await DemoProgrammeAsync(council, "anytown", "Older people living independently")).GetProperty("id").GetString();
        using var browser = await app.SignInAsync("councillor@anytown.example");

        var html = await browser.GetHtmlAsync($"/o/anytown/programmes/{id}");

        html.ShouldContain("From need to result");
        html.ShouldContain("Older people live independently at home for longer");
        html.ShouldContain("href=\"/o/anytown/needs/falls-65\"");
        html.ShouldContain("Better Care Fund 2026/27");
        html.ShouldContain("Cabinet approved the business case");
        html.ShouldContain("Business case for a jointly commissioned reablement service approved");
        html.ShouldNotContain($"/programmes/{id}/stages\"", customMessage: "councillors read and scrutinise; they do not move programmes");
    }

    [Fact]
    public async Task Nobody_outside_the_programme_finds_it_or_its_budget()
    {
        app.RequireDatabase();
        using var council = await app.ApiAsAsync("commissioner@anytown.example");
        using var police = await app.ApiAsAsync("commissioner@anytown-police.example");
        var id = (await DemoProgrammeAsync(council, "anytown", "Older people living independently")).GetProperty("id").GetString();
        var budgetId = (await (await council.GetPathAsync($"/api/v1/orgs/anytown/programmes/{id}/budgets")).ReadJsonAsync())[0].GetProperty("id").GetString();

        await (await police.GetPathAsync($"/api/v1/orgs/anytown-police/programmes/{id}")).ShouldBeProblemAsync(404);
        await (await police.GetPathAsync($"/api/v1/orgs/anytown-police/budgets/{budgetId}")).ShouldBeProblemAsync(404);
        (await (await police.GetPathAsync("/api/v1/orgs/anytown-police/programmes")).Content.ReadAsStringAsync()).ShouldNotContain("Older people");
    }

    [Fact]
    public async Task A_programme_turns_through_the_stages_with_every_move_on_the_record()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");

        var started = await api.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name = "Children's mental health", summary = "Early help in schools", partners = new[] { "anytown-icb" } });
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await started.ReadJsonAsync()).GetProperty("id").GetString();
        var forward = await api.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{id}/stage-changes", new { stages = new[] { "PriorityOutcomes", "DesignSpecification" }, reason = "Needs assessment signed off" });
        var back = await api.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{id}/stage-changes", new { stages = new[] { "AssessNeeds" }, reason = "New school survey changes the picture" });
        var noReason = await api.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{id}/stage-changes", new { stages = new[] { "ReviewAndLearn" }, reason = "" });
        var history = await (await api.GetPathAsync($"/api/v1/orgs/anytown/programmes/{id}/stage-changes")).ReadJsonAsync();

        forward.StatusCode.ShouldBe(HttpStatusCode.Created);
        back.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await noReason.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        history.GetArrayLength().ShouldBe(3);
        history[0].GetProperty("reason").GetString().ShouldBe("New school survey changes the picture");
        history[0].GetProperty("by").GetString().ShouldBe("commissioner@anytown.example");
        history[0].GetProperty("to").EnumerateArray().Select(s => s.GetString()).ShouldBe(["AssessNeeds"]);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "StageChange" && e.After!.Contains("New school survey")).CountAsync());
        audited.ShouldBe(1);
    }

    [Fact]
    public async Task Only_commissioners_start_and_move_programmes()
    {
        app.RequireDatabase();
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");

        await (await councillor.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name = "Not allowed" })).ShouldBeProblemAsync(403);
        (await councillor.GetPathAsync("/api/v1/orgs/anytown/programmes")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_partners_and_stages_are_named_in_the_error()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");

        var badPartner = await api.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name = "X", partners = new[] { "nowhere" } });
        var id = (await DemoProgrammeAsync(api, "anytown", "Older people living independently")).GetProperty("id").GetString();
        var badStage = await api.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{id}/stage-changes", new { stages = new[] { "Procrastinate" }, reason = "x" });

        (await badPartner.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("partners")[0].GetString()!.ShouldContain("nowhere");
        (await badStage.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("stages")[0].GetString()!.ShouldContain("Procrastinate");
    }

    [Fact]
    public async Task A_pooled_budget_is_refused_until_it_adds_up_then_the_host_records_spend_and_partners_see_it()
    {
        app.RequireDatabase();
        using var council = await app.ApiAsAsync("commissioner@anytown.example");
        using var finance = await app.ApiAsAsync("finance@anytown.example");
        using var icb = await app.ApiAsAsync("commissioner@anytown-icb.example");
        var started = await (await council.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name = "Carers' support " + Guid.NewGuid().ToString("N")[..6], partners = new[] { "anytown-icb" } })).ReadJsonAsync();
        var id = started.GetProperty("id").GetString();
        object Budget(decimal council, decimal icbAmount, decimal? councilPercent = null) => new
        {
            financialYear = "2026/27",
            name = "Carers' pooled fund",
            kind = "Section75PooledFund",
            total = 100_000m,
            overspendRule = councilPercent is null ? "InProportionToContributions" : "AgreedPercentages",
            underspendRule = "InProportionToContributions",
            contributions = new object[]
            {
                new { organisation = "anytown", amount = council, overspendPercent = councilPercent },
                new { organisation = "anytown-icb", amount = icbAmount, overspendPercent = councilPercent is null ? (decimal?)null : 100 - councilPercent.Value - 1 },
            },
        };

        var notAddingUp = await finance.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{id}/budgets", Budget(60_000m, 30_000m));
        var percentagesOff = await finance.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{id}/budgets", Budget(60_000m, 40_000m, councilPercent: 50m));
        var created = await finance.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{id}/budgets", Budget(60_000m, 40_000m));
        var again = await finance.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{id}/budgets", Budget(60_000m, 40_000m));
        var budgetId = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var spend = await finance.PostJsonAsync($"/api/v1/orgs/anytown/budgets/{budgetId}/lines", new { kind = "Spend", occurredOn = "2026-05-01", description = "Carers' breaks", amount = 100_000.03m });
        var byPartner = await icb.PostJsonAsync($"/api/v1/orgs/anytown-icb/budgets/{budgetId}/lines", new { kind = "Spend", occurredOn = "2026-05-01", description = "Not ours to record", amount = 1m });
        var seenByPartner = await (await icb.GetPathAsync($"/api/v1/orgs/anytown-icb/budgets/{budgetId}")).ReadJsonAsync();

        (await notAddingUp.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("contributions")[0].GetString().ShouldBe("The contributions add up to £90,000.00, not the total of £100,000.00");
        (await percentagesOff.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("overspendPercentages")[0].GetString().ShouldBe("The overspend percentages add up to 99%, not 100%");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("financialYear", out _).ShouldBeTrue();
        spend.StatusCode.ShouldBe(HttpStatusCode.Created);
        await byPartner.ShouldBeProblemAsync(403);
        var statement = seenByPartner.GetProperty("statement");
        statement.GetProperty("variance").GetDecimal().ShouldBe(0.03m);
        statement.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("shareOfVariance").GetDecimal()).ShouldBe([0.02m, 0.01m]);
        seenByPartner.GetProperty("lines").GetArrayLength().ShouldBe(1);
    }
}

public sealed class ProgrammesApiTestsOnSqlite(SqliteApp app) : ProgrammesApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ProgrammesApiTestsOnPostgres(PostgresApp app) : ProgrammesApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
