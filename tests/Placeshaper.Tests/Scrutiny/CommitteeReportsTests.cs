using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Scrutiny;

/// <summary>Committee reports on a contract and a programme, from live data, in the API and on the printable pages.</summary>
public abstract class CommitteeReportsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Root = "/api/v1/orgs/anytown/scrutiny/reports";

    [Fact]
    public async Task A_contracts_report_gives_its_kpis_latest_approved_values_and_ratings_residents_ratings_and_its_questions()
    {
        app.RequireDatabase();
        var (telecare, facilities) = await app.WithDbAsync(async db =>
        {
            var ids = await db.Contracts.IgnoreQueryFilters().Where(c => c.Reference == "ANYTOWN-2025-034" || c.Reference == "ANYTOWN-2023-007").ToDictionaryAsync(c => c.Reference, c => c.Id);
            return (ids["ANYTOWN-2025-034"], ids["ANYTOWN-2023-007"]);
        });
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var report = await (await councillor.GetPathAsync($"{Root}/contracts/{telecare}")).ReadJsonAsync();
        report.GetProperty("reference").GetString().ShouldBe("ANYTOWN-2025-034");
        report.GetProperty("supplier").GetString().ShouldBe("Anytown Community Care CIC");
        var kpis = report.GetProperty("kpis").EnumerateArray().ToList();
        kpis.ShouldNotBeEmpty();
        kpis.ShouldContain(k => k.GetProperty("rating").ValueKind == JsonValueKind.String && k.GetProperty("latest").ValueKind == JsonValueKind.Number);
        kpis.ShouldAllBe(k => (k.GetProperty("rating").ValueKind == JsonValueKind.Null) == (k.GetProperty("latest").ValueKind == JsonValueKind.Null));
        report.GetProperty("rating").GetProperty("count").GetInt32().ShouldBeGreaterThan(0);

        var withQuestion = await (await councillor.GetPathAsync($"{Root}/contracts/{facilities}")).ReadJsonAsync();
        var question = withQuestion.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("title").GetString() == "Extending the facilities management contract");
        question.GetProperty("thread").GetArrayLength().ShouldBeGreaterThan(0);

        await (await councillor.GetPathAsync($"{Root}/contracts/{Guid.NewGuid()}")).ShouldBeProblemAsync(404);
        using var provider = await app.ApiAsAsync("care@anytown-community-care.example");
        (await provider.GetPathAsync($"{Root}/contracts/{telecare}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var browser = await app.SignInAsync("councillor@anytown.example");
        var page = await browser.GetHtmlAsync($"/o/anytown/scrutiny/reports/contracts/{telecare}");
        page.ShouldContain("Latest approved value");
        page.ShouldContain(kpis.First(k => k.GetProperty("rating").ValueKind == JsonValueKind.String).GetProperty("definition").GetString()!);
    }

    [Fact]
    public async Task A_programmes_report_gives_its_outcomes_contracts_with_their_performance_and_ratings_and_its_history()
    {
        app.RequireDatabase();
        var programme = await app.WithDbAsync(db => db.Programmes.Where(p => p.Name == "Older people living independently").Select(p => p.Id).SingleAsync());
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var report = await (await councillor.GetPathAsync($"{Root}/programmes/{programme}")).ReadJsonAsync();
        report.GetProperty("name").GetString().ShouldBe("Older people living independently");
        report.GetProperty("stages").GetArrayLength().ShouldBeGreaterThan(0);
        report.GetProperty("outcomes").GetArrayLength().ShouldBeGreaterThan(0);
        var telecare = report.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == "ANYTOWN-2025-034");
        telecare.GetProperty("worst").ValueKind.ShouldBe(JsonValueKind.String);
        telecare.GetProperty("reviews").GetInt32().ShouldBeGreaterThan(0);

        await (await councillor.GetPathAsync($"{Root}/programmes/{Guid.NewGuid()}")).ShouldBeProblemAsync(404);
        using var browser = await app.SignInAsync("councillor@anytown.example");
        (await browser.GetHtmlAsync($"/o/anytown/scrutiny/reports/programmes/{programme}")).ShouldContain("Worst KPI " + telecare.GetProperty("worst").GetString());
    }
}

public sealed class CommitteeReportsTestsOnSqlite(SqliteApp app) : CommitteeReportsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class CommitteeReportsTestsOnPostgres(PostgresApp app) : CommitteeReportsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
