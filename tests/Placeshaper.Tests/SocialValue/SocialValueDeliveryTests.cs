using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.SocialValue;

/// <summary>Social value obligations and delivery through the HTTP pipeline, as contract managers and providers use them.</summary>
public abstract class SocialValueDeliveryTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Brightside = "hello@brightside.example";
    private const string Northgate = "bids@northgate-facilities.example";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A contract with Brightside from January last year, with two obligations: 7 local people at ANY-01's £1,500, and 40 training hours at £12.3456 an hour.</summary>
    private static async Task<(string Id, string People, string Hours, DateOnly Start)> ContractAsync(HttpClient officer)
    {
        var providers = await (await officer.GetPathAsync("/api/v1/orgs/anytown/providers?pageSize=100")).ReadJsonAsync();
        var brightside = providers.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Brightside Family Support").GetProperty("id").GetString();
        var start = new DateOnly(DateTime.UtcNow.Year - 1, 1, 1);
        var created = await officer.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "SV-" + Guid.NewGuid().ToString("N")[..8],
            title = "Family support with social value",
            providerId = brightside,
            totalValue = 800_000m,
            startDate = Day(start),
            endDate = Day(start.AddYears(3).AddDays(-1)),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var obligations = $"/api/v1/orgs/anytown/contracts/{id}/social-value/obligations";

        var people = await officer.PostJsonAsync(obligations, new { measureCode = "any-01", committedQuantity = 7m });
        people.StatusCode.ShouldBe(HttpStatusCode.Created, await people.Content.ReadAsStringAsync());
        var peopleView = await people.ReadJsonAsync();
        (peopleView.GetProperty("measureCode").GetString(), peopleView.GetProperty("theme").GetString(), peopleView.GetProperty("unit").GetString(), peopleView.GetProperty("proxyValue").GetDecimal(),
            peopleView.GetProperty("committedValue").GetDecimal(), peopleView.GetProperty("dueBy").GetString())
            .ShouldBe(("ANY-01", "Local jobs", "people", 1_500m, 10_500m, Day(start.AddYears(3).AddDays(-1))));
        var hours = await (await officer.PostJsonAsync(obligations, new { theme = "Skills", measure = "Training hours for staff", unit = "hours", committedQuantity = 40m, proxyValue = 12.3456m })).ReadJsonAsync();
        hours.GetProperty("committedValue").GetDecimal().ShouldBe(493.82m, "40 × £12.3456 = £493.824, to the penny");
        return (id, peopleView.GetProperty("id").GetString()!, hours.GetProperty("id").GetString()!, start);
    }

    [Fact]
    public async Task Awarding_a_contract_makes_the_winning_bids_commitments_its_social_value_obligations()
    {
        app.RequireDatabase();
        var (tenderId, decisionId) = await app.WithDbAsync(async db =>
        {
            var tender = await db.Tenders.SingleAsync(t => t.Reference == "ANYTOWN-2026-009");
            var decision = await db.AwardDecisions.SingleAsync(a => a.TenderId == tender.Id);
            await db.AwardDecisions.Where(a => a.Id == decision.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.StandstillEndsOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3))));
            return (tender.Id, decision.Id);
        });
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");

        (await procurement.PostAsync(new Uri($"/api/v1/orgs/anytown/tenders/{tenderId}/evaluation/award-decisions/{decisionId}/award", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var contractId = await app.WithDbAsync(db => db.Contracts.Where(c => c.AwardDecisionId == decisionId).Select(c => c.Id).SingleAsync());
        var view = await (await procurement.GetPathAsync($"/api/v1/orgs/anytown/contracts/{contractId}/social-value/obligations")).ReadJsonAsync();
        var obligation = view.GetProperty("obligations").EnumerateArray().Single();
        (obligation.GetProperty("measure").GetString(), obligation.GetProperty("committedQuantity").GetDecimal(), obligation.GetProperty("unit").GetString(), obligation.GetProperty("source").GetString(),
            obligation.GetProperty("delivered").GetDecimal(), obligation.GetProperty("state").GetString())
            .ShouldBe(("Volunteer hours in Anytown", 2_400m, "hours", "award", 0m, "not started"), "Brightside won with 2,400 volunteer hours");
        obligation.GetProperty("proxyValue").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "the commitment named no measure, so it has no proxy value");
    }

    [Fact]
    public async Task A_provider_reports_delivery_in_the_portal_the_officer_verifies_it_and_committed_against_delivered_is_right_to_the_penny()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        using var provider = await app.ApiAsAsync(Brightside);
        var (id, people, hours, start) = await ContractAsync(officer);
        var portal = $"/api/v1/orgs/anytown/portal/contracts/{id}/social-value/reports";

        var sent = await provider.PostJsonAsync(portal, new
        {
            obligationId = people,
            periodStart = Day(start),
            periodEnd = Day(start.AddMonths(3).AddDays(-1)),
            quantity = 3m,
            narrative = "Three Anytown residents started as support workers",
            evidence = new[] { new { fileName = "payroll.csv", content = Convert.ToBase64String(Encoding.UTF8.GetBytes("name,start\nA,2025-01-06\n")) } },
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var report = await sent.ReadJsonAsync();
        (report.GetProperty("status").GetString(), report.GetProperty("submittedByProvider").GetBoolean(), report.GetProperty("evidence")[0].GetProperty("sha256").GetString()!.Length)
            .ShouldBe(("Submitted", true, 64));
        var reportId = report.GetProperty("id").GetString();
        var hoursReport = await (await provider.PostJsonAsync(portal, new { obligationId = hours, periodStart = Day(start), periodEnd = Day(start.AddMonths(3).AddDays(-1)), quantity = 12.5m })).ReadJsonAsync();

        var pending = await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/obligations")).ReadJsonAsync();
        (pending.GetProperty("totals").GetProperty("deliveredValue").GetDecimal(), pending.GetProperty("totals").GetProperty("pendingValue").GetDecimal())
            .ShouldBe((0m, 4_654.32m), "3 × £1,500 + 12.5 × £12.3456 = £4,654.32 waiting; nothing delivered until verified");

        // The provider cannot verify its own report: the role refuses it, and the portal has no such route.
        var verify = $"/api/v1/orgs/anytown/contracts/{id}/social-value/reports/{reportId}/verify";
        (await provider.PostAsync(new Uri(verify, UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsync(new Uri(verify, UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await officer.PostAsync(new Uri(verify, UriKind.Relative), null)).ShouldBeProblemAsync(409);
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/social-value/reports/{hoursReport.GetProperty("id").GetString()}/verify", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var contract = await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/obligations")).ReadJsonAsync();
        var lines = contract.GetProperty("obligations").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!);
        (lines[people].GetProperty("delivered").GetDecimal(), lines[people].GetProperty("deliveredValue").GetDecimal(), lines[people].GetProperty("state").GetString())
            .ShouldBe((3m, 4_500m, "in progress"));
        (lines[hours].GetProperty("delivered").GetDecimal(), lines[hours].GetProperty("deliveredValue").GetDecimal()).ShouldBe((12.5m, 154.32m), "12.5 × £12.3456 = £154.32");
        (contract.GetProperty("totals").GetProperty("committedValue").GetDecimal(), contract.GetProperty("totals").GetProperty("deliveredValue").GetDecimal(), contract.GetProperty("totals").GetProperty("pendingValue").GetDecimal())
            .ShouldBe((10_993.82m, 4_654.32m, 0m));

        // A correction for the same period supersedes the verified report once it is verified in its turn.
        var correction = await (await provider.PostJsonAsync(portal, new { obligationId = people, periodStart = Day(start), periodEnd = Day(start.AddMonths(3).AddDays(-1)), quantity = 2m })).ReadJsonAsync();
        (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/reports/{correction.GetProperty("id").GetString()}/return", new { reason = " " })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/social-value/reports/{correction.GetProperty("id").GetString()}/verify", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var statuses = (await (await provider.GetPathAsync(portal)).ReadJsonAsync()).EnumerateArray().Where(r => r.GetProperty("obligationId").GetString() == people).Select(r => r.GetProperty("status").GetString()).ToList();
        statuses.ShouldBe(["Verified", "Superseded"], ignoreOrder: true);
        var mine = await (await provider.GetPathAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/social-value/obligations")).ReadJsonAsync();
        mine.GetProperty("totals").GetProperty("deliveredValue").GetDecimal().ShouldBe(3_154.32m);

        var across = await (await officer.GetPathAsync("/api/v1/orgs/anytown/social-value/delivery")).ReadJsonAsync();
        across.GetProperty("obligations").EnumerateArray().Count(o => o.GetProperty("obligation").GetProperty("contractId").GetString() == id).ShouldBe(2);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "social-value-report-verified" && e.EntityId == reportId))).ShouldBe(1);

        // The contract page, the provider page and the organisation page show what was delivered.
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var page = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/o/anytown/contracts/{id}"));
        page.ShouldContain("id=\"sv-delivered\">£3,154.32<");
        var brightside = await app.WithDbAsync(db => db.Contracts.Where(c => c.Id == Guid.Parse(id)).Select(c => c.ProviderId).SingleAsync());
        (await browser.GetHtmlAsync($"/o/anytown/providers/{brightside}")).ShouldContain("Social value on its contracts");
        (await browser.GetHtmlAsync("/o/anytown/social-value/delivery")).ShouldContain("Training hours for staff");
    }

    [Fact]
    public async Task A_provider_cannot_report_on_another_providers_contract_and_a_councillor_reads_but_changes_nothing()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        var (id, people, _, start) = await ContractAsync(officer);
        using var other = await app.ApiAsAsync(Northgate);
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var body = new { obligationId = people, periodStart = Day(start), periodEnd = Day(start.AddMonths(3).AddDays(-1)), quantity = 1m };

        await (await other.PostJsonAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/social-value/reports", body)).ShouldBeProblemAsync(404);
        await (await other.GetPathAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/social-value/obligations")).ShouldBeProblemAsync(404);
        (await councillor.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/obligations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await councillor.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/reports", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await councillor.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/obligations", new { measureCode = "ANY-01", committedQuantity = 1m })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var refused = await (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/obligations", new { measureCode = "NOPE", committedQuantity = -1m })).ShouldBeProblemAsync(400);
        refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["measureCode", "measure", "unit", "committedQuantity"], ignoreOrder: true);
        (await app.WithDbAsync(db => db.Set<Placeshaper.SocialValue.Delivery.DeliveryReport>().CountAsync(r => r.ContractId == Guid.Parse(id)))).ShouldBe(0);
    }

    [Fact]
    public async Task The_provider_reports_through_the_portal_form_with_evidence_and_the_officer_verifies_it_on_its_page()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        var (id, people, _, start) = await ContractAsync(officer);
        using var provider = await app.SignInAsync(Brightside);
        var form = $"/o/anytown/portal/contracts/{id}/social-value";
        var end = start.AddMonths(6).AddDays(-1);

        var sent = await provider.PostFileAsync(form, form, "starters.csv", Encoding.UTF8.GetBytes("name\nA\nB\n"), new()
        {
            ["ObligationId"] = people,
            ["PeriodStart.Day"] = "1",
            ["PeriodStart.Month"] = start.Month.ToString(CultureInfo.InvariantCulture),
            ["PeriodStart.Year"] = start.Year.ToString(CultureInfo.InvariantCulture),
            ["PeriodEnd.Day"] = end.Day.ToString(CultureInfo.InvariantCulture),
            ["PeriodEnd.Month"] = end.Month.ToString(CultureInfo.InvariantCulture),
            ["PeriodEnd.Year"] = end.Year.ToString(CultureInfo.InvariantCulture),
            ["Quantity"] = "2",
            ["Narrative"] = "Two starters",
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        var report = await app.WithDbAsync(db => db.Set<Placeshaper.SocialValue.Delivery.DeliveryReport>().Include(r => r.Evidence).SingleAsync(r => r.ContractId == Guid.Parse(id)));
        (report.Quantity, report.Source, report.Evidence.Single().FileName).ShouldBe((2m, "portal", "starters.csv"));
        var evidence = await provider.GetAsync($"{form}?handler=Evidence&reportId={report.Id}&evidenceId={report.Evidence[0].Id}");
        (await evidence.Content.ReadAsStringAsync()).ShouldBe("name\nA\nB\n");

        var refused = await provider.PostFormAsync(form, form, new() { ["ObligationId"] = people, ["Quantity"] = "lots" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Enter the quantity delivered as a number");
        var incomplete = await provider.PostFormAsync(form, form, new() { ["ObligationId"] = people, ["Quantity"] = "1" });
        var html = await incomplete.Content.ReadAsStringAsync();
        html.ShouldContain("Give the first day of the period the report covers");
        html.ShouldContain("Give the last day of the period the report covers");

        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var page = $"/o/anytown/contracts/{id}/social-value/reports/{report.Id}";
        (await browser.GetHtmlAsync($"/o/anytown/contracts/{id}")).ShouldContain(page);
        (await browser.PostFormAsync(page, page + "?handler=Verify", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/o/anytown/contracts/{id}")).ShouldContain("id=\"sv-delivered\">£3,000.00<");
    }

    [Fact]
    public async Task The_social_value_report_of_a_financial_year_is_right_to_the_penny_by_theme_and_measure_with_a_programmes_sroi()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        var programme = await app.WithDbAsync(db => db.Programmes.IgnoreQueryFilters().Where(p => p.Name == "Older people living independently").Select(p => p.Id).SingleAsync());
        var created = await officer.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "SVR-" + Guid.NewGuid().ToString("N")[..8],
            title = "Falls prevention, 2020 to 2023",
            supplierName = "Westmoor Falls Service",
            totalValue = 150_000m,
            annualValue = 50_000m,
            startDate = "2020-04-01",
            endDate = "2023-03-31",
            programmeId = programme,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var people = (await (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/obligations", new { measureCode = "ANY-01", committedQuantity = 5m })).ReadJsonAsync()).GetProperty("id").GetString();
        var trees = (await (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/obligations", new { theme = "Environment", measure = "Trees planted", unit = "trees", committedQuantity = 100m, proxyValue = 33.3333m })).ReadJsonAsync()).GetProperty("id").GetString();
        async Task ReportAsync(string? obligation, string from, string to, decimal quantity, bool verify)
        {
            var sent = await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/social-value/reports", new { obligationId = obligation, periodStart = from, periodEnd = to, quantity });
            sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
            if (verify)
            {
                var report = (await sent.ReadJsonAsync()).GetProperty("id").GetString();
                (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/social-value/reports/{report}/verify", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
        }

        await ReportAsync(people, "2020-04-01", "2020-06-30", 2m, verify: true);
        await ReportAsync(people, "2021-01-01", "2021-03-31", 1m, verify: true);
        await ReportAsync(people, "2021-04-01", "2021-06-30", 1m, verify: true);
        await ReportAsync(trees, "2020-07-01", "2020-09-30", 7m, verify: true);
        await ReportAsync(trees, "2020-10-01", "2020-12-31", 3m, verify: false);

        var report = await (await officer.GetPathAsync($"/api/v1/orgs/anytown/social-value/report?year=2020&programmeId={programme}")).ReadJsonAsync();

        (report.GetProperty("from").GetString(), report.GetProperty("to").GetString(), report.GetProperty("contracts").GetInt32()).ShouldBe(("2020-04-01", "2021-03-31", 1));
        // 5 × £1,500 + 100 × £33.3333; 3 × £1,500 + 7 × £33.3333 = £4,733.3331; 3 × £33.3333 = £99.9999 waiting: each rounded only at the end.
        (report.GetProperty("committedValue").GetDecimal(), report.GetProperty("deliveredValueInYear").GetDecimal(), report.GetProperty("pendingValueInYear").GetDecimal())
            .ShouldBe((10_833.33m, 4_733.33m, 100.00m));
        var themes = report.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("theme").GetString()!);
        themes.Keys.ShouldBe(["Environment", "Local jobs"]);
        var jobs = themes["Local jobs"].GetProperty("measures")[0];
        (jobs.GetProperty("code").GetString(), jobs.GetProperty("deliveredInYear").GetDecimal(), jobs.GetProperty("deliveredToDate").GetDecimal(), jobs.GetProperty("deliveredValueInYear").GetDecimal())
            .ShouldBe(("ANY-01", 3m, 3m, 4_500m));
        (themes["Environment"].GetProperty("deliveredValueInYear").GetDecimal(), themes["Environment"].GetProperty("committedValue").GetDecimal()).ShouldBe((233.33m, 3_333.33m));

        // The SROI calculator on the year's delivered value: (£233.3331 + £4,500) ÷ 1.035 over the contract's £50,000 a year.
        var sroi = report.GetProperty("programmes").EnumerateArray().Single();
        (sroi.GetProperty("name").GetString(), sroi.GetProperty("investment").GetDecimal(), sroi.GetProperty("presentValue").GetDecimal(), sroi.GetProperty("ratio").GetDecimal())
            .ShouldBe(("Older people living independently", 50_000m, 4_573.27m, 0.0915m));
        sroi.GetProperty("outcomes").EnumerateArray().SelectMany(o => o.GetProperty("working").EnumerateArray()).Select(w => w.GetString()).ShouldContain(w => w!.Contains("£4,500.00 ÷ 1.035^1", StringComparison.Ordinal));

        var next = await (await officer.GetPathAsync("/api/v1/orgs/anytown/social-value/report?year=2021")).ReadJsonAsync();
        var nextJobs = next.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("theme").GetString() == "Local jobs").GetProperty("measures")[0];
        (nextJobs.GetProperty("deliveredInYear").GetDecimal(), nextJobs.GetProperty("deliveredToDate").GetDecimal()).ShouldBe((1m, 4m));

        (await (await officer.GetPathAsync("/api/v1/orgs/anytown/social-value/report?year=1999")).ShouldBeProblemAsync(400)).GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("year");
        (await (await officer.GetPathAsync($"/api/v1/orgs/anytown/social-value/report?year=2020&programmeId={programme}&deadweight=2")).ShouldBeProblemAsync(400))
            .GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("deadweight");

        using var browser = await app.SignInAsync("councillor@anytown.example");
        var page = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/o/anytown/social-value/report?year=2020&programmeId={programme}"));
        page.ShouldContain("id=\"report-delivered\">£4,733.33<");
        page.ShouldContain("Ratio: £4,573.27 ÷ £50,000.00 = 0.0915");
        var csv = await (await browser.GetAsync($"/o/anytown/social-value/report?year=2020&handler=Download&format=csv")).Content.ReadAsStringAsync();
        csv.ShouldContain("Environment,,Trees planted,trees,1,");
        csv.ShouldContain(",3333.33,233.33,233.33,");
    }
}

public sealed class SocialValueDeliveryTestsOnSqlite(SqliteApp app) : SocialValueDeliveryTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SocialValueDeliveryTestsOnPostgres(PostgresApp app) : SocialValueDeliveryTests<PostgresApp>(app), IClassFixture<PostgresApp>;
