using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Contracts;

/// <summary>Contract performance notices through the HTTP pipeline.</summary>
public abstract class PerformanceNoticesTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task A_contract_over_five_million_gets_a_notice_rating_every_kpi_and_the_next_one_falls_due_twelve_months_on()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var start = new DateOnly(DateTime.UtcNow.Year - 1, 1, 1);
        var created = await officer.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "CPN-" + Guid.NewGuid().ToString("N")[..8],
            title = "Highways maintenance",
            supplierName = "Anytown Highways Ltd",
            totalValue = 6_000_000m,
            startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = start.AddYears(5).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            kpis = new object[]
            {
                new { definition = "Potholes repaired in 7 days", unit = "%", polarity = "HigherIsBetter", target = 95m, minimum = 85m, frequency = "Monthly", dataSource = "Works orders" },
                new { definition = "Street lights fixed in 5 days", unit = "%", polarity = "HigherIsBetter", target = 90m, minimum = 80m, frequency = "Monthly", dataSource = "Works orders" },
                new { definition = "Complaints upheld", unit = "complaints", polarity = "LowerIsBetter", target = 2m, minimum = 6m, frequency = "Monthly", dataSource = "Complaints log" },
            },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var contract = await created.ReadJsonAsync();
        var id = contract.GetProperty("id").GetString();
        var kpis = contract.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("id").GetString()).ToList();
        var notices = $"/api/v1/orgs/anytown/contracts/{id}/performance-notices";

        var before = await (await councillor.GetPathAsync(notices)).ReadJsonAsync();
        (before.GetProperty("required").GetBoolean(), before.GetProperty("nextDue").GetString(), before.GetProperty("overdue").GetBoolean())
            .ShouldBe((true, start.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), true));

        var period = new { periodStart = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), periodEnd = start.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        (await councillor.PostJsonAsync(notices, new { period.periodStart, period.periodEnd, ratings = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var refused = await (await officer.PostJsonAsync(notices, new { period.periodStart, period.periodEnd, ratings = new[] { new { kpiId = kpis[0], rating = "good" } } })).ShouldBeProblemAsync(400);
        refused.GetProperty("errors").EnumerateObject().Count().ShouldBe(2, "KPIs 2 and 3 are not rated");
        var published = await officer.PostJsonAsync(notices, new
        {
            period.periodStart,
            period.periodEnd,
            ratings = new object[]
            {
                new { kpiId = kpis[0], rating = "good" },
                new { kpiId = kpis[1], rating = "requires improvement" },
                new { kpiId = kpis[2], rating = "other", comment = "The complaints log was lost in a system move in June" },
            },
        });
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());

        var after = await (await councillor.GetPathAsync(notices)).ReadJsonAsync();
        (after.GetProperty("nextDue").GetString(), after.GetProperty("notices").GetArrayLength()).ShouldBe((start.AddYears(2).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 1));
        after.GetProperty("notices")[0].GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("rating").GetString()).ShouldBe(["good", "requires improvement", "other"]);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "contract-performance-notice-published" && e.EntityId == id))).ShouldBe(1);

        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var page = await browser.GetHtmlAsync($"/o/anytown/contracts/{id}/performance-notices");
        page.ShouldContain("The complaints log was lost in a system move in June");
        (await browser.GetHtmlAsync($"/o/anytown/contracts/{id}")).ShouldContain("id=\"performance-notices\"");
    }
}

public sealed class PerformanceNoticesTestsOnSqlite(SqliteApp app) : PerformanceNoticesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PerformanceNoticesTestsOnPostgres(PostgresApp app) : PerformanceNoticesTests<PostgresApp>(app), IClassFixture<PostgresApp>;
