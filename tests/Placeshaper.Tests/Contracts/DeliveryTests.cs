using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Contracts;

/// <summary>KPI values, ratings, payment terms and schedules through the HTTP pipeline, as providers, officers and councillors use them.</summary>
public abstract class DeliveryTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Brightside = "hello@brightside.example";
    private const string Northgate = "bids@northgate-facilities.example";

    /// <summary>A contract with Brightside from January last year: KPI 1 on time (% monthly), KPI 2 families turned around (quarterly count).</summary>
    private static async Task<(string Id, string OnTime, string Families, DateOnly Start)> ContractAsync(HttpClient officer)
    {
        var providers = await (await officer.GetPathAsync("/api/v1/orgs/anytown/providers?pageSize=100")).ReadJsonAsync();
        var brightside = providers.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Brightside Family Support").GetProperty("id").GetString();
        var start = new DateOnly(DateTime.UtcNow.Year - 1, 1, 1);
        var created = await officer.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "DLV-" + Guid.NewGuid().ToString("N")[..8],
            title = "Family support by results",
            providerId = brightside,
            totalValue = 800_000m,
            startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = start.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            kpis = new object[]
            {
                new { definition = "Families seen on time", unit = "%", polarity = "HigherIsBetter", target = 95m, minimum = 90m, frequency = "Monthly", dataSource = "Case records" },
                new { definition = "Families turned around", unit = "families", polarity = "HigherIsBetter", target = 10m, minimum = 5m, frequency = "Quarterly", dataSource = "Case records" },
            },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contract = await created.ReadJsonAsync();
        var kpis = contract.GetProperty("kpis").EnumerateArray().ToList();
        return (contract.GetProperty("id").GetString()!, kpis[0].GetProperty("id").GetString()!, kpis[1].GetProperty("id").GetString()!, start);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_provider_reports_through_the_portal_the_officer_approves_and_the_schedule_is_calculated_with_its_working_and_kept_by_revision()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        using var provider = await app.ApiAsAsync(Brightside);
        var (id, onTime, families, start) = await ContractAsync(officer);
        var portal = $"/api/v1/orgs/anytown/portal/contracts/{id}/observations";

        var sent = await provider.PostJsonAsync(portal, new
        {
            kpiId = families,
            periodStart = Day(start),
            value = 14m,
            comment = "Q1",
            evidence = new[] { new { fileName = "q1.csv", content = Convert.ToBase64String(Encoding.UTF8.GetBytes("family,outcome\n1,yes\n")) } },
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var observation = await sent.ReadJsonAsync();
        (observation.GetProperty("status").GetString(), observation.GetProperty("submittedByProvider").GetBoolean(), observation.GetProperty("evidence")[0].GetProperty("sha256").GetString()!.Length)
            .ShouldBe(("Submitted", true, 64));
        var observationId = observation.GetProperty("id").GetString();

        // The provider cannot approve its own data: the role refuses it, and the portal has no such route.
        (await provider.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/observations/{observationId}/approve", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/observations/{observationId}/approve", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/observations/{observationId}/approve", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var terms = await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/payment-terms", new
        {
            effectiveFrom = Day(start),
            terms = new
            {
                frequency = "Quarterly",
                paymentByResults = new { years = new[] { new { year = 1, budget = 400_000m, outcomeShare = 0.2m } }, outcomes = new[] { new { kpiId = families, rate = 1_000m } } },
            },
        });
        terms.StatusCode.ShouldBe(HttpStatusCode.Created, await terms.Content.ReadAsStringAsync());

        var calculated = await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/payments/{Day(start)}/calculations", UriKind.Relative), null);
        calculated.StatusCode.ShouldBe(HttpStatusCode.Created, await calculated.Content.ReadAsStringAsync());
        var first = await calculated.ReadJsonAsync();
        (first.GetProperty("revision").GetInt32(), first.GetProperty("fixedElement").GetDecimal(), first.GetProperty("outcomePayments").GetDecimal(), first.GetProperty("due").GetDecimal())
            .ShouldBe((1, 80_000m, 14_000m, 94_000m));
        first.GetProperty("working").EnumerateArray().Select(w => w.GetString()).ShouldContain("Due: £80,000.00 + £14,000.00 − £0.00 = £94,000.00");

        // A correction approved later does not rewrite the stored calculation: recalculating adds revision 2.
        var correction = await (await provider.PostJsonAsync(portal, new { kpiId = families, periodStart = Day(start), value = 16m })).ReadJsonAsync();
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/observations/{correction.GetProperty("id").GetString()}/approve", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/payments/{Day(start)}/calculations", UriKind.Relative), null)).ReadJsonAsync();
        (second.GetProperty("revision").GetInt32(), second.GetProperty("due").GetDecimal()).ShouldBe((2, 96_000m));

        var schedule = (await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/payments")).ReadJsonAsync()).EnumerateArray().ToList();
        var period = schedule.Single(p => p.GetProperty("periodStart").GetString() == Day(start));
        (period.GetProperty("latest").GetProperty("due").GetDecimal(), period.GetProperty("previous").GetProperty("due").GetDecimal(), period.GetProperty("revisions").GetInt32()).ShouldBe((96_000m, 94_000m, 2));
        var history = (await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/observations")).ReadJsonAsync()).EnumerateArray().Select(o => o.GetProperty("status").GetString()).ToList();
        history.ShouldBe(["Approved", "Superseded"], ignoreOrder: true);

        // Paid in full without the credits that were not due: no flag; the provider sees its own schedule.
        (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/payments/{Day(start)}/paid", new { amount = 96_000m, paidOn = Day(start.AddMonths(4)), reference = "REM-1" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var mine = (await (await provider.GetPathAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/payments")).ReadJsonAsync()).EnumerateArray().Single(p => p.GetProperty("periodStart").GetString() == Day(start));
        (mine.GetProperty("paid").GetDecimal(), mine.GetProperty("creditNotLevied").GetBoolean()).ShouldBe((96_000m, false));
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "kpi-observation-approved" && e.EntityId == observationId))).ShouldBe(1);

        await (await officer.DeletePathAsync($"/api/v1/orgs/anytown/contracts/{id}/kpis/{families}")).ShouldBeProblemAsync(409);
        (await officer.DeletePathAsync($"/api/v1/orgs/anytown/contracts/{id}/kpis/{onTime}")).StatusCode.ShouldBe(HttpStatusCode.NoContent, "a KPI nobody reported on can go");
    }

    [Fact]
    public async Task A_provider_sees_only_its_own_contracts_and_a_councillor_reads_everything_but_changes_nothing()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        var (id, onTime, _, start) = await ContractAsync(officer);
        using var other = await app.ApiAsAsync(Northgate);
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");

        (await other.GetPathAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/observations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetPathAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/payments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostJsonAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/observations", new { kpiId = onTime, periodStart = Day(start), value = 90m })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/observations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var otherBrowser = await app.SignInAsync(Northgate);
        (await otherBrowser.GetAsync($"/o/anytown/portal/contracts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var entered = await (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/observations", new { kpiId = onTime, periodStart = Day(start), value = 92m })).ReadJsonAsync();
        (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/observations/{entered.GetProperty("id").GetString()}/approve", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var performance = await (await councillor.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/performance")).ReadJsonAsync();
        var cell = performance.GetProperty("kpis")[0].GetProperty("periods")[0];
        (cell.GetProperty("value").GetDecimal(), cell.GetProperty("rag").GetString(), cell.GetProperty("rating").GetString()).ShouldBe((92m, "Amber", "approaching target"));
        (await councillor.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/payments")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await councillor.GetPathAsync("/api/v1/orgs/anytown/contracts/payments")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await councillor.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/observations", new { kpiId = onTime, periodStart = Day(start.AddMonths(1)), value = 92m })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await councillor.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/payment-terms", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await councillor.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/payments/{Day(start)}/calculations", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var browser = await app.SignInAsync("councillor@anytown.example");
        var page = await browser.GetHtmlAsync($"/o/anytown/contracts/{id}");
        page.ShouldContain("id=\"ratings\"");
        page.ShouldNotContain("/observations/import");
        (await browser.GetAsync($"/o/anytown/contracts/{id}/observations/{entered.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_values_and_terms_are_refused_with_problems_naming_the_field()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        using var provider = await app.ApiAsAsync(Brightside);
        var (id, onTime, families, start) = await ContractAsync(officer);

        var bad = await (await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/observations", new { kpiId = families, periodStart = Day(start.AddMonths(1)), value = -2m }))
            .ShouldBeProblemAsync(400);
        bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["periodStart", "value"], ignoreOrder: true);
        var file = await (await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/observations", new
        {
            kpiId = onTime,
            periodStart = Day(start),
            value = 90m,
            evidence = new[] { new { fileName = "run.exe", content = "AAAA" } },
        })).ShouldBeProblemAsync(400);
        file.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["evidence[0].fileName"]);

        var terms = await (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/payment-terms", new
        {
            effectiveFrom = Day(start),
            terms = new { frequency = "Monthly", paymentByResults = new { years = new[] { new { year = 1, budget = -1m, outcomeShare = 2m } }, outcomes = new[] { new { kpiId = onTime, rate = 10m } } } },
        })).ShouldBeProblemAsync(400);
        terms.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(
            ["terms.paymentByResults.years[0].budget", "terms.paymentByResults.years[0].outcomeShare", "terms.paymentByResults.outcomes[0].kpiId"], ignoreOrder: true);
        await (await officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/payments/{Day(start)}/calculations", UriKind.Relative), null)).ShouldBeProblemAsync(409);
        var paid = await (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/payments/{Day(start)}/paid", new { amount = 1.234m })).ShouldBeProblemAsync(400);
        paid.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["amount", "paidOn", "reference"], ignoreOrder: true);
        var returned = await (await officer.PostJsonAsync($"/api/v1/orgs/anytown/contracts/{id}/observations/{Guid.NewGuid()}/return", new { reason = "x" })).ShouldBeProblemAsync(404);
        returned.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task A_CSV_of_values_is_imported_whole_or_not_at_all_with_line_and_column_problems_and_importing_it_again_adds_nothing()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        var (id, _, _, start) = await ContractAsync(officer);
        Task<HttpResponseMessage> ImportAsync(string csv) =>
            officer.PostAsync(new Uri($"/api/v1/orgs/anytown/contracts/{id}/observations/imports?file=values.csv", UriKind.Relative), new ByteArrayContent(Encoding.UTF8.GetBytes(csv)));
        var good = $"kpi,period,value,comment\n1,{Day(start)},96,January\nFamilies turned around,{Day(start)},12,\n";
        var bad = good + $"9,{Day(start)},1,\n1,{Day(start.AddDays(3))},90,\n1,{Day(start.AddMonths(1))},many,\n";

        var refused = await (await ImportAsync(bad)).ShouldBeProblemAsync(422);
        var problems = refused.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString())).ToList();
        problems.ShouldBe([(4, "kpi"), (5, "period"), (6, "value")]);
        (await app.WithDbAsync(db => db.Set<Placeshaper.Contracts.Delivery.KpiObservation>().CountAsync(o => o.ContractId == Guid.Parse(id)))).ShouldBe(0);

        var first = await (await ImportAsync(good)).ReadJsonAsync();
        var again = await (await ImportAsync(good)).ReadJsonAsync();
        (first.GetProperty("added").GetInt32(), again.GetProperty("added").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((2, 0, 2));
        var values = (await (await officer.GetPathAsync($"/api/v1/orgs/anytown/contracts/{id}/observations")).ReadJsonAsync()).EnumerateArray().ToList();
        values.Select(v => (v.GetProperty("kpiNumber").GetInt32(), v.GetProperty("value").GetDecimal(), v.GetProperty("status").GetString(), v.GetProperty("source").GetString()))
            .ShouldBe([(1, 96m, "Submitted", "import"), (2, 12m, "Submitted", "import")], ignoreOrder: true);
    }

    [Fact]
    public async Task The_demo_flags_the_facilities_month_whose_credits_were_not_deducted_and_shows_the_working()
    {
        app.RequireDatabase();
        using var finance = await app.ApiAsAsync("finance@anytown.example");
        var periods = (await (await finance.GetPathAsync("/api/v1/orgs/anytown/contracts/payments")).ReadJsonAsync()).EnumerateArray().ToList();

        var flagged = periods.Where(p => p.GetProperty("creditNotLevied").GetBoolean()).ToList();
        flagged.Count.ShouldBeGreaterThanOrEqualTo(1);
        periods[0].GetProperty("creditNotLevied").GetBoolean().ShouldBeTrue("flags come first");
        var month = flagged.First(p => p.GetProperty("reference").GetString() == "ANYTOWN-2023-007");
        var latest = month.GetProperty("latest");
        (latest.GetProperty("credits").GetDecimal(), month.GetProperty("paid").GetDecimal() - latest.GetProperty("due").GetDecimal()).ShouldBe((2_458.64m, 2_458.64m));
        latest.GetProperty("termsVersion").GetInt32().ShouldBe(2);
        latest.GetProperty("working").EnumerateArray().Select(w => w.GetString()!).ShouldContain(w => w.StartsWith("Credits:", StringComparison.Ordinal));
        var references = periods.Select(p => p.GetProperty("reference").GetString()).Distinct().ToList();
        references.ShouldContain("ANYTOWN-2025-021", "the payment-by-results contract was calculated");
        references.ShouldContain("ANYTOWN-2025-034", "the gain-share pilot was calculated");
    }
}

public sealed class DeliveryTestsOnSqlite(SqliteApp app) : DeliveryTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DeliveryTestsOnPostgres(PostgresApp app) : DeliveryTests<PostgresApp>(app), IClassFixture<PostgresApp>;
