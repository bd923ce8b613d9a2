using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Scrutiny;

public abstract class ScrutinyTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Root = "/api/v1/orgs/anytown/scrutiny/questions";

    [Fact]
    public async Task A_councillor_asks_an_officer_answers_on_the_record_and_the_councillor_closes_it()
    {
        app.RequireDatabase();
        var contractId = await app.WithDbAsync(db => db.Contracts.Where(c => c.Reference == "ANYTOWN-2025-034").Select(c => c.Id).SingleAsync());
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");

        var bad = await (await councillor.PostJsonAsync(Root, new { title = "", subject = "Contract", subjectId = Guid.NewGuid(), dueOn = "2000-01-01" })).ShouldBeProblemAsync(400);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["title", "question", "subjectId", "dueOn"], ignoreOrder: true);
        (await commissioner.PostJsonAsync(Root, new { title = "Officers do not ask", question = "?", subject = "General" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var title = "Telecare response times " + Guid.NewGuid().ToString("N")[..6];
        var asked = await (await councillor.PostJsonAsync(Root, new { title, question = "How often did responders take over 45 minutes?", subject = "Contract", subjectId = contractId })).ReadJsonAsync();
        var id = asked.GetProperty("id").GetString();
        (asked.GetProperty("status").GetString(), asked.GetProperty("subjectName").GetString()).ShouldBe(("Open", "ANYTOWN-2025-034 Telecare pilot: sensors and a responder service for older people at home"));

        (await councillor.PostJsonAsync($"{Root}/{id}/answers", new { text = "Councillors do not answer" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var provider = await app.ApiAsAsync("care@anytown-community-care.example"))
        {
            (await provider.GetPathAsync($"{Root}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await (await commissioner.PostJsonAsync($"{Root}/{id}/answers", new { text = " " })).ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("text").GetArrayLength().ShouldBe(1);
        var answered = await (await commissioner.PostJsonAsync($"{Root}/{id}/answers", new { text = "Seven times in 1,204 calls, all at night." })).ReadJsonAsync();
        answered.GetProperty("status").GetString().ShouldBe("Answered");

        var seen = await (await councillor.GetPathAsync($"{Root}/{id}")).ReadJsonAsync();
        seen.GetProperty("thread").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("by").GetString()))
            .ShouldBe([("Question", "Cllr Carys Jones"), ("Answer", "Chris Commissioner")]);
        (await councillor.PostJsonAsync($"{Root}/{id}/close", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await commissioner.PostJsonAsync($"{Root}/{id}/answers", new { text = "Late" })).ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("text")[0].GetString()!.ShouldContain("closed");

        var actions = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityId == id).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("scrutiny-question-asked");
        actions.ShouldContain("scrutiny-question-answered");
        actions.ShouldContain("scrutiny-question-closed");

        using var browser = await app.SignInAsync("councillor@anytown.example");
        var report = await browser.GetHtmlAsync($"/o/anytown/scrutiny/reports/contracts/{contractId}");
        report.ShouldContain(title);
        report.ShouldContain("Seven times in 1,204 calls, all at night.");
    }

    [Fact]
    public async Task The_demo_question_left_unanswered_is_overdue_and_the_programme_report_lists_its_contracts()
    {
        app.RequireDatabase();
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var overdue = (await (await councillor.GetPathAsync($"{Root}?overdue=true")).ReadJsonAsync()).EnumerateArray().ToList();
        overdue.ShouldContain(q => q.GetProperty("title").GetString() == "Extending the facilities management contract");
        overdue.ShouldAllBe(q => q.GetProperty("overdue").GetBoolean());

        var programme = await app.WithDbAsync(db => db.Programmes.Where(p => p.Name == "Older people living independently").Select(p => p.Id).SingleAsync());
        using var browser = await app.SignInAsync("councillor@anytown.example");
        var report = await browser.GetHtmlAsync($"/o/anytown/scrutiny/reports/programmes/{programme}");
        report.ShouldContain("Older people living independently");
        report.ShouldContain("ANYTOWN-2025-034");
    }
}

public sealed class ScrutinyTestsOnSqlite(SqliteApp app) : ScrutinyTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ScrutinyTestsOnPostgres(PostgresApp app) : ScrutinyTests<PostgresApp>(app), IClassFixture<PostgresApp>;
