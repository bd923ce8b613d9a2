using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Benchmarks;

/// <summary>The benchmark upload page: a good file goes in whole, a bad line is named by file, line and field in the error summary and nothing is stored.</summary>
public abstract class BenchmarkImportPageTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Page = "/o/anytown/benchmarks/import";
    private const string Header = "category,period,measure,kind,unit,value,provider,provider_named,contributor,contributor_named";

    [Fact]
    public async Task A_commissioner_uploads_a_dataset_whole_and_a_bad_line_is_named_in_the_error_summary_with_nothing_stored()
    {
        app.RequireDatabase();
        var measure = "Upload page " + Guid.NewGuid().ToString("N")[..8];
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        (await browser.GetHtmlAsync("/o/anytown/benchmarks")).ShouldContain($"href=\"{Page}\"");

        var good = Encoding.UTF8.GetBytes($"{Header}\nhome-care,2025-26,{measure},unit-cost,GBP per hour,24.10,Hilltop Care,no,Wessex Council,no\n"
            + $"home-care,2025-26 Q1,{measure},unit-cost,GBP per hour,23.90,,,,\n");
        var accepted = await browser.PostFileAsync(Page, Page, "pooled.csv", good);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await accepted.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-notification-banner--success");
        html.ShouldNotContain("govuk-error-summary");
        var stored = await app.WithDbAsync(db => db.BenchmarkFigures.IgnoreQueryFilters().Where(f => f.Measure == measure).Select(f => f.Value).ToListAsync());
        stored.Order().ShouldBe([23.90m, 24.10m]);

        // The same file again changes nothing.
        (await (await browser.PostFileAsync(Page, Page, "pooled.csv", good)).Content.ReadAsStringAsync()).ShouldContain("unchanged 2");

        // A bad line (value not a number) refuses the whole file; the error summary names the file, line and field.
        var before = await app.WithDbAsync(db => db.BenchmarkFigures.IgnoreQueryFilters().CountAsync());
        var bad = Encoding.UTF8.GetBytes($"{Header}\nhome-care,2024-25,{measure},unit-cost,GBP per hour,22.00,,,,\n"
            + $"home-care,2024-25,{measure} weekly,unit-cost,GBP per week,lots,,,,\n");
        var refused = await browser.PostFileAsync(Page, Page, "bad.csv", bad);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var problems = await refused.Content.ReadAsStringAsync();
        var summary = problems[problems.IndexOf("govuk-error-summary", StringComparison.Ordinal)..problems.IndexOf("</h1>", StringComparison.Ordinal)];
        summary.ShouldContain("bad.csv was refused and nothing was imported");
        summary.ShouldContain("bad.csv:3: value:");
        summary.ShouldNotContain("bad.csv:2");
        problems.ShouldNotContain("govuk-notification-banner--success");
        (await app.WithDbAsync(db => db.BenchmarkFigures.IgnoreQueryFilters().CountAsync())).ShouldBe(before);
        (await app.WithDbAsync(db => db.BenchmarkFigures.IgnoreQueryFilters().CountAsync(f => f.Period == "2024-25" && f.Measure == measure))).ShouldBe(0);

        // A JSON dataset names the figure's position and field; no file at all is a field error.
        var badJson = Encoding.UTF8.GetBytes($$"""{"format":"placeshaper-benchmarks/1","figures":[{"category":"home-care","period":"2025-26","measure":"{{measure}}","unit":"%","value":1}]}""");
        (await (await browser.PostFileAsync(Page, Page, "bad.json", badJson)).Content.ReadAsStringAsync()).ShouldContain("bad.json:1: kind:");
        (await (await browser.PostFileAsync(Page, Page, "empty.csv", [])).Content.ReadAsStringAsync()).ShouldContain("Choose a benchmark dataset to import");
    }

    [Fact]
    public async Task Only_administrators_and_commissioners_import_figures()
    {
        app.RequireDatabase();
        using var councillor = await app.SignInAsync("councillor@anytown.example");
        (await councillor.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await councillor.GetHtmlAsync("/o/anytown/benchmarks")).ShouldNotContain($"href=\"{Page}\"");
        using var finance = await app.SignInAsync("finance@anytown.example");
        (await finance.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var administrator = await app.SignInAsync("administrator@anytown.example");
        (await administrator.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class BenchmarkImportPageTestsOnSqlite(SqliteApp app) : BenchmarkImportPageTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BenchmarkImportPageTestsOnPostgres(PostgresApp app) : BenchmarkImportPageTests<PostgresApp>(app), IClassFixture<PostgresApp>;
