using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Needs;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Needs;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2024", "2024", "2024-01-01")]
    [InlineData("2024/25", "2024/25", "2024-04-01")]
    [InlineData("2011-12", "2011/12", "2011-04-01")]
    [InlineData("2024-Q3", "2024-Q3", "2024-07-01")]
    [InlineData("2024q1", "2024-Q1", "2024-01-01")]
    [InlineData("2024-04", "2024-04", "2024-04-01")]
    public void Periods_are_read_as_public_statistics_write_them(string text, string label, string start)
    {
        Period.TryParse(text, out var period).ShouldBeTrue();
        period.Label.ShouldBe(label);
        period.Start.ShouldBe(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("20255")]
    [InlineData("2024/26")]
    [InlineData("2024-13")]
    [InlineData("Q3 2024")]
    public void Anything_else_is_not_a_period(string text) => Period.TryParse(text, out _).ShouldBeFalse();
}

public abstract class NeedsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Figures_import_in_long_and_wide_layouts_once_and_only_once()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        var defined = await api.PostJsonAsync("/api/v1/orgs/anytown/indicators", new
        {
            code = "carers",
            name = "Unpaid carers",
            unit = "people",
            polarity = "NoJudgement",
            source = "Census 2021 (fictional for the test)",
            licence = "Open Government Licence v3.0",
        });
        const string wide = "area_code,indicator,2021,2022\nE06009001,carers,10400,10650\nE05999001,carers,1700,\n";
        const string longer = "area_code,period,indicator,value\nE06009001,2023,carers,\"10,800\"\nE06009001,2022,carers,10700\n";

        var first = await api.PostAsync(new Uri("/api/v1/orgs/anytown/indicators/values/import?file=wide.csv", UriKind.Relative), Csv(wide));
        var again = await api.PostAsync(new Uri("/api/v1/orgs/anytown/indicators/values/import?file=wide.csv", UriKind.Relative), Csv(wide));
        var correction = await api.PostAsync(new Uri("/api/v1/orgs/anytown/indicators/values/import?file=long.csv", UriKind.Relative), Csv(longer));
        var values = await (await api.GetPathAsync("/api/v1/orgs/anytown/indicators/carers/values")).ReadJsonAsync();

        defined.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await first.ReadJsonAsync()).GetProperty("added").GetInt32().ShouldBe(3);
        (await again.ReadJsonAsync()).GetProperty("unchanged").GetInt32().ShouldBe(3);
        var corrected = await correction.ReadJsonAsync();
        (corrected.GetProperty("added").GetInt32(), corrected.GetProperty("updated").GetInt32()).ShouldBe((1, 1));
        values.EnumerateArray().Where(v => v.GetProperty("areaCode").GetString() == "E06009001")
            .Select(v => (v.GetProperty("period").GetString(), v.GetProperty("value").GetDecimal()))
            .ShouldBe([("2021", 10_400m), ("2022", 10_700m), ("2023", 10_800m)]);
    }

    [Fact]
    public async Task A_bad_row_refuses_the_whole_file_and_names_file_line_column_and_reason()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        var before = await app.WithDbAsync(db => db.IndicatorValues.CountAsync());
        const string file = "area_code,period,indicator,value\nE06009001,2030,falls-65,1\nE05999001,2030,falls-65,many\nE09999999,2030,falls-65,1\nE06009001,30,falls-65,1\nE06009001,2030,nonsense,1\nE06009001,2030,falls-65,2\n";

        var response = await api.PostAsync(new Uri("/api/v1/orgs/anytown/indicators/values/import?file=bad.csv", UriKind.Relative), Csv(file));

        var problems = (await response.ShouldBeProblemAsync(422)).GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("line").GetInt32()}:{p.GetProperty("column").GetString()}").ToList();
        problems.ShouldBe(["3:value", "4:area_code", "5:period", "6:indicator", "7:value"]);
        (await app.WithDbAsync(db => db.IndicatorValues.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_needs_assessment_gathers_indicators_narrative_and_evidence_and_refuses_what_it_cannot_link()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");

        var page = await browser.GetHtmlAsync("/o/anytown/needs/assessments");
        using var bad = await browser.PostFormAsync("/o/anytown/needs/assessments", "/o/anytown/needs/assessments", new()
        {
            ["Topic"] = "Loneliness",
            ["Narrative"] = "Survey results",
            ["EvidenceLinks"] = "not a link",
            ["ReviewBy.Day"] = "31",
            ["ReviewBy.Month"] = "2",
            ["ReviewBy.Year"] = "2027",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        using var good = await browser.PostFormAsync("/o/anytown/needs/assessments", "/o/anytown/needs/assessments", new()
        {
            ["Topic"] = "Loneliness " + Guid.NewGuid().ToString("N")[..6],
            ["Narrative"] = "One in fourteen adults feel lonely often or always.",
            ["Chosen"] = "lonely-adults",
            ["ReviewBy.Day"] = "31",
            ["ReviewBy.Month"] = "3",
            ["ReviewBy.Year"] = "2027",
        });
        var api = await (await (await app.ApiAsAsync("councillor@anytown.example")).GetPathAsync("/api/v1/orgs/anytown/needs-assessments")).ReadJsonAsync();

        page.ShouldContain("Falls and frailty in later life");
        page.ShouldContain("href=\"/o/anytown/needs/falls-65\"");
        badHtml.ShouldContain("<a href=\"#evidenceLinks\">Put one web address per line, each starting https://</a>");
        badHtml.ShouldContain("<a href=\"#reviewBy\">The review date must be a real date, like 31 3 2027</a>");
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        api.EnumerateArray().Select(a => a.GetProperty("topic").GetString()).ShouldContain(t => t!.StartsWith("Loneliness", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commissioner_defines_an_indicator_on_its_page_and_a_taken_code_is_refused()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        Dictionary<string, string> Form(string code) => new()
        {
            ["Name"] = "Households in fuel poverty",
            ["Code"] = code,
            ["Unit"] = "%",
            ["Polarity"] = "LowerIsBetter",
            ["Source"] = "DESNZ sub-regional fuel poverty statistics",
            ["Licence"] = "Open Government Licence v3.0",
        };
        var code = "fuel-" + Guid.NewGuid().ToString("N")[..6];

        using var saved = await browser.PostFormAsync("/o/anytown/needs/new", "/o/anytown/needs/new", Form(code));
        using var taken = await browser.PostFormAsync("/o/anytown/needs/new", "/o/anytown/needs/new", Form("falls-65"));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe($"/o/anytown/needs/{code}");
        (await taken.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#code\">There is already an indicator with the code falls-65</a>");
    }

    [Fact]
    public async Task The_indicator_page_draws_the_trend_and_lists_every_figure()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("councillor@anytown.example");

        var html = await browser.GetHtmlAsync("/o/anytown/needs/falls-65");
        var missing = await browser.GetAsync("/o/anytown/needs/no-such-indicator");

        html.ShouldContain("<svg");
        html.ShouldContain("role=\"img\"");
        html.ShouldContain("England (comparator)");
        html.ShouldContain("Fictional figures for the Anytown demonstration");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_commissioner_adds_a_figure_on_the_indicator_page_and_corrects_it_and_both_are_audited()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        const string page = "/o/anytown/needs/falls-65";
        Dictionary<string, string> Figure(string value) => new() { ["AreaCode"] = "E05999001", ["Period"] = "2031", ["Value"] = value };

        using var added = await browser.PostFormAsync(page, page, Figure("2,400"));
        var afterAdd = await browser.GetHtmlAsync(page);
        using var corrected = await browser.PostFormAsync(page, page, Figure("2410.5"));
        var afterCorrection = await browser.GetHtmlAsync(page);
        var again = await browser.GetHtmlAsync(page);

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        added.Headers.Location!.ToString().ShouldBe(page + "#figures");
        afterAdd.ShouldContain("Figure saved: ");
        afterAdd.ShouldContain(", 2031: 2,400 added");
        afterCorrection.ShouldContain(", 2031: corrected to 2,410.5 (was 2,400)");
        again.ShouldNotContain("Figure saved");
        var stored = await app.WithDbAsync(db => db.IndicatorValues.SingleAsync(v => v.Period == "2031" && db.Areas.Any(a => a.Id == v.AreaId && a.Code == "E05999001")));
        stored.Value.ShouldBe(2_410.5m);
        var trail = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == stored.Id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        trail.ShouldBe(["created", "updated"]);
    }

    [Fact]
    public async Task The_indicator_page_refuses_an_unknown_area_a_value_that_is_not_a_number_and_a_period_in_the_wrong_form()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        using var councillor = await app.SignInAsync("councillor@anytown.example");
        const string page = "/o/anytown/needs/falls-65";
        var before = await app.WithDbAsync(db => db.IndicatorValues.CountAsync());

        using var refused = await browser.PostFormAsync(page, page, new() { ["AreaCode"] = "E09999999", ["Period"] = "Q3 2024", ["Value"] = "lots" });
        using var readOnly = await councillor.PostFormAsync(page, page, new() { ["AreaCode"] = "E05999001", ["Period"] = "2031", ["Value"] = "1" });
        var councillorPage = await councillor.GetHtmlAsync(page);

        var html = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<a href=\"#areaCode\">Choose one of the organisation&#x27;s areas</a>");
        html.ShouldContain("<a href=\"#period\">Enter the period as a year (2024), a financial year (2024/25), a quarter (2024-Q2) or a month (2024-04)</a>");
        html.ShouldContain("<a href=\"#value\">Enter the value as a number of at most a million million</a>");
        html.ShouldContain("value=\"Q3 2024\"");
        readOnly.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        councillorPage.ShouldNotContain("Add or correct a figure");
        (await app.WithDbAsync(db => db.IndicatorValues.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_needs_assessment_is_changed_on_its_page_and_archived_with_a_reason()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        const string list = "/o/anytown/needs/assessments";
        using var written = await browser.PostFormAsync(list, list, new()
        {
            ["Topic"] = "Housing " + Guid.NewGuid().ToString("N")[..6],
            ["Narrative"] = "Overcrowding is rising.",
            ["ReviewBy.Day"] = "31",
            ["ReviewBy.Month"] = "3",
            ["ReviewBy.Year"] = "2027",
        });
        var id = await app.WithDbAsync(db => db.NeedsAssessments.Where(a => a.Narrative == "Overcrowding is rising.").Select(a => a.Id).SingleAsync());
        var edit = $"/o/anytown/needs/assessments/{id}";
        var archive = $"{edit}/archive";

        var form = await browser.GetHtmlAsync(edit);
        using var badLink = await browser.PostFormAsync(edit, edit, new()
        {
            ["Topic"] = "Housing",
            ["Narrative"] = "x",
            ["EvidenceLinks"] = "ftp://example.org",
            ["ReviewBy.Day"] = "30",
            ["ReviewBy.Month"] = "2",
            ["ReviewBy.Year"] = "2027",
        });
        using var changed = await browser.PostFormAsync(edit, edit, new()
        {
            ["Topic"] = "Housing and overcrowding",
            ["Narrative"] = "Overcrowding is rising fastest in Riverside.",
            ["Chosen"] = "falls-65",
            ["EvidenceLinks"] = "https://example.org/housing-survey",
            ["ReviewBy.Day"] = "30",
            ["ReviewBy.Month"] = "9",
            ["ReviewBy.Year"] = "2027",
        });
        using var noReason = await browser.PostFormAsync(archive, archive, new() { ["Reason"] = " " });
        using var archived = await browser.PostFormAsync(archive, archive, new() { ["Reason"] = "Replaced by the 2027 housing chapter" });
        var current = await browser.GetHtmlAsync(list);
        var withArchived = await browser.GetHtmlAsync(list + "?archived=true");

        form.ShouldContain("Overcrowding is rising.");
        var badHtml = await badLink.Content.ReadAsStringAsync();
        badHtml.ShouldContain("<a href=\"#evidenceLinks\">Put one web address per line, each starting https://</a>");
        badHtml.ShouldContain("<a href=\"#reviewBy\">The review date must be a real date, like 31 3 2027</a>");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#reason\">Say why the needs assessment is being archived, up to 500 characters</a>");
        archived.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        current.ShouldNotContain("Housing and overcrowding");
        withArchived.ShouldContain("Housing and overcrowding");
        withArchived.ShouldContain("Replaced by the 2027 housing chapter");
        var stored = await app.WithDbAsync(db => db.NeedsAssessments.SingleAsync(a => a.Id == id));
        (stored.Narrative, stored.IndicatorCodes, stored.ReviewBy).ShouldBe(("Overcrowding is rising fastest in Riverside.", "falls-65", new DateOnly(2027, 9, 30)));
        stored.ArchivedAt.ShouldNotBeNull();
        written.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == "needs-assessment-archived"))).ShouldBe(1);
    }

    [Fact]
    public async Task Needs_assessments_are_written_changed_and_archived_through_the_API()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var topic = "Fuel poverty " + Guid.NewGuid().ToString("N")[..6];

        var created = await api.PostJsonAsync("/api/v1/orgs/anytown/needs-assessments", new { topic, narrative = "Cold homes.", indicators = new[] { "falls-65" }, reviewBy = "2027-01-31" });
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var unknownIndicator = await api.PutJsonAsync($"/api/v1/orgs/anytown/needs-assessments/{id}", new { topic, narrative = "Cold homes.", indicators = new[] { "no-such" }, reviewBy = "2027-01-31" });
        var revised = await api.PutJsonAsync($"/api/v1/orgs/anytown/needs-assessments/{id}", new
        {
            topic,
            narrative = "Cold homes and damp.",
            evidenceLinks = new[] { "https://example.org/fuel" },
            reviewBy = "2027-06-30",
        });
        var readOnly = await councillor.PostJsonAsync($"/api/v1/orgs/anytown/needs-assessments/{id}/archive", new { reason = "No" });
        var archived = await api.PostJsonAsync($"/api/v1/orgs/anytown/needs-assessments/{id}/archive", new { reason = "Folded into the housing chapter" });
        var missing = await api.PostJsonAsync($"/api/v1/orgs/anytown/needs-assessments/{Guid.NewGuid()}/archive", new { reason = "Gone" });
        var current = await (await api.GetPathAsync("/api/v1/orgs/anytown/needs-assessments")).ReadJsonAsync();
        var all = await (await api.GetPathAsync("/api/v1/orgs/anytown/needs-assessments?includeArchived=true")).ReadJsonAsync();

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await unknownIndicator.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("indicators")[0].GetString().ShouldBe("There is no indicator no-such");
        var body = await revised.ReadJsonAsync();
        body.GetProperty("narrative").GetString().ShouldBe("Cold homes and damp.");
        body.GetProperty("evidenceLinks")[0].GetString().ShouldBe("https://example.org/fuel");
        body.GetProperty("indicators").GetArrayLength().ShouldBe(0);
        await readOnly.ShouldBeProblemAsync(403);
        (await archived.ReadJsonAsync()).GetProperty("archivedReason").GetString().ShouldBe("Folded into the housing chapter");
        await missing.ShouldBeProblemAsync(404);
        current.EnumerateArray().ShouldNotContain(a => a.GetProperty("id").GetString() == id);
        all.EnumerateArray().Single(a => a.GetProperty("id").GetString() == id).GetProperty("archivedAt").GetString().ShouldNotBeNull();
    }
}

public sealed class NeedsTestsOnSqlite(SqliteApp app) : NeedsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class NeedsTestsOnPostgres(PostgresApp app) : NeedsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
