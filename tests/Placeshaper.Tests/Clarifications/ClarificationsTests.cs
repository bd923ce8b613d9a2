using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Common;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Clarifications;

/// <summary>
/// Clarification questions and answers through HTTP: asked before the deadline only, answered to every bidder without
/// naming who asked, another bidder's unanswered question invisible, a decline reason for the asker alone, by role.
/// </summary>
public abstract class ClarificationsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Asker = "hello@brightside.example";
    private const string AskerProvider = "Brightside Family Support";
    private const string Other = "care@anytown-community-care.example";
    private const string Buyer = "procurement@anytown.example";
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];

    private sealed record Published(string Id, string Root, string Portal);

    private async Task<Published> PublishAsync()
    {
        using var api = await app.ApiAsAsync(Buyer);
        var reference = "CQ-" + Guid.NewGuid().ToString("N")[..8];
        var drafted = await (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference, title = "Carers' breaks", kind = "LightTouchServices", estimatedValue = 300_000m })).ReadJsonAsync();
        var id = drafted.GetProperty("id").GetString()!;
        var root = $"/api/v1/orgs/anytown/tenders/{id}";
        (await api.PutJsonAsync(root + "/award-criteria", new
        {
            weights = new { price = 40, quality = 50, socialValue = 10 },
            questions = new object[]
            {
                new { kind = "Quality", text = "How will you give carers a real break?", weight = 100, descriptors = Descriptors },
                new { kind = "SocialValue", text = "How many local people will you employ?", weight = 100, descriptors = Descriptors },
            },
        })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/lots", new { noLotsReason = "One small service", suitableForSme = true, suitableForVcse = true })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/timetable", new { clarificationDeadline = DateTime.UtcNow.AddDays(5), submissionDeadline = DateTime.UtcNow.AddDays(10) })).EnsureSuccessStatusCode();
        (await api.PostAsync(new Uri(root + "/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
        return new Published(id, root + "/clarifications", $"/api/v1/orgs/anytown/portal/tenders/{id}/clarifications");
    }

    private async Task<string> AskAsync(Published tender, string email, string question)
    {
        using var provider = await app.ApiAsAsync(email);
        var response = await provider.PostJsonAsync(tender.Portal, new { question });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private Task<int> SetDeadlinesAsync(Published tender, DateTime? questionsClose = null, DateTime? bidsClose = null) => app.WithDbAsync(db =>
        db.Tenders.Where(t => t.Id == Guid.Parse(tender.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.ClarificationDeadline, t => questionsClose ?? t.ClarificationDeadline)
            .SetProperty(t => t.SubmissionDeadline, t => bidsClose ?? t.SubmissionDeadline)));

    private Task<List<string>> AuditAsync(string action, string clarificationId) => app.WithDbAsync(db =>
        db.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == action && e.EntityId == clarificationId).Select(e => e.After ?? "").ToListAsync());

    [Fact]
    public async Task A_bidder_asks_before_the_clarification_deadline_and_is_refused_after_it_with_the_deadline_in_UK_time()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        using var provider = await app.ApiAsAsync(Asker);

        var id = await AskAsync(tender, Asker, "How many hours of breaks a week does the service cover?");
        var empty = await provider.PostJsonAsync(tender.Portal, new { question = "  " });
        var closes = DateTime.UtcNow.AddMinutes(-1);
        await SetDeadlinesAsync(tender, questionsClose: closes);
        var late = await provider.PostJsonAsync(tender.Portal, new { question = "One more thing?" });

        (await empty.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("question", out _).ShouldBeTrue();
        var refusal = await late.ShouldBeProblemAsync(409);
        refusal.GetProperty("detail").GetString().ShouldBe($"Questions closed at {DateTime.SpecifyKind(closes, DateTimeKind.Utc).ToLocalUkTime()}: the clarification deadline has passed.");
        var mine = await (await provider.GetPathAsync(tender.Portal)).ReadJsonAsync();
        mine.GetProperty("takingQuestions").GetBoolean().ShouldBeFalse();
        mine.GetProperty("mine").EnumerateArray().Select(m => (m.GetProperty("id").GetString(), m.GetProperty("status").GetString())).ShouldBe([(id, "Asked")]);
        (await app.WithDbAsync(db => db.Clarifications.CountAsync(c => c.TenderId == Guid.Parse(tender.Id)))).ShouldBe(1);
    }

    [Fact]
    public async Task A_published_answer_reaches_every_bidder_and_names_nobody()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var id = await AskAsync(tender, Asker, "We are Brightside, a small charity in Riverside: will staff transfer under TUPE?");
        using var buyer = await app.ApiAsAsync(Buyer);
        using var other = await app.ApiAsAsync(Other);
        using var asker = await app.ApiAsAsync(Asker);

        var queue = await buyer.GetPathAsync(tender.Root);
        var queueBody = await queue.Content.ReadAsStringAsync();
        var answered = await buyer.PostJsonAsync($"{tender.Root}/{id}/answer", new { publishedQuestion = "Will staff transfer under TUPE?", answer = "Yes: 12 support workers. Their anonymised terms are in the document library." });
        var answeredBody = await answered.Content.ReadAsStringAsync();
        var forOther = await other.GetPathAsync(tender.Portal);
        var forOtherBody = await forOther.Content.ReadAsStringAsync();
        var one = await other.GetPathAsync($"{tender.Portal}/{id}");
        var oneBody = await one.Content.ReadAsStringAsync();
        using var browser = await app.SignInAsync(Other);
        var page = await browser.GetHtmlAsync($"/o/anytown/portal/tenders/{tender.Id}");
        var forAsker = await (await asker.GetPathAsync(tender.Portal)).ReadJsonAsync();

        queue.StatusCode.ShouldBe(HttpStatusCode.OK);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, answeredBody);
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = JsonDocument.Parse(forOtherBody).RootElement.GetProperty("published");
        published.GetArrayLength().ShouldBe(1);
        published[0].GetProperty("question").GetString().ShouldBe("Will staff transfer under TUPE?");
        published[0].GetProperty("answer").GetString()!.ShouldStartWith("Yes: 12 support workers.");
        page.ShouldContain("Will staff transfer under TUPE?");
        page.ShouldContain("Yes: 12 support workers.");
        foreach (var (what, body) in new[] { ("buyer's queue", queueBody), ("buyer's answer", answeredBody), ("other bidder's list", forOtherBody), ("other bidder's view", oneBody), ("other bidder's page", page) })
        {
            body.ShouldNotContain(AskerProvider, Case.Insensitive, what);
            body.ShouldNotContain(Asker, Case.Insensitive, what);
            body.ShouldNotContain("Bea Brightside", Case.Insensitive, what);
        }

        foreach (var (what, body) in new[] { ("other bidder's list", forOtherBody), ("other bidder's view", oneBody), ("other bidder's page", page) })
        {
            body.ShouldNotContain("We are Brightside", Case.Insensitive, what);
        }

        forAsker.GetProperty("published")[0].GetProperty("question").GetString().ShouldBe("Will staff transfer under TUPE?");
        forAsker.GetProperty("mine")[0].GetProperty("status").GetString().ShouldBe("Answered");
        var audit = await AuditAsync("clarification-published", id);
        audit.Count.ShouldBe(1);
        audit[0].ShouldContain("Will staff transfer under TUPE?");
        audit[0].ShouldNotContain("Brightside");
        // Kept for the record: who asked is in the table and the field-level audit trail.
        (await app.WithDbAsync(db => db.Clarifications.Where(c => c.Id == Guid.Parse(id)).Select(c => c.ProviderId).SingleAsync()))
            .ShouldBe(await app.WithDbAsync(db => db.Providers.IgnoreQueryFilters().Where(p => p.Name == AskerProvider).Select(p => (Guid?)p.Id).FirstAsync()));
    }

    [Fact]
    public async Task Another_bidders_unanswered_question_is_not_found_and_a_decline_reason_goes_to_the_asker_alone()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var id = await AskAsync(tender, Asker, "What hourly rate are the current providers paid?");
        using var buyer = await app.ApiAsAsync(Buyer);
        using var other = await app.ApiAsAsync(Other);
        using var asker = await app.ApiAsAsync(Asker);
        const string Reason = "Commercially sensitive: the current providers' rates are confidential.";

        await (await other.GetPathAsync($"{tender.Portal}/{id}")).ShouldBeProblemAsync(404);
        (await (await other.GetPathAsync(tender.Portal)).Content.ReadAsStringAsync()).ShouldNotContain("hourly rate");
        (await asker.GetPathAsync($"{tender.Portal}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var noReason = await buyer.PostJsonAsync($"{tender.Root}/{id}/decline", new { reason = "" });
        (await noReason.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var declined = await buyer.PostJsonAsync($"{tender.Root}/{id}/decline", new { reason = Reason });
        (await declined.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Declined");

        var forAsker = await (await asker.GetPathAsync($"{tender.Portal}/{id}")).ReadJsonAsync();
        forAsker.GetProperty("declineReason").GetString().ShouldBe(Reason);
        (await (await asker.GetPathAsync(tender.Portal)).ReadJsonAsync()).GetProperty("mine")[0].GetProperty("declineReason").GetString().ShouldBe(Reason);
        using var askerBrowser = await app.SignInAsync(Asker);
        (await askerBrowser.GetHtmlAsync($"/o/anytown/portal/tenders/{tender.Id}")).ShouldContain("Commercially sensitive: the current providers&#x27; rates are confidential.");
        await (await other.GetPathAsync($"{tender.Portal}/{id}")).ShouldBeProblemAsync(404);
        (await (await other.GetPathAsync(tender.Portal)).Content.ReadAsStringAsync()).ShouldNotContain("Commercially sensitive");
        using var otherBrowser = await app.SignInAsync(Other);
        (await otherBrowser.GetHtmlAsync($"/o/anytown/portal/tenders/{tender.Id}")).ShouldNotContain("Commercially sensitive");
        await (await buyer.PostJsonAsync($"{tender.Root}/{id}/answer", new { answer = "Too late" })).ShouldBeProblemAsync(409);
        (await AuditAsync("clarification-declined", id)).Single().ShouldContain("Commercially sensitive");
        (await AuditAsync("clarification-published", id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Buyers_answer_and_publish_officers_read_and_bidders_use_only_the_portal()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var id = await AskAsync(tender, Asker, "Can volunteers deliver part of the service?");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        using var evaluator = await app.ApiAsAsync("evaluator@anytown.example");
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        using var provider = await app.ApiAsAsync(Asker);

        var list = await (await councillor.GetPathAsync(tender.Root)).ReadJsonAsync();
        list.EnumerateArray().Select(c => (c.GetProperty("id").GetString(), c.GetProperty("status").GetString(), c.GetProperty("fromBuyer").GetBoolean())).ShouldBe([(id, "Asked", false)]);
        (await councillor.PostJsonAsync($"{tender.Root}/{id}/answer", new { answer = "Yes" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await evaluator.PostJsonAsync($"{tender.Root}/{id}/decline", new { reason = "No" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await evaluator.PostJsonAsync(tender.Root, new { question = "x", answer = "y" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await provider.GetPathAsync(tender.Root)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await provider.PostJsonAsync($"{tender.Root}/{id}/answer", new { answer = "Yes" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await commissioner.GetPathAsync(tender.Portal)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await commissioner.PostJsonAsync(tender.Portal, new { question = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var bad = await commissioner.PostJsonAsync($"{tender.Root}/{id}/answer", new { publishedQuestion = new string('q', 4001), answer = "" });
        var errors = (await bad.ShouldBeProblemAsync(400)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["publishedQuestion", "answer"], ignoreOrder: true);
        var own = await commissioner.PostJsonAsync(tender.Root, new { question = "Correction to the hours", answer = "The service covers 600 hours a week, not 500." });
        var ownView = await own.ReadJsonAsync();
        own.StatusCode.ShouldBe(HttpStatusCode.Created);
        ownView.GetProperty("fromBuyer").GetBoolean().ShouldBeTrue();
        (await commissioner.PostJsonAsync($"{tender.Root}/{id}/answer", new { answer = "Yes, alongside paid staff." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await commissioner.PostJsonAsync($"{tender.Root}/{id}/answer", new { answer = "Again" })).ShouldBeProblemAsync(409);

        var published = (await (await provider.GetPathAsync(tender.Portal)).ReadJsonAsync()).GetProperty("published");
        published.EnumerateArray().Select(p => p.GetProperty("question").GetString()).ShouldBe(["Can volunteers deliver part of the service?", "Correction to the hours"], "newest first");
        (await AuditAsync("clarification-published", ownView.GetProperty("id").GetString()!)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task No_answer_is_published_after_the_deadline_for_bids_and_drafts_take_no_questions()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var id = await AskAsync(tender, Asker, "Is parking provided?");
        using var buyer = await app.ApiAsAsync(Buyer);
        using var provider = await app.ApiAsAsync(Asker);
        var closes = DateTime.UtcNow.AddMinutes(-1);
        await SetDeadlinesAsync(tender, questionsClose: closes.AddMinutes(-1), bidsClose: closes);

        var late = await buyer.PostJsonAsync($"{tender.Root}/{id}/answer", new { answer = "Yes" });
        var lateOwn = await buyer.PostJsonAsync(tender.Root, new { question = "Late", answer = "Too late" });
        var drafted = await (await buyer.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference = "CQD-" + Guid.NewGuid().ToString("N")[..8], title = "Draft", kind = "GoodsAndServices", estimatedValue = 10_000m })).ReadJsonAsync();
        var draftId = drafted.GetProperty("id").GetString();

        (await late.ShouldBeProblemAsync(409)).GetProperty("detail").GetString().ShouldBe($"The deadline for bids passed at {DateTime.SpecifyKind(closes, DateTimeKind.Utc).ToLocalUkTime()}: an answer can no longer be published to bidders.");
        await lateOwn.ShouldBeProblemAsync(409);
        (await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{draftId}/clarifications", new { question = "Hello?" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await provider.GetPathAsync($"/api/v1/orgs/anytown/portal/tenders/{draftId}/clarifications")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await (await buyer.PostJsonAsync($"/api/v1/orgs/anytown/tenders/{draftId}/clarifications", new { question = "Early", answer = "Not yet" })).ShouldBeProblemAsync(409);
        await (await buyer.PostJsonAsync($"/api/v1/orgs/anytown/tenders/{draftId}/clarifications/{id}/answer", new { answer = "Wrong tender" })).ShouldBeProblemAsync(404);
    }

    [Fact]
    public async Task A_procurement_officer_answers_on_the_page_with_edited_wording_and_the_tender_page_counts_what_is_waiting()
    {
        app.RequireDatabase();
        var tender = await PublishAsync();
        var id = await AskAsync(tender, Asker, "Brightside here: do you need a CQC registration?");
        using var browser = await app.SignInAsync(Buyer);
        var page = $"/o/anytown/tenders/{tender.Id}/clarifications";

        (await browser.GetHtmlAsync($"/o/anytown/tenders/{tender.Id}")).ShouldContain("1 question awaiting an answer");
        var empty = await browser.PostFormAsync(page, page + "?handler=Answer", new() { ["ClarificationId"] = id, ["PublishedQuestion"] = "Do you need a CQC registration?", ["Answer"] = "" });
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        var answered = await browser.PostFormAsync(page, page + "?handler=Answer", new() { ["ClarificationId"] = id, ["PublishedQuestion"] = "Do you need a CQC registration?", ["Answer"] = "No: the service is not a regulated activity." });

        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        emptyHtml.ShouldContain($"href=\"#answer-{id}\"");
        emptyHtml.ShouldContain("Do you need a CQC registration?", customMessage: "what was typed is kept");
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await browser.GetHtmlAsync(page + "?done=answered");
        after.ShouldContain("The answer was published to every bidder.");
        after.ShouldContain("No: the service is not a regulated activity.");
        after.ShouldNotContain(AskerProvider);
        (await browser.GetHtmlAsync($"/o/anytown/tenders/{tender.Id}")).ShouldContain("0 questions awaiting an answer");
        using var councillor = await app.SignInAsync("councillor@anytown.example");
        (await councillor.PostFormAsync(page, page + "?handler=Own", new() { ["OwnQuestion"] = "x", ["OwnAnswer"] = "y" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await councillor.GetHtmlAsync(page)).ShouldNotContain("Publish the answer to every bidder");
    }
}

public sealed class ClarificationsTestsOnSqlite(SqliteApp app) : ClarificationsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ClarificationsTestsOnPostgres(PostgresApp app) : ClarificationsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
