using System.Globalization;
using System.Net;
using System.Text;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Contracts;

/// <summary>A KPI value's evidence files download for the contract's organisation and for the provider that sent them, and for nobody else.</summary>
public abstract class KpiEvidenceTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task Evidence_downloads_for_the_owner_organisation_and_the_submitting_provider_only()
    {
        app.RequireDatabase();
        using var officer = await app.ApiAsAsync("commissioner@anytown.example");
        using var provider = await app.ApiAsAsync("hello@brightside.example");
        var providers = await (await officer.GetPathAsync("/api/v1/orgs/anytown/providers?pageSize=100")).ReadJsonAsync();
        var brightside = providers.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Brightside Family Support").GetProperty("id").GetString();
        var start = new DateOnly(DateTime.UtcNow.Year - 1, 1, 1);
        var contract = await (await officer.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "EVD-" + Guid.NewGuid().ToString("N")[..8],
            title = "Family support",
            providerId = brightside,
            totalValue = 100_000m,
            startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = start.AddYears(2).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            kpis = new[] { new { definition = "Families seen on time", unit = "%", polarity = "HigherIsBetter", target = 95m, minimum = 90m, frequency = "Monthly", dataSource = "Case records" } },
        })).ReadJsonAsync();
        var id = contract.GetProperty("id").GetString();
        var sent = await (await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/contracts/{id}/observations", new
        {
            kpiId = contract.GetProperty("kpis")[0].GetProperty("id").GetString(),
            periodStart = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            value = 96m,
            evidence = new[] { new { fileName = "visits.csv", content = Convert.ToBase64String(Encoding.UTF8.GetBytes("visit,on_time\n1,yes\n")) } },
        })).ReadJsonAsync();
        var observation = sent.GetProperty("id").GetString();
        var evidence = sent.GetProperty("evidence")[0].GetProperty("id").GetString();
        var portal = $"/o/anytown/portal/contracts/{id}?handler=Evidence&observationId={observation}&evidenceId={evidence}";
        var officers = $"/o/anytown/contracts/{id}/observations/{observation}?handler=Evidence&evidenceId={evidence}";

        using var mine = await app.SignInAsync("hello@brightside.example");
        using var other = await app.SignInAsync("bids@northgate-facilities.example");
        using var council = await app.SignInAsync("commissioner@anytown.example");
        using var police = await app.SignInAsync("administrator@anytown-police.example");

        (await (await mine.GetAsync(portal)).Content.ReadAsStringAsync()).ShouldBe("visit,on_time\n1,yes\n");
        (await council.GetAsync(officers)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await council.GetHtmlAsync($"/o/anytown/contracts/{id}/observations/{observation}")).ShouldContain("handler=Evidence");
        (await other.GetAsync(portal)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another provider's contract is not found");
        (await mine.GetAsync($"/o/anytown/portal/contracts/{id}?handler=Evidence&observationId={observation}&evidenceId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await police.GetAsync(officers)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another organisation's contract is not found");
        (await police.GetAsync(officers.Replace("/o/anytown/", "/o/anytown-police/", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class KpiEvidenceTestsOnSqlite(SqliteApp app) : KpiEvidenceTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class KpiEvidenceTestsOnPostgres(PostgresApp app) : KpiEvidenceTests<PostgresApp>(app), IClassFixture<PostgresApp>;
