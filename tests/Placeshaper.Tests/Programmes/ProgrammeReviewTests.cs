using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Programmes;

public abstract class ProgrammeReviewTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task A_review_reads_outcomes_contracts_ratings_and_spend_against_the_pooled_budget_and_the_demo_has_a_decided_one()
    {
        app.RequireDatabase();
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var older = await app.WithDbAsync(db => db.Programmes.Where(p => p.Name == "Older people living independently").Select(p => p.Id).SingleAsync());
        var review = await (await councillor.GetPathAsync($"/api/v1/orgs/anytown/programmes/{older}/review")).ReadJsonAsync();
        review.GetProperty("outcomes").GetArrayLength().ShouldBeGreaterThan(0);
        var telecare = review.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == "ANYTOWN-2025-034");
        telecare.GetProperty("reviews").GetInt32().ShouldBe(4);
        var (committed, delivered) = await app.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.Where(c => c.Reference == "ANYTOWN-2025-034").Select(c => c.Id).SingleAsync();
            var ledger = await Placeshaper.SocialValue.Delivery.SocialValueDeliveryQueries.ForContractAsync(db, contract, TestContext.Current.CancellationToken);
            return (ledger.Totals.CommittedValue, ledger.Totals.DeliveredValue);
        });
        committed.ShouldBeGreaterThan(0m);
        (telecare.GetProperty("socialValueCommitted").GetDecimal(), telecare.GetProperty("socialValueDelivered").GetDecimal()).ShouldBe((committed, delivered));
        review.GetProperty("budgets").EnumerateArray().Select(b => (b.GetProperty("budget").GetString(), b.GetProperty("year").GetString(), b.GetProperty("total").GetDecimal()))
            .ShouldContain(("Better Care Fund 2026/27", "2026/27", 12_400_000m));

        var reviewed = await app.WithDbAsync(db => db.Programmes.Where(p => p.Name == "Positive activities for young people").Select(p => p.Id).SingleAsync());
        var demo = await (await councillor.GetPathAsync($"/api/v1/orgs/anytown/programmes/{reviewed}/review")).ReadJsonAsync();
        demo.GetProperty("stages").EnumerateArray().Select(s => s.GetString()).ShouldBe(["DesignSpecification", "SourceProviders"]);
        var past = demo.GetProperty("reviews").EnumerateArray().Single();
        (past.GetProperty("decision").GetString(), past.GetProperty("by").GetString()).ShouldBe(("Recommission", "Chris Commissioner"));

        using var browser = await app.SignInAsync("councillor@anytown.example");
        var page = await browser.GetHtmlAsync($"/o/anytown/programmes/{reviewed}/review");
        page.ShouldContain("Three-year grants were too short");
        page.ShouldNotContain("Record the decision");
    }

    [Fact]
    public async Task A_review_decision_moves_the_programme_round_the_wheel_on_the_record_and_decommissioning_closes_it()
    {
        app.RequireDatabase();
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var id = (await (await commissioner.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name = "Review probe " + Guid.NewGuid().ToString("N")[..6] })).ReadJsonAsync()).GetProperty("id").GetString();
        var path = $"/api/v1/orgs/anytown/programmes/{id}/reviews";

        (await councillor.PostJsonAsync(path, new { decision = "Extend", lessons = "x", reason = "y" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await commissioner.PostJsonAsync(path, new { lessons = " " })).ShouldBeProblemAsync(400))
            .GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["decision", "lessons", "reason"], ignoreOrder: true);

        var extended = await (await commissioner.PostJsonAsync(path, new { decision = "Extend", lessons = "Providers need longer notice.", reason = "Outcomes on track." })).ReadJsonAsync();
        extended.GetProperty("stages").EnumerateArray().Select(s => s.GetString()).ShouldBe(["ManageDelivery"]);

        var closed = await (await commissioner.PostJsonAsync(path, new { decision = "Decommission", lessons = "Demand fell away.", reason = "Service no longer needed." })).ReadJsonAsync();
        closed.GetProperty("stages").EnumerateArray().Select(s => s.GetString()).ShouldBe(["ReviewAndLearn"]);
        closed.GetProperty("closedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        closed.GetProperty("reviews").GetArrayLength().ShouldBe(2);
        (await (await commissioner.PostJsonAsync(path, new { decision = "Recommission", lessons = "a", reason = "b" })).ShouldBeProblemAsync(400))
            .GetProperty("errors").GetProperty("decision")[0].GetString()!.ShouldContain("closed");

        var programmeId = Guid.Parse(id!);
        var moves = await app.WithDbAsync(db => db.StageChanges.IgnoreQueryFilters().Where(c => c.ProgrammeId == programmeId).OrderBy(c => c.At).Select(c => new { c.ToStages, c.Reason, c.ByName }).ToListAsync());
        moves.Select(m => m.ToStages).ShouldBe(["AssessNeeds", "ManageDelivery", "ReviewAndLearn"]);
        moves[^1].Reason.ShouldStartWith("Programme review: Decommission.");
        moves[^1].ByName.ShouldNotBeNullOrWhiteSpace();
        var actions = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityId == id).Select(e => e.Action).ToListAsync());
        actions.Count(a => a == "programme-reviewed").ShouldBe(2);

        // The page form does the same: changing the model sends a fresh programme back to outcomes and design.
        var other = (await (await commissioner.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name = "Review page probe " + Guid.NewGuid().ToString("N")[..6] })).ReadJsonAsync()).GetProperty("id").GetString();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var form = $"/o/anytown/programmes/{other}/review";
        var refused = await browser.PostFormAsync(form, form, new() { ["Lessons"] = "", ["Reason"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Enter the lessons learned");
        (await browser.PostFormAsync(form, form, new() { ["Decision"] = "ChangeModel", ["Lessons"] = "An in-house team could do it for less.", ["Reason"] = "Options appraisal needed." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stages = await app.WithDbAsync(db => db.Programmes.IgnoreQueryFilters().Where(p => p.Id == Guid.Parse(other!)).Select(p => p.ActiveStages).SingleAsync());
        stages.ShouldBe("PriorityOutcomes,DesignSpecification");
    }
}

public sealed class ProgrammeReviewTestsOnSqlite(SqliteApp app) : ProgrammeReviewTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ProgrammeReviewTestsOnPostgres(PostgresApp app) : ProgrammeReviewTests<PostgresApp>(app), IClassFixture<PostgresApp>;
