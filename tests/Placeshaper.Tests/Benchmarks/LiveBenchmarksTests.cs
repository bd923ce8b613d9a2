using System.Net;
using System.Text;
using System.Text.Json;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Benchmarks;

public abstract class LiveBenchmarksTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task A_contracts_approved_KPI_values_are_live_figures_seen_anonymised_with_three_sharers_suppressed_with_fewer_and_never_from_a_non_sharer()
    {
        app.RequireDatabase();
        var measure = "Alarm calls answered within 45 minutes " + Guid.NewGuid().ToString("N")[..6];
        using var anytown = await app.ApiAsAsync("commissioner@anytown.example");
        using var borsetshire = await app.ApiAsAsync("commissioner@borsetshire.example");
        using var felpersham = await app.ApiAsAsync("commissioner@felpersham.example");
        using var police = await app.ApiAsAsync("commissioner@anytown-police.example");

        // Each council has a telecare contract with approved values; Anytown has two months of 2025-26, and the later counts.
        var anytownRef = await ContractWithValuesAsync(anytown, "anytown", measure, "Anytown Alarm Co", (new DateOnly(2025, 5, 1), 80m), (new DateOnly(2025, 6, 1), 91.5m));
        await ContractWithValuesAsync(borsetshire, "borsetshire", measure, "Borchester Responders", (new DateOnly(2025, 7, 1), 88m));
        await ContractWithValuesAsync(felpersham, "felpersham", measure, "Felpersham Lifeline", (new DateOnly(2025, 5, 1), 93m));
        await ContractWithValuesAsync(police, "anytown-police", measure, "Police Watch Ltd", (new DateOnly(2025, 5, 1), 12.34m));
        try
        {
            await ShareAsync(anytown, "anytown", "Named");
            await ShareAsync(borsetshire, "borsetshire", "Anonymous");

            // Two sharers: the group is held back whole, for both of them.
            foreach (var (client, slug) in new[] { (anytown, "anytown"), (borsetshire, "borsetshire") })
            {
                var held = await BenchmarksAsync(client, slug, $"&measure={Uri.EscapeDataString(measure)}");
                held.GetProperty("groups").GetArrayLength().ShouldBe(0);
                held.GetProperty("suppressedGroups").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
                held.GetRawText().ShouldNotContain("91.5");
            }

            // A third sharer: published, with each organisation's latest approved value in 2025-26.
            await ShareAsync(felpersham, "felpersham", "Anonymous");
            var group = Group(await BenchmarksAsync(anytown, "anytown"), measure);
            group.GetProperty("contributors").GetInt32().ShouldBe(3);
            group.GetProperty("period").GetString().ShouldBe("2025-26");
            group.GetProperty("kind").GetString().ShouldBe("Kpi");
            var figures = group.GetProperty("figures").EnumerateArray().ToList();
            figures.Select(f => f.GetProperty("value").GetDecimal()).ShouldBe([88m, 91.5m, 93m], ignoreOrder: true);
            var own = figures.Single(f => f.GetProperty("isViewer").GetBoolean());
            (own.GetProperty("contributor").GetString(), own.GetProperty("provider").GetString(), own.GetProperty("source").GetString())
                .ShouldBe(("Anytown Borough Council", "Anytown Alarm Co", $"Live from contract {anytownRef}"));
            figures.Where(f => !f.GetProperty("isViewer").GetBoolean()).ShouldAllBe(f => f.GetProperty("contributor").GetString()!.StartsWith("Council ") && f.GetProperty("source").ValueKind == JsonValueKind.Null);

            // Borsetshire sees the same group with nobody named, and nothing of where others' figures came from.
            var seenByBorsetshire = Group(await BenchmarksAsync(borsetshire, "borsetshire"), measure);
            var text = seenByBorsetshire.GetRawText();
            foreach (var hidden in new[] { "Anytown", "Felpersham", anytownRef, "12.34", "Police" })
            {
                text.ShouldNotContain(hidden);
            }

            // The non-sharing Police never appear, not even as a fourth contributor.
            (await BenchmarksAsync(anytown, "anytown")).GetRawText().ShouldNotContain("12.34");

            // The page says where Anytown's own figure came from; the export carries it as Anytown's own.
            using var browser = await app.SignInAsync("commissioner@anytown.example");
            (await browser.GetHtmlAsync("/o/anytown/benchmarks?category=telecare")).ShouldContain($"Live from contract {anytownRef}");
            var csv = Encoding.UTF8.GetString(await (await anytown.GetPathAsync("/api/v1/orgs/anytown/benchmarks/export?format=csv")).Content.ReadAsByteArrayAsync());
            csv.ShouldContain($"telecare,2025-26,{measure},kpi,%,91.5,Anytown Alarm Co,no,Anytown Borough Council,yes");
            var policeCsv = Encoding.UTF8.GetString(await (await police.GetPathAsync("/api/v1/orgs/anytown-police/benchmarks/export?format=csv")).Content.ReadAsByteArrayAsync());
            policeCsv.ShouldNotContain(measure);
        }
        finally
        {
            foreach (var (client, slug) in new[] { (anytown, "anytown"), (borsetshire, "borsetshire"), (felpersham, "felpersham") })
            {
                await ShareAsync(client, slug, "NotShared");
            }
        }
    }

    [Fact]
    public async Task A_contracts_service_category_round_trips_through_the_API_and_an_unknown_code_is_refused_naming_the_field()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var body = new Dictionary<string, object?>
        {
            ["reference"] = "CAT-" + Guid.NewGuid().ToString("N")[..6],
            ["title"] = "Community alarms",
            ["supplierName"] = "Alarm Co",
            ["totalValue"] = 100_000m,
            ["startDate"] = "2025-04-01",
            ["endDate"] = "2027-03-31",
            ["serviceCategory"] = "Telecare",
        };
        var created = await api.PostJsonAsync("/api/v1/orgs/anytown/contracts", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        (await (await api.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}")).ReadJsonAsync()).GetProperty("serviceCategory").GetString().ShouldBe("telecare");

        using (var browser = await app.SignInAsync("procurement@anytown.example"))
        {
            (await browser.GetHtmlAsync($"/o/anytown/contracts/{id}")).ShouldContain("Telecare and community alarms");
            (await browser.GetHtmlAsync($"/o/anytown/contracts/{id}/edit")).ShouldContain("<option value=\"telecare\" selected=\"selected\">");
        }

        body["serviceCategory"] = "gardening";
        var refused = await (await api.PutJsonAsync($"/api/v1/orgs/anytown/contracts/{id}", body)).ShouldBeProblemAsync(400);
        refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["serviceCategory"]);
        (await (await api.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}")).ReadJsonAsync()).GetProperty("serviceCategory").GetString().ShouldBe("telecare");

        body["serviceCategory"] = "home-care";
        (await api.PutJsonAsync($"/api/v1/orgs/anytown/contracts/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await api.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}")).ReadJsonAsync()).GetProperty("serviceCategory").GetString().ShouldBe("home-care");
        body.Remove("serviceCategory");
        (await api.PutJsonAsync($"/api/v1/orgs/anytown/contracts/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await api.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}")).ReadJsonAsync()).GetProperty("serviceCategory").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static async Task<string> ContractWithValuesAsync(HttpClient api, string slug, string measure, string supplier, params (DateOnly Period, decimal Value)[] values)
    {
        var reference = "LIVE-" + Guid.NewGuid().ToString("N")[..6];
        var created = await api.PostJsonAsync($"/api/v1/orgs/{slug}/contracts", new
        {
            reference,
            title = "Community alarms and responders",
            supplierName = supplier,
            totalValue = 200_000m,
            startDate = "2025-04-01",
            endDate = "2027-03-31",
            serviceCategory = "telecare",
            kpis = new[] { new { definition = measure, unit = "%", polarity = "HigherIsBetter", target = 95m, minimum = 90m, frequency = "Monthly", dataSource = "Call logs" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contract = await created.ReadJsonAsync();
        var id = contract.GetProperty("id").GetString();
        var kpiId = contract.GetProperty("kpis")[0].GetProperty("id").GetString();
        foreach (var (period, value) in values)
        {
            var submitted = await api.PostJsonAsync($"/api/v1/orgs/{slug}/contracts/{id}/observations", new { kpiId, periodStart = period, value });
            submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
            var observationId = (await submitted.ReadJsonAsync()).GetProperty("id").GetString();
            (await api.PostAsync(new Uri($"/api/v1/orgs/{slug}/contracts/{id}/observations/{observationId}/approve", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A value waiting for approval is not a figure.
        (await api.PostJsonAsync($"/api/v1/orgs/{slug}/contracts/{id}/observations", new { kpiId, periodStart = "2025-12-01", value = 1m })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return reference;
    }

    private static async Task ShareAsync(HttpClient client, string slug, string choice) =>
        (await client.PutJsonAsync($"/api/v1/orgs/{slug}/benchmarks/settings/telecare", new { choice })).StatusCode.ShouldBe(HttpStatusCode.OK);

    private static async Task<JsonElement> BenchmarksAsync(HttpClient client, string slug, string filter = "")
    {
        var response = await client.GetPathAsync($"/api/v1/orgs/{slug}/benchmarks?category=telecare{filter}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static JsonElement Group(JsonElement body, string measure) =>
        body.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("measure").GetString() == measure);
}

public sealed class LiveBenchmarksTestsOnSqlite(SqliteApp app) : LiveBenchmarksTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class LiveBenchmarksTestsOnPostgres(PostgresApp app) : LiveBenchmarksTests<PostgresApp>(app), IClassFixture<PostgresApp>;
