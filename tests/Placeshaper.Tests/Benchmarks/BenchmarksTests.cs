using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Benchmarks;

public abstract class BenchmarksTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Anytown = "Anytown Borough Council";
    private const string Borsetshire = "Borsetshire County Council";

    [Fact]
    public async Task Two_demo_councils_share_home_care_figures_and_each_sees_the_other_only_as_allowed()
    {
        app.RequireDatabase();
        using var anytown = await app.ApiAsAsync("commissioner@anytown.example");
        using var borsetshire = await app.ApiAsAsync("commissioner@borsetshire.example");
        using var felpersham = await app.ApiAsAsync("commissioner@felpersham.example");

        // Anytown and Borsetshire agreed to be named: each sees the other by name; Felpersham shares anonymously.
        var seenByAnytown = await BenchmarksAsync(anytown, "anytown", "home-care");
        Contributors(seenByAnytown).ShouldBe([Anytown, Borsetshire, "Council A"], ignoreOrder: true);
        var cost = seenByAnytown.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("measure").GetString() == "Cost per hour of home care");
        cost.GetProperty("contributors").GetInt32().ShouldBe(3);
        cost.GetProperty("distribution").GetProperty("median").GetDecimal().ShouldBe(23.80m);
        var providers = Providers(seenByAnytown);
        providers.ShouldContain("Borchester Home Help Ltd");
        providers.ShouldContain("Meadow Homecare Ltd");
        providers.ShouldNotContain("Ambridge Care Services");
        seenByAnytown.GetProperty("referenceUnitCosts").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldContain("SS18.7");

        var seenByBorsetshire = await BenchmarksAsync(borsetshire, "borsetshire", "home-care");
        Contributors(seenByBorsetshire).ShouldBe([Anytown, Borsetshire, "Council A"], ignoreOrder: true);
        Providers(seenByBorsetshire).ShouldContain("Anytown Community Care CIC");
        Providers(seenByBorsetshire).ShouldNotContain("Meadow Homecare Ltd");

        // Felpersham shares anonymously, so nobody is named to it; and nothing anywhere names it or its providers.
        var seenByFelpersham = await BenchmarksAsync(felpersham, "felpersham", "home-care");
        Contributors(seenByFelpersham).ShouldBe(["Felpersham City Council", "Council A", "Council B"], ignoreOrder: true);
        seenByFelpersham.GetRawText().ShouldNotContain("Anytown");
        seenByFelpersham.GetRawText().ShouldNotContain("Borsetshire");
        foreach (var body in new[] { seenByAnytown, seenByBorsetshire })
        {
            body.GetRawText().ShouldNotContain("Felpersham");
            body.GetRawText().ShouldNotContain("Loxley");
        }

        // Day opportunities: two councils only, so the group is suppressed for both, even filtered to the one measure.
        foreach (var (client, slug) in new[] { (anytown, "anytown"), (borsetshire, "borsetshire") })
        {
            var day = await BenchmarksAsync(client, slug, "day-opportunities", "&measure=Cost%20per%20day%20of%20day%20opportunities&provider=Brightside%20Family%20Support");
            (day.GetProperty("groups").GetArrayLength(), day.GetProperty("suppressedGroups").GetInt32()).ShouldBe((0, 1));
            day.GetRawText().ShouldNotContain("58.5");
        }

        // An organisation that does not share sees nothing of others'.
        using var police = await app.ApiAsAsync("commissioner@anytown-police.example");
        var seenByPolice = await BenchmarksAsync(police, "anytown-police", "home-care");
        (seenByPolice.GetProperty("yourChoice").GetString(), seenByPolice.GetProperty("groups").GetArrayLength()).ShouldBe(("NotShared", 0));

        // The page says the same.
        using var browser = await app.SignInAsync("commissioner@borsetshire.example");
        var page = await browser.GetHtmlAsync("/o/borsetshire/benchmarks?category=home-care");
        page.ShouldContain(Anytown);
        page.ShouldNotContain("Felpersham");
        (await browser.GetHtmlAsync("/o/borsetshire/benchmarks?category=day-opportunities")).ShouldContain("fewer than 3 organisations contribute");
    }

    [Fact]
    public async Task Opting_out_suppresses_what_falls_below_three_and_becoming_anonymous_hides_the_name_in_pages_filters_and_downloads()
    {
        app.RequireDatabase();
        using var anytown = await app.ApiAsAsync("commissioner@anytown.example");
        using var borsetshire = await app.ApiAsAsync("administrator@borsetshire.example");
        using var felpersham = await app.ApiAsAsync("commissioner@felpersham.example");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        (await councillor.PutJsonAsync("/api/v1/orgs/anytown/benchmarks/settings/home-care", new { choice = "NotShared" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await borsetshire.PutJsonAsync("/api/v1/orgs/borsetshire/benchmarks/settings/gardening", new { choice = "Named" })).ShouldBeProblemAsync(400))
            .GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["category"]);
        try
        {
            // Borsetshire's administrator chooses on the settings page to share home care anonymously.
            using (var settings = await app.SignInAsync("administrator@borsetshire.example"))
            {
                (await settings.PostFormAsync("/o/borsetshire/benchmarks/settings", "/o/borsetshire/benchmarks/settings", new() { ["Choices[home-care]"] = "Anonymous" }))
                    .StatusCode.ShouldBe(HttpStatusCode.Redirect);
                (await settings.GetHtmlAsync("/o/borsetshire/benchmarks/settings")).ShouldContain("by Ben Borsetshire-Admin");
            }

            var seen = await BenchmarksAsync(anytown, "anytown", "home-care");
            Contributors(seen).ShouldBe([Anytown, "Council A", "Council B"], ignoreOrder: true);
            Providers(seen).ShouldNotContain("Borchester Home Help Ltd");
            using (var browser = await app.SignInAsync("commissioner@anytown.example"))
            {
                var csv = Encoding.UTF8.GetString(await (await browser.GetAsync("/o/anytown/benchmarks?category=home-care&handler=Download&format=csv")).Content.ReadAsByteArrayAsync());
                csv.ShouldContain("Council A");
                csv.ShouldNotContain("Borsetshire");
                csv.ShouldNotContain("Borchester");
            }

            var audit = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityType == "BenchmarkSharing").Select(e => e.After).ToListAsync());
            audit.ShouldContain(a => a != null && a.Contains("Anonymous"));

            // Felpersham stops sharing: every home care group falls to two organisations and is suppressed whole,
            // whatever the filter and in the download too.
            (await felpersham.PutJsonAsync("/api/v1/orgs/felpersham/benchmarks/settings/home-care", new { choice = "NotShared" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            foreach (var filter in new[] { "", "&measure=Visits%20on%20time", "&period=2025-26", "&provider=Council%20A", "&provider=Anytown%20Community%20Care%20CIC" })
            {
                var left = await BenchmarksAsync(anytown, "anytown", "home-care", filter);
                left.GetProperty("groups").GetArrayLength().ShouldBe(0);
                left.GetProperty("suppressedGroups").GetInt32().ShouldBe(3);
            }

            using var again = await app.SignInAsync("commissioner@anytown.example");
            var empty = Encoding.UTF8.GetString(await (await again.GetAsync("/o/anytown/benchmarks?category=home-care&handler=Download&format=csv")).Content.ReadAsByteArrayAsync());
            empty.Trim().Split('\n').Length.ShouldBe(1);
            var seenByFelpersham = await BenchmarksAsync(felpersham, "felpersham", "home-care");
            (seenByFelpersham.GetProperty("yourChoice").GetString(), seenByFelpersham.GetProperty("groups").GetArrayLength()).ShouldBe(("NotShared", 0));
        }
        finally
        {
            await borsetshire.PutJsonAsync("/api/v1/orgs/borsetshire/benchmarks/settings/home-care", new { choice = "Named" });
            await felpersham.PutJsonAsync("/api/v1/orgs/felpersham/benchmarks/settings/home-care", new { choice = "Anonymous" });
        }
    }

    [Fact]
    public async Task A_dataset_exported_in_the_open_format_imports_elsewhere_unchanged_and_a_bad_file_is_refused_whole_naming_line_and_field()
    {
        app.RequireDatabase();
        using var anytown = await app.ApiAsAsync("commissioner@anytown.example");
        using var police = await app.ApiAsAsync("administrator@anytown-police.example");
        var csv = await (await anytown.GetPathAsync("/api/v1/orgs/anytown/benchmarks/export?format=csv")).Content.ReadAsByteArrayAsync();
        var csvText = Encoding.UTF8.GetString(csv);
        csvText.ShouldStartWith("category,period,measure,kind,unit,value,provider,provider_named,contributor,contributor_named");
        csvText.ShouldContain("home-care");
        csvText.ShouldContain(",Anytown Borough Council,yes");

        // The same file again changes nothing.
        var again = await (await ImportAsync(anytown, "anytown", csv, "anytown.csv")).ReadJsonAsync();
        (again.GetProperty("added").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 0, 5));

        // Another organisation pools the JSON export; exporting what it holds gives the same figures back.
        var json = await (await anytown.GetPathAsync("/api/v1/orgs/anytown/benchmarks/export?format=json")).Content.ReadAsByteArrayAsync();
        var imported = await (await ImportAsync(police, "anytown-police", json, "anytown.json")).ReadJsonAsync();
        imported.GetProperty("added").GetInt32().ShouldBe(5);
        var back = Encoding.UTF8.GetString(await (await police.GetPathAsync("/api/v1/orgs/anytown-police/benchmarks/export?format=csv&all=true")).Content.ReadAsByteArrayAsync());
        back.ShouldBe(csvText);

        var before = await app.WithDbAsync(db => db.BenchmarkFigures.IgnoreQueryFilters().CountAsync());
        var bad = "category,period,measure,kind,unit,value,provider\n"
            + "home-care,2025-26,Cost per hour,unit-cost,GBP per hour,20.5,Good Care\n"
            + "home-care,2025-26,Cost per week,unit-cost,GBP per week,twelve,Good Care\n"
            + "gardening,2025-26,Cost per hour,unit-cost,GBP per hour,1,Good Care\n";
        var refused = await (await ImportAsync(anytown, "anytown", Encoding.UTF8.GetBytes(bad), "bad.csv")).ShouldBeProblemAsync(422);
        refused.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("file").GetString(), p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString()))
            .ShouldBe([("bad.csv", 3, "value"), ("bad.csv", 4, "category")]);
        var badJson = """{"format":"placeshaper-benchmarks/1","figures":[{"category":"home-care","period":"2025-26","measure":"M","kind":"kpi","unit":"%","value":1},{"category":"home-care","period":"2025-26","measure":"M2","unit":"%","value":1}]}""";
        var refusedJson = await (await ImportAsync(anytown, "anytown", Encoding.UTF8.GetBytes(badJson), "bad.json")).ShouldBeProblemAsync(422);
        refusedJson.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString())).ShouldBe([(2, "kind")]);
        (await app.WithDbAsync(db => db.BenchmarkFigures.IgnoreQueryFilters().CountAsync())).ShouldBe(before);

        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        (await ImportAsync(councillor, "anytown", csv, "anytown.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonElement> BenchmarksAsync(HttpClient client, string slug, string category, string filter = "")
    {
        var response = await client.GetPathAsync($"/api/v1/orgs/{slug}/benchmarks?category={category}{filter}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, byte[] content, string file) =>
        client.PostAsync(new Uri($"/api/v1/orgs/{slug}/benchmarks/imports?file={file}", UriKind.Relative), new ByteArrayContent(content));

    private static List<string?> Contributors(JsonElement body) =>
        body.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("figures").EnumerateArray()).Select(f => f.GetProperty("contributor").GetString()).Distinct().ToList();

    private static List<string?> Providers(JsonElement body) =>
        body.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("figures").EnumerateArray()).Select(f => f.GetProperty("provider").GetString()).Distinct().ToList();
}

public sealed class BenchmarksTestsOnSqlite(SqliteApp app) : BenchmarksTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BenchmarksTestsOnPostgres(PostgresApp app) : BenchmarksTests<PostgresApp>(app), IClassFixture<PostgresApp>;
