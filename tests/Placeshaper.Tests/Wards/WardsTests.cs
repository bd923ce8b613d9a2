using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Wards;

public abstract class WardsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Root = "/api/v1/orgs/anytown/wards";

    [Fact]
    public async Task A_councillors_ward_view_shows_its_needs_programmes_contracts_with_performance_and_ratings_and_open_questions()
    {
        app.RequireDatabase();
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var wards = (await (await councillor.GetPathAsync(Root)).ReadJsonAsync()).EnumerateArray().ToList();
        wards.Single(w => w.GetProperty("name").GetString() == "Riverside").GetProperty("contracts").GetInt32().ShouldBe(2);
        wards.Single(w => w.GetProperty("name").GetString() == "Westmoor").GetProperty("contracts").GetInt32().ShouldBe(0);

        var riverside = await (await councillor.GetPathAsync($"{Root}/E05999002")).ReadJsonAsync();
        riverside.GetProperty("name").GetString().ShouldBe("Riverside");
        var falls = riverside.GetProperty("needs").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "falls-65");
        falls.GetProperty("value").GetDecimal().ShouldBeGreaterThan(0);
        falls.GetProperty("authority").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
        var contracts = riverside.GetProperty("contracts").EnumerateArray().ToList();
        contracts.Select(c => c.GetProperty("reference").GetString()).ShouldBe(["ANYTOWN-2025-021", "ANYTOWN-2025-034"]);
        contracts.ShouldAllBe(c => c.GetProperty("worst").ValueKind == System.Text.Json.JsonValueKind.String);
        contracts.ShouldAllBe(c => c.GetProperty("green").GetInt32() + c.GetProperty("amber").GetInt32() + c.GetProperty("red").GetInt32() > 0);
        var telecare = contracts.Single(c => c.GetProperty("reference").GetString() == "ANYTOWN-2025-034");
        telecare.GetProperty("reviews").GetInt32().ShouldBe(4);
        telecare.GetProperty("rating").GetDecimal().ShouldBeInRange(1m, 5m);
        riverside.GetProperty("programmes").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("Older people living independently");

        // Castle (asked for in lower case) has the facilities contract and its overdue question; a closed question would not show.
        var castle = await (await councillor.GetPathAsync($"{Root}/e05999001")).ReadJsonAsync();
        var open = castle.GetProperty("openQuestions").EnumerateArray().ToList();
        open.ShouldContain(q => q.GetProperty("title").GetString() == "Extending the facilities management contract" && q.GetProperty("overdue").GetBoolean());
        open.ShouldAllBe(q => q.GetProperty("status").GetString() != "Closed");

        await (await councillor.GetPathAsync($"{Root}/E05999999")).ShouldBeProblemAsync(404);
        await (await councillor.GetPathAsync($"{Root}/E06009001")).ShouldBeProblemAsync(404);

        using var browser = await app.SignInAsync("councillor@anytown.example");
        var page = await browser.GetHtmlAsync("/o/anytown/wards/E05999002");
        page.ShouldContain("ANYTOWN-2025-034");
        page.ShouldContain("Older people living independently");
        (await browser.GetAsync("/o/anytown/wards/E05999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Officers_set_the_wards_a_contract_is_delivered_in_and_the_ward_view_follows_audited()
    {
        app.RequireDatabase();
        var contractId = await app.WithDbAsync(db => db.Contracts.Where(c => c.Reference == "ANYTOWN-2023-007").Select(c => c.Id).SingleAsync());
        var path = $"/api/v1/orgs/anytown/contracts/{contractId}/wards";
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        using var officer = await app.ApiAsAsync("procurement@anytown.example");
        (await councillor.PutJsonAsync(path, new { areaCodes = new[] { "E05999006" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await officer.PutJsonAsync(path, new { areaCodes = new[] { "E05999006", "E06009001" } })).ShouldBeProblemAsync(400))
            .GetProperty("errors").GetProperty("areaCodes")[0].GetString()!.ShouldContain("E06009001");
        try
        {
            var set = await (await officer.PutJsonAsync(path, new { areaCodes = new[] { "e05999006" } })).ReadJsonAsync();
            set.EnumerateArray().Select(w => w.GetProperty("name").GetString()).ShouldBe(["Westmoor"]);
            var westmoor = await (await councillor.GetPathAsync($"{Root}/E05999006")).ReadJsonAsync();
            westmoor.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("reference").GetString()).ShouldBe(["ANYTOWN-2023-007"]);
            (await (await councillor.GetPathAsync($"{Root}/E05999001")).ReadJsonAsync()).GetProperty("contracts").GetArrayLength().ShouldBe(1);
            var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityType == "ContractArea").Select(e => e.Action).ToListAsync());
            audit.ShouldContain("created");
            audit.ShouldContain("deleted");

            // The same through the contract's page.
            using var browser = await app.SignInAsync("procurement@anytown.example");
            var response = await browser.PostFormAsync($"/o/anytown/contracts/{contractId}/wards", $"/o/anytown/contracts/{contractId}/wards",
                new() { ["AreaCodes"] = "E05999005" });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await browser.GetHtmlAsync($"/o/anytown/contracts/{contractId}")).ShouldContain("Eastbrook");
        }
        finally
        {
            await officer.PutJsonAsync(path, new { areaCodes = new[] { "E05999001" } });
        }
    }
}

public sealed class WardsTestsOnSqlite(SqliteApp app) : WardsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class WardsTestsOnPostgres(PostgresApp app) : WardsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
