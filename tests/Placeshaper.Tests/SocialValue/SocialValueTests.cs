using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.SocialValue;

/// <summary>
/// A council's social value measures: imported whole or not at all and idempotently, offered by a tender and fixed when
/// it is published, committed against in a bid, and shown to the evaluation panel at the council's proxy value.
/// </summary>
public abstract class SocialValueTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Header = "code,theme,outcome,description,unit,proxy_value_gbp,source,licence,retired";
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static Task<HttpResponseMessage> ImportAsync(HttpClient api, string file, string csv) =>
        api.PostAsync(new Uri($"/api/v1/orgs/anytown/social-value-measures/import?file={file}", UriKind.Relative), Csv(csv));

    private static string Prefix() => "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private Task<int> CountAsync(string prefix) => app.WithDbAsync(db => db.SocialValueMeasures.IgnoreQueryFilters().CountAsync(m => m.Code.StartsWith(prefix)));

    [Fact]
    public async Task An_import_goes_in_whole_or_not_at_all_names_the_line_and_column_of_each_problem_and_a_second_run_changes_nothing()
    {
        app.RequireDatabase();
        var p = Prefix();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var good = $"{Header}\n{p}-01,Local jobs,More residents in work,Residents employed,people,\"£1,500.25\",Council evaluation 2026,Council's own,no\n{p}-02,Environment,,Miles driven in electric vans,miles,0.1234,,,\n";
        var bad = good + $"\n{p}-03,Local jobs,,Apprenticeships,apprenticeships,lots,,,\n{p}-04,Local jobs,,Training,,12,,,maybe\n{p}-01,Local jobs,,Again,people,1,,,\n";

        var refused = await (await ImportAsync(api, "measures.csv", bad)).ShouldBeProblemAsync(422);
        var problems = refused.GetProperty("problems").EnumerateArray()
            .Select(e => (e.GetProperty("file").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        problems.ShouldBe([("measures.csv", 5, "proxy_value_gbp"), ("measures.csv", 6, "unit"), ("measures.csv", 6, "retired"), ("measures.csv", 7, "code")], ignoreOrder: true);
        (await CountAsync(p)).ShouldBe(0, "a refused file writes nothing, not even its good rows");

        var first = await (await ImportAsync(api, "measures.csv", good)).ReadJsonAsync();
        var again = await (await ImportAsync(api, "measures.csv", good)).ReadJsonAsync();
        var changed = await (await ImportAsync(api, "measures.csv", good.Replace("\"£1,500.25\"", "1600", StringComparison.Ordinal))).ReadJsonAsync();

        (first.GetProperty("added").GetInt32(), first.GetProperty("updated").GetInt32()).ShouldBe((2, 0));
        (again.GetProperty("added").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 0, 2));
        (changed.GetProperty("added").GetInt32(), changed.GetProperty("updated").GetInt32(), changed.GetProperty("unchanged").GetInt32()).ShouldBe((0, 1, 1));
        (await CountAsync(p)).ShouldBe(2);

        var listed = await (await api.GetPathAsync("/api/v1/orgs/anytown/social-value-measures")).ReadJsonAsync();
        var mine = listed.GetProperty("measures").EnumerateArray().Where(m => m.GetProperty("code").GetString()!.StartsWith(p, StringComparison.Ordinal)).ToList();
        mine.Select(m => (m.GetProperty("code").GetString(), m.GetProperty("unit").GetString(), m.GetProperty("proxyValue").GetDecimal())).ShouldBe([($"{p}-01", "people", 1600m), ($"{p}-02", "miles", 0.1234m)]);
        listed.GetProperty("reference").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ShouldBe(["PPN002-M1", "PPN002-M2", "PPN002-M3", "PPN002-M4", "PPN002-M5"]);
        listed.GetProperty("reference")[0].GetProperty("reference").GetBoolean().ShouldBeTrue();

        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        await (await ImportAsync(councillor, "measures.csv", good)).ShouldBeProblemAsync(403);
        using var browser = await app.SignInAsync("councillor@anytown.example");
        var page = WebUtility.HtmlDecode(await browser.GetHtmlAsync("/o/anytown/social-value"));
        page.ShouldContain($"{p}-01");
        page.ShouldContain("£1,600.00");
        page.ShouldContain("Take back our streets");
    }

    [Fact]
    public async Task The_CLI_imports_measures_from_a_worksheet_once_and_names_the_cell_of_a_bad_value()
    {
        app.RequireDatabase();
        var p = Prefix();
        var good = Workbooks.Create(Workbooks.Rows("Measures", ["code", "theme", "description", "unit", "proxy_value_gbp"], [$"{p}-01", "Local jobs", "Residents employed", "people", "750"]));
        var bad = Workbooks.Create(Workbooks.Rows("Measures", ["code", "theme", "description", "unit", "proxy_value_gbp"], [$"{p}-02", "Local jobs", "Residents employed", "people", "-5"]));

        var first = await RunAsync(good, "measures.xlsx");
        var again = await RunAsync(good, "measures.xlsx");
        var refused = await RunAsync(bad, "bad.xlsx");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("measures.xlsx (sheet Measures): read 1, added 1, updated 0, unchanged 0");
        again.Output.ShouldContain("measures.xlsx (sheet Measures): read 1, added 0, updated 0, unchanged 1");
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("bad.xlsx: sheet Measures, row 2, column E (proxy_value_gbp): Enter the proxy value in pounds per unit");
        (await CountAsync(p)).ShouldBe(1);
    }

    private async Task<Infrastructure.Cli.Run> RunAsync(byte[] workbook, string name)
    {
        var directory = Directory.CreateTempSubdirectory("placeshaper-sv-");
        var path = Path.Combine(directory.FullName, name);
        await File.WriteAllBytesAsync(path, workbook);
        try
        {
            return await Infrastructure.Cli.RunAsync("import", "social-value-measures", path, "--org", "anytown", "--database", app.ConnectionString);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_import_page_reads_an_Excel_download_back_unchanged_and_shows_a_refused_files_problems()
    {
        app.RequireDatabase();
        var p = Prefix();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var csv = Encoding.UTF8.GetBytes($"{Header}\n{p}-01,Local jobs,,Residents employed,people,250,,,\n");
        (await browser.PostFileAsync("/o/anytown/social-value/import", "/o/anytown/social-value/import", "mine.csv", csv)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAsync(p)).ShouldBe(1);

        using var xlsx = await browser.GetAsync("/o/anytown/social-value?handler=Download&format=xlsx");
        using var reimport = await browser.PostFileAsync("/o/anytown/social-value/import", "/o/anytown/social-value/import", "measures.xlsx", await xlsx.Content.ReadAsByteArrayAsync());
        var html = await reimport.Content.ReadAsStringAsync();
        html.ShouldContain("added 0, updated 0");

        using var refused = await browser.PostFileAsync("/o/anytown/social-value/import", "/o/anytown/social-value/import", "broken.csv", Encoding.UTF8.GetBytes("code,theme\nX,Y\n"));
        var problems = await refused.Content.ReadAsStringAsync();
        problems.ShouldContain("broken.csv was refused");
        problems.ShouldContain("the header has no &#x27;description&#x27; column");
    }

    [Fact]
    public async Task A_tender_offers_measures_fixed_on_publication_a_bid_commits_against_one_and_the_panel_sees_its_proxy_value()
    {
        app.RequireDatabase();
        var p = Prefix();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        (await ImportAsync(api, "m.csv", $"{Header}\n{p}-01,Local jobs,,Anytown residents employed,people,1234.5678,Council evaluation 2026,,\n")).EnsureSuccessStatusCode();
        var drafted = await (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference = "SV-" + p, title = "Befriending", kind = "GoodsAndServices", estimatedValue = 150_000m })).ReadJsonAsync();
        var id = drafted.GetProperty("id").GetString()!;
        var root = $"/api/v1/orgs/anytown/tenders/{id}";
        (await api.PutJsonAsync(root + "/award-criteria", new
        {
            weights = new { price = 40, quality = 50, socialValue = 10 },
            questions = new object[]
            {
                new { kind = "Quality", text = "How will you match volunteers?", weight = 100, descriptors = Descriptors },
                new { kind = "SocialValue", text = "How many local people will you employ?", weight = 100, descriptors = Descriptors },
            },
        })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/lots", new { lots = Array.Empty<object>(), noLotsReason = "Small service", suitableForSme = true, suitableForVcse = true })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/timetable", new { clarificationDeadline = DateTime.UtcNow.AddDays(5), submissionDeadline = DateTime.UtcNow.AddDays(10) })).EnsureSuccessStatusCode();

        var unknown = await (await api.PutJsonAsync(root + "/social-value-measures", new { codes = new[] { $"{p}-01", "NO-SUCH" } })).ShouldBeProblemAsync(400);
        unknown.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["codes[1]"]);
        var offered = await (await api.PutJsonAsync(root + "/social-value-measures", new { codes = new[] { $"{p.ToLowerInvariant()}-01", "PPN002-M4" } })).ReadJsonAsync();
        offered.EnumerateArray().Select(m => m.GetProperty("code").GetString()).ShouldBe([$"{p}-01", "PPN002-M4"]);
        var tender = await (await api.PostAsync(new Uri(root + "/publish", UriKind.Relative), null)).ReadJsonAsync();
        var quality = tender.GetProperty("questions")[0].GetProperty("id").GetString()!;
        var social = tender.GetProperty("questions")[1].GetProperty("id").GetString()!;

        var fixedNow = await (await api.PutJsonAsync(root + "/social-value-measures", new { codes = Array.Empty<string>() })).ShouldBeProblemAsync(400);
        fixedNow.GetProperty("errors").GetProperty("tender")[0].GetString()!.ShouldContain("bidders rely on them");
        (await ImportAsync(api, "m.csv", $"{Header}\n{p}-01,Local jobs,,Anytown residents employed,people,9999,,,yes\n")).EnsureSuccessStatusCode();
        var kept = await (await api.GetPathAsync(root + "/social-value-measures")).ReadJsonAsync();
        kept[0].GetProperty("proxyValue").GetDecimal().ShouldBe(1234.5678m, "the tender keeps the measure as published, though the council's measure changed");

        using var care = await app.ApiAsAsync("care@anytown-community-care.example");
        using var portal = await app.SignInAsync("care@anytown-community-care.example");
        (await portal.GetHtmlAsync($"/o/anytown/portal/tenders/{id}")).ShouldContain($"{p}-01: Anytown residents employed (people)");
        object Bid(string code) => new
        {
            prices = new[] { new { lotId = (string?)null, price = 40_000m } },
            answers = new[] { new { questionId = quality, text = "We match by interests." }, new { questionId = social, text = "We recruit locally." } },
            commitments = new object[]
            {
                new { questionId = social, quantity = 12.5m, measureCode = code },
                new { questionId = social, measure = "Coffee mornings at the library", quantity = 40m, unit = "mornings" },
            },
        };
        var refusedBid = await (await care.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{id}/bids", Bid("ANY-99"))).ShouldBeProblemAsync(400);
        refusedBid.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("commitments[0].measureCode");
        var submitted = await care.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{id}/bids", Bid($"{p}-01"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var bidId = (await submitted.ReadJsonAsync()).GetProperty("id").GetString()!;

        await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.SubmissionDeadline, DateTime.UtcNow.AddMinutes(-1))));
        (await api.PostAsync(new Uri(root + "/bids/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var evaluatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "evaluator@anytown.example").Select(u => u.Id).SingleAsync());
        (await api.PostJsonAsync(root + "/evaluation/panel", new { personId = evaluatorId })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var evaluator = await app.ApiAsAsync("evaluator@anytown.example");
        (await evaluator.PostJsonAsync(root + "/evaluation/declaration", new { conflict = false })).EnsureSuccessStatusCode();

        var opened = await (await evaluator.GetPathAsync($"{root}/bids/{bidId}")).ReadJsonAsync();
        var commitment = opened.GetProperty("content").GetProperty("commitments")[0];
        (commitment.GetProperty("measureCode").GetString(), commitment.GetProperty("unit").GetString(), commitment.GetProperty("measure").GetString())
            .ShouldBe(($"{p}-01", "people", "Anytown residents employed"));
        using var panel = await app.SignInAsync("evaluator@anytown.example");
        var page = WebUtility.HtmlDecode(await panel.GetHtmlAsync($"/o/anytown/tenders/{id}/evaluation/bids/{bidId}"));
        page.ShouldContain("12.5 people × £1,234.5678 = £15,432.10");
        page.ShouldContain("In the bidder's own words: no measure, no proxy value.");
        page.ShouldContain("Total at proxy values: <strong>£15,432.10</strong>");
    }
}

public sealed class SocialValueTestsOnSqlite(SqliteApp app) : SocialValueTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SocialValueTestsOnPostgres(PostgresApp app) : SocialValueTests<PostgresApp>(app), IClassFixture<PostgresApp>;
