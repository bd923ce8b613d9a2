using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Evaluation;

/// <summary>An evaluation that would survive challenge, through the API: declarations, independent scores, moderation, ranking.</summary>
public abstract class EvaluationApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];

    private sealed record Opened(string Root, string Quality, string SocialValue, string Care, string Brightside);

    /// <summary>A published tender with one quality and one social value question, bids from a CIC and a charity, opened.</summary>
    private async Task<Opened> OpenedTenderAsync()
    {
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var drafted = await (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference = "EV-" + Guid.NewGuid().ToString("N")[..8], title = "Befriending", kind = "GoodsAndServices", estimatedValue = 150_000m })).ReadJsonAsync();
        var id = drafted.GetProperty("id").GetString()!;
        var root = $"/api/v1/orgs/anytown/tenders/{id}";
        (await api.PutJsonAsync(root + "/award-criteria", new
        {
            weights = new { price = 40, quality = 50, socialValue = 10 },
            questions = new object[]
            {
                new { kind = "Quality", text = "How will you match volunteers?", weight = 100, descriptors = Descriptors },
                new { kind = "SocialValue", text = "How will you involve local groups?", weight = 100, descriptors = Descriptors },
            },
        })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/lots", new { lots = Array.Empty<object>(), noLotsReason = "Small service", suitableForSme = true, suitableForVcse = true })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/timetable", new { clarificationDeadline = DateTime.UtcNow.AddDays(5), submissionDeadline = DateTime.UtcNow.AddDays(10) })).EnsureSuccessStatusCode();
        var tender = await (await api.PostAsync(new Uri(root + "/publish", UriKind.Relative), null)).ReadJsonAsync();
        var quality = tender.GetProperty("questions")[0].GetProperty("id").GetString()!;
        var social = tender.GetProperty("questions")[1].GetProperty("id").GetString()!;
        var care = await BidAsync("care@anytown-community-care.example", id, 40_000m, quality, social);
        var brightside = await BidAsync("hello@brightside.example", id, 38_000m, quality, social);
        await app.WithDbAsync(db => db.Tenders.Where(t => t.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.SubmissionDeadline, DateTime.UtcNow.AddMinutes(-1))));
        (await api.PostAsync(new Uri(root + "/bids/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        return new Opened(root, quality, social, care, brightside);
    }

    private async Task<string> BidAsync(string email, string tenderId, decimal price, string quality, string social)
    {
        using var provider = await app.ApiAsAsync(email);
        var response = await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{tenderId}/bids", new
        {
            prices = new[] { new { lotId = (string?)null, price } },
            answers = new[] { new { questionId = quality, text = "We match by interests." }, new { questionId = social, text = "With the residents' associations." } },
        });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task ScoreAsync(HttpClient api, Opened tender, string bid, string question, int score) =>
        (await api.PutJsonAsync(tender.Root + "/evaluation/scores", new { bidId = bid, questionId = question, score, reason = $"Scored {score} against the descriptors" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

    private async Task<Guid> PersonAsync(string email) => await app.WithDbAsync(db => db.Users.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Panel_members_declare_then_score_alone_then_see_each_others_scores_and_the_moderated_ranking_follows_the_calculator()
    {
        app.RequireDatabase();
        var tender = await OpenedTenderAsync();
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        using var evaluator = await app.ApiAsAsync("evaluator@anytown.example");
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        foreach (var email in new[] { "evaluator@anytown.example", "procurement@anytown.example", "commissioner@anytown.example" })
        {
            (await procurement.PostJsonAsync(tender.Root + "/evaluation/panel", new { personId = await PersonAsync(email) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        await (await evaluator.PutJsonAsync(tender.Root + "/evaluation/scores", new { bidId = tender.Care, questionId = tender.Quality, score = 4, reason = "Good" })).ShouldBeProblemAsync(400);
        (await evaluator.PostJsonAsync(tender.Root + "/evaluation/declaration", new { conflict = false })).EnsureSuccessStatusCode();
        (await procurement.PostJsonAsync(tender.Root + "/evaluation/declaration", new { conflict = false })).EnsureSuccessStatusCode();
        (await commissioner.PostJsonAsync(tender.Root + "/evaluation/declaration", new { conflict = true, details = "My sister chairs Brightside's trustees" })).EnsureSuccessStatusCode();
        (await commissioner.GetPathAsync(tender.Root + "/bids")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var outOfScale = await evaluator.PutJsonAsync(tender.Root + "/evaluation/scores", new { bidId = tender.Care, questionId = tender.Quality, score = 6, reason = "Too good" });
        (await outOfScale.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("score", out _).ShouldBeTrue();
        await ScoreAsync(evaluator, tender, tender.Care, tender.Quality, 4);
        await ScoreAsync(evaluator, tender, tender.Care, tender.SocialValue, 3);
        await (await evaluator.PostAsync(new Uri(tender.Root + "/evaluation/scores/submit", UriKind.Relative), null)).ShouldBeProblemAsync(400);
        await ScoreAsync(evaluator, tender, tender.Brightside, tender.Quality, 3);
        await ScoreAsync(evaluator, tender, tender.Brightside, tender.SocialValue, 5);
        (await evaluator.PostAsync(new Uri(tender.Root + "/evaluation/scores/submit", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var before = await (await procurement.GetPathAsync(tender.Root + "/evaluation")).ReadJsonAsync();
        (before.GetProperty("scores").GetArrayLength(), before.GetProperty("allSubmitted").GetBoolean()).ShouldBe((0, false), "a member cannot see others' scores before submitting");
        await (await procurement.PutJsonAsync(tender.Root + "/evaluation/moderated", new { bidId = tender.Care, questionId = tender.Quality, score = 4, rationale = "Agreed" })).ShouldBeProblemAsync(400);
        await ScoreAsync(procurement, tender, tender.Care, tender.Quality, 4);
        await ScoreAsync(procurement, tender, tender.Care, tender.SocialValue, 3);
        await ScoreAsync(procurement, tender, tender.Brightside, tender.Quality, 2);
        await ScoreAsync(procurement, tender, tender.Brightside, tender.SocialValue, 5);
        (await procurement.PostAsync(new Uri(tender.Root + "/evaluation/scores/submit", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await (await evaluator.GetPathAsync(tender.Root + "/evaluation")).ReadJsonAsync();
        (after.GetProperty("scores").GetArrayLength(), after.GetProperty("allSubmitted").GetBoolean()).ShouldBe((8, true));
        after.GetProperty("panel").EnumerateArray().Single(m => m.GetProperty("stoodDown").GetBoolean()).GetProperty("name").GetString().ShouldBe("Chris Commissioner");
        foreach (var (bid, question, score) in new[] { (tender.Care, tender.Quality, 4), (tender.Care, tender.SocialValue, 3), (tender.Brightside, tender.Quality, 3), (tender.Brightside, tender.SocialValue, 5) })
        {
            (await procurement.PutJsonAsync(tender.Root + "/evaluation/moderated", new { bidId = bid, questionId = question, score, rationale = "Consensus after discussion" }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var results = (await (await evaluator.GetPathAsync(tender.Root + "/evaluation")).ReadJsonAsync()).GetProperty("results")[0].GetProperty("bids");
        // CIC: price 40 × 38,000 ÷ 40,000 = 38; quality 50 × 4/5 = 40; social value 10 × 3/5 = 6; total 84.
        // Charity: price 40; quality 30; social value 10; total 80.
        results.EnumerateArray().Select(b => (b.GetProperty("bidder").GetString(), b.GetProperty("total").GetDecimal(), b.GetProperty("rank").GetInt32()))
            .ShouldBe([("Anytown Community Care CIC", 84m, 1), ("Brightside Family Support", 80m, 2)]);
        await AwardAfterStandstillAsync(tender, procurement, evaluator);
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var scrutiny = await (await councillor.GetPathAsync(tender.Root + "/evaluation")).ReadJsonAsync();
        (scrutiny.GetProperty("scores").GetArrayLength(), scrutiny.GetProperty("results").ValueKind).ShouldBe((0, JsonValueKind.Null));
        using var provider = await app.ApiAsAsync("care@anytown-community-care.example");
        (await provider.GetPathAsync(tender.Root + "/evaluation")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>The award decision starts an 8-working-day standstill; the contract is entered into only after it.</summary>
    private async Task AwardAfterStandstillAsync(Opened tender, HttpClient procurement, HttpClient evaluator)
    {
        (await evaluator.PostJsonAsync(tender.Root + "/evaluation/award-decisions", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await procurement.PostJsonAsync(tender.Root + "/evaluation/award-decisions", new { })).ShouldBeProblemAsync(409))
            .GetProperty("detail").GetString()!.ShouldContain("Check Anytown Community Care CIC's financial standing");
        await CheckFinancialStandingAsync(tender, procurement, evaluator);
        var decided = await procurement.PostJsonAsync(tender.Root + "/evaluation/award-decisions", new { });
        var decision = await decided.ReadJsonAsync();
        decided.StatusCode.ShouldBe(HttpStatusCode.Created, decision.ToString());
        decision.GetProperty("supplier").GetString().ShouldBe("Anytown Community Care CIC");
        var published = DateOnly.Parse(decision.GetProperty("noticePublishedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var ends = DateOnly.Parse(decision.GetProperty("standstillEndsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        // Eight working days beginning with publication: at least 7 days later (Mon → Wed week after), weekends never the last day.
        (ends.DayNumber - published.DayNumber).ShouldBeGreaterThanOrEqualTo(7);
        ends.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
        decision.GetProperty("ranking").GetArrayLength().ShouldBe(2);
        await (await procurement.PostJsonAsync(tender.Root + "/evaluation/award-decisions", new { })).ShouldBeProblemAsync(409);
        using (var charity = await app.ApiAsAsync("hello@brightside.example"))
        {
            var tenderId = tender.Root.Split('/')[^1];
            var summary = (await (await charity.GetPathAsync($"/api/v1/orgs/anytown/portal/tenders/{tenderId}/assessment-summary")).ReadJsonAsync())[0];
            (summary.GetProperty("yours").GetProperty("rank").GetInt32(), summary.GetProperty("winner").GetProperty("bidder").GetString(), summary.GetProperty("youWon").GetBoolean())
                .ShouldBe((2, "Anytown Community Care CIC", false));
            var quality = summary.GetProperty("answers")[0];
            (quality.GetProperty("yours").GetInt32(), quality.GetProperty("winners").GetInt32(), quality.GetProperty("rationale").GetString()).ShouldBe((3, 4, "Consensus after discussion"));
        }

        var award = $"{tender.Root}/evaluation/award-decisions/{decision.GetProperty("id").GetString()}/award";
        (await (await procurement.PostAsync(new Uri(award, UriKind.Relative), null)).ShouldBeProblemAsync(409)).GetProperty("detail").GetString()!.ShouldContain("standstill");

        await app.WithDbAsync(db => db.AwardDecisions.Where(a => a.Id == Guid.Parse(decision.GetProperty("id").GetString()!))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StandstillEndsOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)))));
        var awarded = await (await procurement.PostAsync(new Uri(award, UriKind.Relative), null)).ReadJsonAsync();
        awarded.GetProperty("status").GetString().ShouldBe("Awarded");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "contract-awarded" || e.Action == "award-decided"))).ShouldBeGreaterThanOrEqualTo(2);
        await (await procurement.PutJsonAsync($"{tender.Root}/evaluation/supplier-checks/{tender.Brightside}", new { })).ShouldBeProblemAsync(409);

        // Published as open contracting data: the award pending in standstill, then active, and the contract signed.
        var ocds = await (await procurement.GetPathAsync(tender.Root + "/ocds")).Content.ReadAsStringAsync();
        var releases = JsonDocument.Parse(ocds).RootElement.GetProperty("releases").EnumerateArray().ToList();
        releases.Select(r => r.GetProperty("tag")[0].GetString()).ShouldBe(["tender", "award", "award", "contract"]);
        releases.Select(r => r.TryGetProperty("awards", out var a) ? a[0].GetProperty("status").GetString() : null).ShouldBe([null, "pending", "active", null]);
        releases[3].GetProperty("contracts")[0].GetProperty("value").GetProperty("amount").GetDecimal().ShouldBe(40_000m);
        var contractId = await app.WithDbAsync(db => db.Contracts.Where(c => c.AwardDecisionId == Guid.Parse(decision.GetProperty("id").GetString()!)).Select(c => c.Id).SingleAsync());
        releases[3].GetProperty("contracts")[0].GetProperty("id").GetString().ShouldBe(contractId.ToString(), "the contract release names the contract in the register");
        if (Tenders.Publication.OcdsSchema.HasData)
        {
            Tenders.Publication.OcdsSchema.Errors(await Tenders.Publication.OcdsSchema.WithUkExtensionAsync(), ocds).ShouldBeEmpty();
        }
    }

    /// <summary>
    /// Turnover of twice the annual value of what the bidder bid for; a bidder short of it is left out of the ranking
    /// unless it passes with a guarantee, as a consortium or with a recorded reason.
    /// </summary>
    private async Task CheckFinancialStandingAsync(Opened tender, HttpClient procurement, HttpClient evaluator)
    {
        var check = $"{tender.Root}/evaluation/supplier-checks/{tender.Care}";
        (await evaluator.PutJsonAsync(check, new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var start = await (await procurement.GetPathAsync(check)).ReadJsonAsync();
        (start.GetProperty("suggestedAnnualValue").GetDecimal(), start.GetProperty("registerTurnover").GetDecimal()).ShouldBe((150_000m, 1_450_000m));
        start.GetProperty("annualValueBasis").GetString()!.ShouldContain("taken as one year's");

        var bad = await (await procurement.PutJsonAsync(check, new { annualValue = -1m, guarantorName = "Parent plc" })).ShouldBeProblemAsync(400);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["annualValue", "guarantorTurnover"]);

        // Against a £800,000 annual value the CIC needs £1.6m and has £1.45m: it is left out and the charity ranks first alone.
        var short_ = await (await procurement.PutJsonAsync(check, new { annualValue = 800_000m })).ReadJsonAsync();
        (short_.GetProperty("outcome").GetString(), short_.GetProperty("excluded").GetBoolean(), short_.GetProperty("required").GetDecimal()).ShouldBe(("DoesNotMeet", true, 1_600_000m));
        var ranking = (await (await procurement.GetPathAsync(tender.Root + "/evaluation")).ReadJsonAsync()).GetProperty("results")[0].GetProperty("bids");
        ranking.EnumerateArray().Select(b => (b.GetProperty("bidder").GetString(), b.GetProperty("total").GetDecimal(), b.GetProperty("rank").GetInt32()))
            .ShouldBe([("Brightside Family Support", 80m, 1)]);

        var guaranteed = await (await procurement.PutJsonAsync(check, new { annualValue = 800_000m, guarantorName = "Anytown Care Group", guarantorTurnover = 5_000_000m })).ReadJsonAsync();
        (guaranteed.GetProperty("outcome").GetString(), guaranteed.GetProperty("passes").GetBoolean()).ShouldBe(("MeetsWithGuarantee", true));
        var accepted = await (await procurement.PutJsonAsync(check, new { annualValue = 800_000m, overrideReason = "Profitable for five years with six months' reserves" })).ReadJsonAsync();
        (accepted.GetProperty("outcome").GetString(), accepted.GetProperty("overrideReason").GetString()).ShouldBe(("AcceptedWithReason", "Profitable for five years with six months' reserves"));

        var meets = await (await procurement.PutJsonAsync(check, new { })).ReadJsonAsync();
        (meets.GetProperty("outcome").GetString(), meets.GetProperty("annualValue").GetDecimal(), meets.GetProperty("required").GetDecimal(), meets.GetProperty("checkedBy").GetString())
            .ShouldBe(("Meets", 150_000m, 300_000m, "Priya Procurement"));
        var listed = await (await procurement.GetPathAsync($"{tender.Root}/evaluation/supplier-checks")).ReadJsonAsync();
        listed.GetArrayLength().ShouldBe(1);
        var tenderId = tender.Root.Split('/')[^1];
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "supplier-checked" && e.EntityId == tenderId))).ShouldBe(4);
    }

    [Fact]
    public async Task Evaluation_waits_for_the_bids_to_be_opened_and_the_panel_is_people_of_the_organisation()
    {
        app.RequireDatabase();
        var tender = await OpenedTenderAsync();
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");

        var stranger = await procurement.PostJsonAsync(tender.Root + "/evaluation/panel", new { personId = await PersonAsync("administrator@anytown-police.example") });
        (await stranger.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("personId", out _).ShouldBeTrue();
        var supplier = await procurement.PostJsonAsync(tender.Root + "/evaluation/panel", new { personId = await PersonAsync("care@anytown-community-care.example") });
        await supplier.ShouldBeProblemAsync(400);
        using var evaluator = await app.ApiAsAsync("evaluator@anytown.example");
        (await evaluator.PostJsonAsync(tender.Root + "/evaluation/panel", new { personId = await PersonAsync("evaluator@anytown.example") })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var draft = await (await procurement.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference = "EW-" + Guid.NewGuid().ToString("N")[..8], title = "Not yet", kind = "GoodsAndServices", estimatedValue = 10_000m })).ReadJsonAsync();
        await (await procurement.GetPathAsync($"/api/v1/orgs/anytown/tenders/{draft.GetProperty("id").GetString()}/evaluation")).ShouldBeProblemAsync(409);
    }
}

public sealed class EvaluationApiTestsOnSqlite(SqliteApp app) : EvaluationApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class EvaluationApiTestsOnPostgres(PostgresApp app) : EvaluationApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
