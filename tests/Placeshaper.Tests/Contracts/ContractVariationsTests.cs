using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;
using Placeshaper.Tests.Tenders.Publication;

namespace Placeshaper.Tests.Contracts;

public abstract class ContractVariationsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static async Task<string> ContractAsync(HttpClient api, decimal value = 100_000m, string? nature = null)
    {
        var created = await api.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "VAR-" + Guid.NewGuid().ToString("N")[..8],
            title = "Youth outreach",
            supplierName = "Outreach Partners",
            totalValue = value,
            startDate = "2026-04-01",
            endDate = "2028-03-31",
            nature,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<string> RequestAsync(HttpClient api, string contract, decimal valueChange, int termMonths = 0)
    {
        var requested = await api.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{contract}/variations", new { valueChange, termMonths, description = "Two more youth workers", reason = "Referrals doubled" });
        requested.StatusCode.ShouldBe(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        return (await requested.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_variation_over_the_limit_is_approved_only_by_another_person_with_a_legal_basis_and_moves_the_current_value_not_the_original()
    {
        app.RequireDatabase();
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        var contract = await ContractAsync(procurement);
        var variation = await RequestAsync(procurement, contract, 15_000m, termMonths: 6);
        var approve = $"/api/v1/orgs/anytown/contracts/{contract}/variations/{variation}/approve";

        await (await procurement.PostJsonAsync(approve, new { legalBasis = "unforeseeable" })).ShouldBeProblemAsync(403);
        var missing = await (await commissioner.PostJsonAsync(approve, new { })).ShouldBeProblemAsync(400);
        missing.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["legalBasis"]);
        var approved = await (await commissioner.PostJsonAsync(approve, new { legalBasis = "unforeseeable" })).ReadJsonAsync();
        await (await commissioner.PostJsonAsync(approve, new { legalBasis = "unforeseeable" })).ShouldBeProblemAsync(409);

        (approved.GetProperty("status").GetString(), approved.GetProperty("valueAfter").GetDecimal(), approved.GetProperty("legalBasis").GetString())
            .ShouldBe(("Approved", 115_000m, "unforeseeable"));
        var list = await (await commissioner.GetPathAsync($"/api/v1/orgs/anytown/contracts/{contract}/variations")).ReadJsonAsync();
        var ledger = list.GetProperty("ledger");
        (ledger.GetProperty("originalValue").GetDecimal(), ledger.GetProperty("cumulativeChange").GetDecimal(), ledger.GetProperty("cumulativeRatio").GetDecimal(),
            ledger.GetProperty("currentValue").GetDecimal(), ledger.GetProperty("limit").GetDecimal(), ledger.GetProperty("overLimit").GetBoolean())
            .ShouldBe((100_000m, 15_000m, 0.15m, 115_000m, 0.10m, true));
        var detail = await (await commissioner.GetPathAsync($"/api/v1/orgs/anytown/contracts/{contract}")).ReadJsonAsync();
        (detail.GetProperty("totalValue").GetDecimal(), detail.GetProperty("currentExpiry").GetString()).ShouldBe((115_000m, "2028-09-30"));
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "contract-variation-approved" && e.EntityId == variation))).ShouldBe(1);
    }

    [Fact]
    public async Task A_commissioner_cannot_approve_their_own_request_and_a_rejection_needs_a_reason()
    {
        app.RequireDatabase();
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        using var administrator = await app.ApiAsAsync("administrator@anytown.example");
        var contract = await ContractAsync(commissioner);
        var variation = await RequestAsync(commissioner, contract, 2_000m);
        var root = $"/api/v1/orgs/anytown/contracts/{contract}/variations/{variation}";

        await (await commissioner.PostJsonAsync(root + "/approve", new { })).ShouldBeProblemAsync(409);
        var noReason = await (await administrator.PostJsonAsync(root + "/reject", new { reason = " " })).ShouldBeProblemAsync(400);
        noReason.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["reason"]);
        var rejected = await (await administrator.PostJsonAsync(root + "/reject", new { reason = "Not value for money" })).ReadJsonAsync();

        rejected.GetProperty("status").GetString().ShouldBe("Rejected");
        (await (await administrator.GetPathAsync($"/api/v1/orgs/anytown/contracts/{contract}")).ReadJsonAsync()).GetProperty("totalValue").GetDecimal().ShouldBe(100_000m);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "contract-variation-rejected" && e.EntityId == variation))).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_requests_name_their_fields()
    {
        app.RequireDatabase();
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        var contract = await ContractAsync(procurement);
        var url = $"/api/v1/orgs/anytown/contracts/{contract}/variations";

        var beforeStart = await (await procurement.PostJsonAsync(url, new { termMonths = -30, description = "Shorter", reason = "Budget" })).ShouldBeProblemAsync(400);
        var noReason = await (await procurement.PostJsonAsync(url, new { valueChange = 500m, description = "More", reason = "" })).ShouldBeProblemAsync(400);
        var badBreach = await (await procurement.PostJsonAsync("/api/v1/orgs/anytown/contracts/" + contract + "/breaches", new { description = "Late" })).ShouldBeProblemAsync(400);

        beforeStart.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["termMonths"]);
        noReason.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["reason"]);
        badBreach.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["clause", "occurredOn", "severity"]);
    }

    [Fact]
    public async Task Each_approved_variation_is_a_contract_amendment_release_that_validates_against_the_OCDS_schema()
    {
        app.RequireDatabase();
        OcdsSchema.RequireData();
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        var contract = await ContractAsync(procurement, 200_000m, nature: "Works");
        foreach (var change in new[] { 10_000m, 25_000m })
        {
            var variation = await RequestAsync(procurement, contract, change);
            (await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{contract}/variations/{variation}/approve", new { legalBasis = "other: council resolution 41" }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var response = await commissioner.GetPathAsync($"/api/v1/orgs/anytown/contracts/{contract}/ocds");
        var json = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, json);
        OcdsSchema.Errors(await OcdsSchema.CoreAsync(), json).ShouldBeEmpty();
        OcdsSchema.Errors(await OcdsSchema.WithUkExtensionAsync(), json).ShouldBeEmpty();
        var releases = JsonDocument.Parse(json).RootElement.GetProperty("releases").EnumerateArray().ToList();
        releases.Select(r => r.GetProperty("tag").EnumerateArray().Last().GetString()).ShouldBe(["contract", "contractAmendment", "contractAmendment"]);
        var last = releases[2].GetProperty("contracts")[0];
        last.GetProperty("value").GetProperty("amount").GetDecimal().ShouldBe(235_000m);
        var amendments = last.GetProperty("amendments").EnumerateArray().ToList();
        amendments.Count.ShouldBe(2);
        amendments[1].GetProperty("amendsReleaseID").GetString().ShouldBe(releases[1].GetProperty("id").GetString());
        amendments[1].GetProperty("releaseID").GetString().ShouldBe(releases[2].GetProperty("id").GetString());
        amendments[0].GetProperty("amendsReleaseID").GetString().ShouldBe(releases[0].GetProperty("id").GetString());
        amendments[1].GetProperty("rationale").GetString().ShouldBe("Referrals doubled");
    }

    [Fact]
    public async Task A_breach_is_recorded_and_resolved_a_termination_ends_the_contract_once_and_an_overdue_exit_plan_is_a_reminder()
    {
        app.RequireDatabase();
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        var contract = await ContractAsync(procurement);
        var root = $"/api/v1/orgs/anytown/contracts/{contract}";
        var breach = new { occurredOn = "2026-06-01", clause = "KPI 1", description = "Visits late", severity = "Moderate", remedyNoticeOn = "2026-06-03", remedyDue = "2026-07-03" };
        var recorded = await (await procurement.PostJsonAsync(root + "/breaches", breach)).ReadJsonAsync();
        (await procurement.PutJsonAsync($"{root}/breaches/{recorded.GetProperty("id").GetString()}", new
        {
            breach.occurredOn,
            breach.clause,
            breach.description,
            breach.severity,
            breach.remedyNoticeOn,
            breach.remedyDue,
            resolvedOn = "2026-06-30",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var plan = await procurement.PutJsonAsync(root + "/exit-plan", new
        {
            continuity = "In-house youth service steps in",
            dataAndAssets = "Case files returned within 10 days",
            owner = "Head of youth services",
            lastReviewedOn = "2024-01-15",
        });
        var reminders = await (await procurement.GetPathAsync("/api/v1/orgs/anytown/contracts/reminders?days=30")).ReadJsonAsync();

        recorded.GetProperty("resolvedOn").ValueKind.ShouldBe(JsonValueKind.Null);
        (await (await procurement.GetPathAsync(root + "/breaches")).ReadJsonAsync())[0].GetProperty("resolvedOn").GetString().ShouldBe("2026-06-30");
        (await plan.ReadJsonAsync()).GetProperty("overdue").GetBoolean().ShouldBeTrue();
        reminders.EnumerateArray().ShouldContain(r => r.GetProperty("contractId").GetString() == contract && r.GetProperty("kind").GetString() == "ExitPlanReview" && r.GetProperty("overdue").GetBoolean());

        var terminated = await procurement.PostJsonAsync(root + "/termination", new { on = "2026-12-31", ground = "Breach", noticeGivenOn = "2026-10-01", reason = "Repeated serious breaches" });
        terminated.StatusCode.ShouldBe(HttpStatusCode.Created, await terminated.Content.ReadAsStringAsync());
        (await (await procurement.GetPathAsync(root)).ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Terminated");
        await (await procurement.PostJsonAsync(root + "/termination", new { on = "2026-12-31", ground = "Agreement", reason = "Again" })).ShouldBeProblemAsync(409);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "contract-terminated" && e.EntityId == contract))).ShouldBe(1);
        (await (await procurement.GetPathAsync("/api/v1/orgs/anytown/contracts/reminders?days=30")).ReadJsonAsync()).EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("contractId").GetString() == contract, "a terminated contract needs no reminders");
    }

    [Fact]
    public async Task Councillors_read_but_change_nothing_and_providers_see_none_of_it()
    {
        app.RequireDatabase();
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        using var provider = await app.ApiAsAsync("care@anytown-community-care.example");
        var contract = await ContractAsync(procurement);
        var variation = await RequestAsync(procurement, contract, 1_000m);
        var root = $"/api/v1/orgs/anytown/contracts/{contract}";

        (await councillor.GetPathAsync(root + "/variations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await councillor.GetPathAsync(root + "/ocds")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await councillor.PostJsonAsync(root + "/variations", new { valueChange = 5m, description = "x", reason = "x" })).ShouldBeProblemAsync(403);
        await (await councillor.PostJsonAsync($"{root}/variations/{variation}/approve", new { })).ShouldBeProblemAsync(403);
        await (await councillor.PostJsonAsync(root + "/breaches", new { })).ShouldBeProblemAsync(403);
        await (await councillor.PostJsonAsync(root + "/termination", new { })).ShouldBeProblemAsync(403);
        await (await councillor.PutJsonAsync(root + "/exit-plan", new { })).ShouldBeProblemAsync(403);
        await (await provider.GetPathAsync(root + "/variations")).ShouldBeProblemAsync(403);
        await (await provider.GetPathAsync(root + "/breaches")).ShouldBeProblemAsync(403);

        using var councillorBrowser = await app.SignInAsync("councillor@anytown.example");
        var page = await (await councillorBrowser.GetAsync($"/o/anytown/contracts/{contract}")).Content.ReadAsStringAsync();
        page.ShouldContain("Variation 1");
        page.ShouldNotContain("Request a variation");
        (await councillorBrowser.GetAsync($"/o/anytown/contracts/{contract}/variations/new")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await councillorBrowser.GetAsync($"/o/anytown/contracts/{contract}/variations/{variation}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.ContractVariations.CountAsync(v => v.ContractId == Guid.Parse(contract)))).ShouldBe(1);
    }

    [Fact]
    public async Task The_pages_request_approve_record_and_terminate()
    {
        app.RequireDatabase();
        using var procurementApi = await app.ApiAsAsync("procurement@anytown.example");
        var contract = await ContractAsync(procurementApi);
        var home = $"/o/anytown/contracts/{contract}";
        using var procurement = await app.SignInAsync("procurement@anytown.example");
        using var commissioner = await app.SignInAsync("commissioner@anytown.example");

        var refused = await procurement.PostFormAsync(home + "/variations/new", home + "/variations/new", new() { ["ValueChange"] = "12000", ["Description"] = "More", ["Reason"] = "" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Say why the contract needs to change");
        var requested = await procurement.PostFormAsync(home + "/variations/new", home + "/variations/new", new() { ["ValueChange"] = "12000", ["Description"] = "More sessions", ["Reason"] = "Demand" });
        requested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var variationPage = requested.Headers.Location!.OriginalString;
        var noBasis = await commissioner.PostFormAsync(variationPage, variationPage + "?handler=Approve", new());
        (await noBasis.Content.ReadAsStringAsync()).ShouldContain("record the legal basis");
        (await commissioner.PostFormAsync(variationPage, variationPage + "?handler=Approve", new() { ["LegalBasis"] = "other", ["OtherBasis"] = "Cabinet decision 12" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await procurement.PostFormAsync(home + "/breaches", home + "/breaches", new()
        {
            ["OccurredOn.Day"] = "1",
            ["OccurredOn.Month"] = "6",
            ["OccurredOn.Year"] = "2026",
            ["Clause"] = "Clause 9",
            ["Description"] = "Late report",
            ["Severity"] = "Minor",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await procurement.PostFormAsync(home + "/exit-plan", home + "/exit-plan", new()
        {
            ["Continuity"] = "Council steps in",
            ["DataAndAssets"] = "Files returned",
            ["Owner"] = "Youth services",
            ["LastReviewedOn.Day"] = "1",
            ["LastReviewedOn.Month"] = "9",
            ["LastReviewedOn.Year"] = "2026",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await procurement.PostFormAsync(home + "/terminate", home + "/terminate", new()
        {
            ["On.Day"] = "31",
            ["On.Month"] = "12",
            ["On.Year"] = "2026",
            ["Ground"] = "Agreement",
            ["Reason"] = "Service brought in-house",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = WebUtility.HtmlDecode(await (await commissioner.GetAsync(home)).Content.ReadAsStringAsync());
        page.ShouldContain("£112,000.00");
        page.ShouldContain("+£12,000.00 (12.00% of the original)");
        page.ShouldContain("Late report");
        page.ShouldContain("Council steps in");
        page.ShouldContain("Service brought in-house");
        (await (await commissioner.GetAsync(variationPage)).Content.ReadAsStringAsync()).ShouldContain("other: Cabinet decision 12");
    }
}

public sealed class ContractVariationsTestsOnSqlite(SqliteApp app) : ContractVariationsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ContractVariationsTestsOnPostgres(PostgresApp app) : ContractVariationsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
