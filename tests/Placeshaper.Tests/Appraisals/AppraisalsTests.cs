using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Appraisals;

public abstract class AppraisalsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Commissioner = "commissioner@anytown.example";
    private static readonly string Yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> StartProgrammeAsync(HttpClient api, string name)
    {
        var started = await (await api.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name, partners = new[] { "anytown-icb" } })).ReadJsonAsync();
        return started.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent(body) };
        var response = await api.SendAsync(request);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_appraisal_scores_costs_and_ranks_options_then_becomes_the_business_case_and_moves_the_programme()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Commissioner);
        var programmeId = await StartProgrammeAsync(api, "Day opportunities " + Guid.NewGuid().ToString("N")[..6]);
        var root = $"/api/v1/orgs/anytown/programmes/{programmeId}/appraisals";

        var started = await SendAsync(api, HttpMethod.Post, root, new { title = "Day opportunities 2027", necessity = "Care Act 2014 duty" }, HttpStatusCode.Created);
        started.GetProperty("criteria").GetArrayLength().ShouldBe(8);
        var id = started.GetProperty("id").GetString();
        var badWeights = await api.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"{root}/{id}/criteria")
        {
            Content = JsonContent(new[] { new { name = "Quality", weight = 60 }, new { name = "Cost", weight = 30 } }),
        });
        (await badWeights.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("criteria")[0].GetString().ShouldBe("The weights add up to 90; they must add up to 100");
        var criteria = (await SendAsync(api, HttpMethod.Put, $"{root}/{id}/criteria", new[] { new { name = "Quality", weight = 60 }, new { name = "Cost", weight = 40 } }))
            .GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        await SendAsync(api, HttpMethod.Post, $"{root}/{id}/options", new { model = "in-house" });
        var appraisal = await SendAsync(api, HttpMethod.Post, $"{root}/{id}/options", new { model = "vcse", name = "Community partnership" });
        var options = appraisal.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        appraisal.GetProperty("gaps").EnumerateArray().Select(g => g.GetString()).ShouldContain("Score In-house as now on Quality, Cost");

        var outOfScale = await api.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"{root}/{id}/options/{options[0]}/scores")
        {
            Content = JsonContent(new[] { new { criterionId = criteria[0], score = 11m, rationale = "x" } }),
        });
        (await outOfScale.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty($"scores[{criteria[0]}].score", out _).ShouldBeTrue();
        await SendAsync(api, HttpMethod.Put, $"{root}/{id}/options/{options[0]}/scores", new[]
        {
            new { criterionId = criteria[0], score = 8m, rationale = "Good quality" },
            new { criterionId = criteria[1], score = 5m, rationale = "Costly" },
        });
        await SendAsync(api, HttpMethod.Put, $"{root}/{id}/options/{options[1]}/scores", new[]
        {
            new { criterionId = criteria[0], score = 6m, rationale = "Fair" },
            new { criterionId = criteria[1], score = 9m, rationale = "Cheaper" },
        });
        await SendAsync(api, HttpMethod.Put, $"{root}/{id}/options/{options[0]}/costs", new[] { new { year = 0, amount = 100_000m }, new { year = 1, amount = 500_000m }, new { year = 2, amount = 500_000m } });
        await SendAsync(api, HttpMethod.Post, $"{root}/{id}/options/{options[1]}/risks", new { description = "Partner capacity", likelihood = 3, impact = 4 });
        var ranked = await SendAsync(api, HttpMethod.Get, $"{root}/{id}", new { });

        // In-house (60×8 + 40×5)/10 = 68; community (60×6 + 40×9)/10 = 72; in-house costs 1,049,847.14 in present value.
        ranked.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("weightedScore").GetDecimal(), o.GetProperty("rank").GetInt32())).ShouldBe([(68m, 2), (72m, 1)]);
        ranked.GetProperty("options")[0].GetProperty("npvCost").GetDecimal().ShouldBe(1_049_847.14m);
        ranked.GetProperty("options")[1].GetProperty("risks")[0].GetProperty("rating").GetInt32().ShouldBe(12);
        ranked.GetProperty("sensitivity")[0].GetProperty("weightChangeToChangeLeader").GetDecimal().ShouldBe(6.67m);

        var noExit = await api.PostJsonAsync($"{root}/{id}/decision", new { optionId = options[1], decidedOn = Yesterday, decisionMakers = "Cabinet", summary = "Best value" });
        (await noExit.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("exitStrategy", out _).ShouldBeTrue();
        await SendAsync(api, HttpMethod.Put, $"{root}/{id}", new { title = "Day opportunities 2027", necessity = "Care Act 2014 duty", discountRate = 0.035m, optimismBias = 0m, horizonYears = 5, exitStrategy = "Break at year 3; TUPE back in-house" });
        var decided = await SendAsync(api, HttpMethod.Post, $"{root}/{id}/decision", new { optionId = options[1], decidedOn = Yesterday, decisionMakers = "Cabinet", summary = "Best value" });

        decided.GetProperty("decision").GetProperty("option").GetString().ShouldBe("Community partnership");
        decided.GetProperty("dueDiligence").EnumerateArray().Select(c => c.GetProperty("item").GetString()).ShouldContain("Procurement route confirmed and timetable set");
        var programme = await (await api.GetPathAsync($"/api/v1/orgs/anytown/programmes/{programmeId}")).ReadJsonAsync();
        programme.GetProperty("stages").EnumerateArray().Select(s => s.GetString()).ShouldContain("DesignSpecification");
        var log = await (await api.GetPathAsync($"/api/v1/orgs/anytown/programmes/{programmeId}/decisions")).ReadJsonAsync();
        log.EnumerateArray().Select(d => d.GetProperty("title").GetString()).ShouldContain("Options appraisal \"Day opportunities 2027\": Community partnership");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "appraisal-decided" && e.EntityId == id))).ShouldBeTrue();

        var locked = await api.PostJsonAsync($"{root}/{id}/options", new { model = "outsource" });
        (await locked.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("appraisal")[0].GetString()!.ShouldContain("business case");
    }

    [Fact]
    public async Task A_partner_cannot_see_the_leads_appraisal()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Commissioner);
        var programmeId = await StartProgrammeAsync(api, "Partnered " + Guid.NewGuid().ToString("N")[..6]);
        var started = await SendAsync(api, HttpMethod.Post, $"/api/v1/orgs/anytown/programmes/{programmeId}/appraisals", new { title = "Private to the lead" }, HttpStatusCode.Created);
        using var icb = await app.ApiAsAsync("commissioner@anytown-icb.example");

        var seen = await icb.GetPathAsync($"/api/v1/orgs/anytown-icb/programmes/{programmeId}/appraisals/{started.GetProperty("id").GetString()}");
        var listed = await icb.GetPathAsync($"/api/v1/orgs/anytown-icb/programmes/{programmeId}/appraisals");

        await seen.ShouldBeProblemAsync(404);
        await listed.ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task Only_commissioners_change_appraisals()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("councillor@anytown.example");
        var programmes = await (await api.GetPathAsync("/api/v1/orgs/anytown/programmes")).ReadJsonAsync();
        var programmeId = programmes.EnumerateArray().First(p => p.GetProperty("yourRole").GetString() == "Lead").GetProperty("id").GetString();

        var response = await api.PostJsonAsync($"/api/v1/orgs/anytown/programmes/{programmeId}/appraisals", new { title = "Not mine to start" });

        await response.ShouldBeProblemAsync(403);
    }

    [Fact]
    public async Task The_demo_business_case_reads_as_a_document_and_a_workbook()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync(Commissioner);
        var (programmeId, appraisalId) = await app.WithDbAsync(async db =>
        {
            var appraisal = await db.Appraisals.IgnoreQueryFilters().Where(a => a.Title == "Home care delivery models 2027").Select(a => new { a.ProgrammeId, a.Id }).SingleAsync();
            return (appraisal.ProgrammeId, appraisal.Id);
        });
        var home = $"/o/anytown/programmes/{programmeId}/appraisals/{appraisalId}";

        var page = WebUtility.HtmlDecode(await browser.GetHtmlAsync(home));
        var document = WebUtility.HtmlDecode(await browser.GetHtmlAsync(home + "/business-case"));
        using var workbook = await browser.GetAsync(home + "/business-case?handler=Download");

        page.ShouldContain("Decided: Neighbourhood care alliance");
        page.ShouldContain("How robust is the ranking?");
        page.ShouldContain("+45.22 (to 65.22)");
        document.ShouldContain("Business case: Home care delivery models 2027");
        document.ShouldContain("8. Exit strategy");
        document.ShouldContain("£38,532,192.57");
        workbook.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var xlsx = SpreadsheetDocument.Open(await workbook.Content.ReadAsStreamAsync(), false);
        xlsx.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value)
            .ShouldBe(["Options", "Criteria", "Scores", "Costs", "Sensitivity", "Risks", "Due diligence", "Decision"]);
    }

    [Fact]
    public async Task The_weights_form_refuses_weights_that_do_not_add_up_and_keeps_what_was_typed()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Commissioner);
        var programmeId = await StartProgrammeAsync(api, "Weights " + Guid.NewGuid().ToString("N")[..6]);
        var started = await SendAsync(api, HttpMethod.Post, $"/api/v1/orgs/anytown/programmes/{programmeId}/appraisals", new { title = "Weights form" }, HttpStatusCode.Created);
        var criteria = started.GetProperty("criteria").EnumerateArray().ToList();
        using var browser = await app.SignInAsync(Commissioner);
        var form = $"/o/anytown/programmes/{programmeId}/appraisals/{started.GetProperty("id").GetString()}/criteria";
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < criteria.Count; i++)
        {
            fields[$"Rows[{i}].Id"] = criteria[i].GetProperty("id").GetString()!;
            fields[$"Rows[{i}].Name"] = criteria[i].GetProperty("name").GetString()!;
            fields[$"Rows[{i}].Weight"] = i == 0 ? "30" : criteria[i].GetProperty("weight").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var refused = await browser.PostFormAsync(form, form, fields);
        var html = await refused.Content.ReadAsStringAsync();
        fields["Rows[0].Weight"] = "20";
        fields["Rows[8].Name"] = "Local jobs";
        fields["Rows[8].Weight"] = "0";
        using var saved = await browser.PostFormAsync(form, form, fields);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("The weights add up to 110; they must add up to 100");
        html.ShouldContain("value=\"30\"");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await (await api.GetPathAsync($"/api/v1/orgs/anytown/programmes/{programmeId}/appraisals/{started.GetProperty("id").GetString()}")).ReadJsonAsync();
        after.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldContain("Local jobs");
    }
}

public sealed class AppraisalsTestsOnSqlite(SqliteApp app) : AppraisalsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AppraisalsTestsOnPostgres(PostgresApp app) : AppraisalsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
