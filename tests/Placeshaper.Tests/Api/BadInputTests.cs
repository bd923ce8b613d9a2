using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Api;

/// <summary>
/// Client mistakes a probe of the whole OpenAPI document once answered with a 500: each is now a problem naming the
/// field, or an answer, and never a server error.
/// </summary>
public abstract class BadInputTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response) =>
        (await response.ShouldBeProblemAsync(400)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();

    /// <summary>JSON lets <c>null</c> into any list; a list of things that must be there refuses it by its place.</summary>
    [Fact]
    public async Task An_empty_item_in_a_list_is_named_by_its_place_not_failed_on()
    {
        app.RequireDatabase();
        using var anonymous = app.Anonymous();
        (await FieldsAsync(await anonymous.PostJsonAsync("/api/v1/calculators/lm3", new { round1 = 1000m, localSupplierSpend = 500m, suppliers = new object?[] { new { amount = 100m, localRespendShare = 0.5m }, null } })))
            .ShouldBe(["suppliers[1]"]);

        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        (await FieldsAsync(await commissioner.PostJsonAsync("/api/v1/orgs/anytown/programmes", new { name = "Null partner", summary = "s", partners = new string?[] { "anytown-icb", null } })))
            .ShouldBe(["partners[1]"]);

        using var administrator = await app.ApiAsAsync("administrator@anytown.example");
        (await FieldsAsync(await administrator.PutJsonAsync("/api/v1/orgs/anytown/spend/categories", new { mappings = new object?[] { null } })))
            .ShouldBe(["mappings[0]"]);

        // A list whose items may be empty by its declared type is left to its handler: the calculator's answer stands.
        (await anonymous.PostJsonAsync("/api/v1/calculators/lm3", new { round1 = 1000m, localSupplierSpend = 500m, localRespendShare = 0.5m })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_spend_summary_answers_for_the_calendars_first_and_last_days()
    {
        app.RequireDatabase();
        using var finance = await app.ApiAsAsync("finance@anytown.example");
        foreach (var (from, to) in new[] { ("2026-04-01", "9999-12-31"), ("0001-01-01", "9999-12-31"), ("9999-12-15", "9999-12-31"), ("0001-01-01", "0001-01-15") })
        {
            var response = await finance.GetPathAsync($"/api/v1/orgs/anytown/spend/summary?from={from}&to={to}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{from} to {to}: {await response.Content.ReadAsStringAsync()}");
        }

        var everything = await (await finance.GetPathAsync("/api/v1/orgs/anytown/spend/summary?from=0001-01-01&to=9999-12-31")).ReadJsonAsync();
        var sinceTheStart = await (await finance.GetPathAsync("/api/v1/orgs/anytown/spend/summary?from=2000-01-01&to=2099-12-31")).ReadJsonAsync();
        everything.GetProperty("total").GetDecimal().ShouldBe(sinceTheStart.GetProperty("total").GetDecimal());
        everything.GetProperty("shares").GetProperty("local").GetProperty("amount").GetDecimal()
            .ShouldBe(sinceTheStart.GetProperty("shares").GetProperty("local").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_change_of_term_of_the_smallest_whole_number_is_refused_by_name()
    {
        app.RequireDatabase();
        using var procurement = await app.ApiAsAsync("procurement@anytown.example");
        var created = await (await procurement.PostJsonAsync("/api/v1/orgs/anytown/contracts", new
        {
            reference = "BAD-" + Guid.NewGuid().ToString("N")[..8],
            title = "Youth outreach",
            supplierName = "Outreach Partners",
            totalValue = 100_000m,
            startDate = "2026-04-01",
            endDate = "2028-03-31",
        })).ReadJsonAsync();
        var variations = $"/api/v1/orgs/anytown/contracts/{created.GetProperty("id").GetString()}/variations";
        (await FieldsAsync(await procurement.PostJsonAsync(variations, new { valueChange = 1000m, termMonths = int.MinValue, description = "x", reason = "y" })))
            .ShouldBe(["termMonths"]);
    }

    /// <summary>Bad input once accepted and stored, now refused by name.</summary>
    [Fact]
    public async Task Placeholder_dates_undefined_kinds_overlong_names_and_a_payment_entered_twice_are_refused()
    {
        app.RequireDatabase();
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        var reference = "BAD-" + Guid.NewGuid().ToString("N")[..8];
        object Contract(string start, string end) => new { reference, title = "Youth outreach", supplierName = "Outreach Partners", totalValue = 100_000m, startDate = start, endDate = end };
        (await FieldsAsync(await commissioner.PostJsonAsync("/api/v1/orgs/anytown/contracts", Contract("0001-01-01", "9999-12-31")))).ShouldBe(["startDate", "endDate"], ignoreOrder: true);
        var created = await commissioner.PostJsonAsync("/api/v1/orgs/anytown/contracts", Contract("2026-04-01", "2028-03-31"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var payments = $"/api/v1/orgs/anytown/contracts/{(await created.ReadJsonAsync()).GetProperty("id").GetString()}/payments";

        var payment = new { amount = 1000m, paidOn = "2026-05-15", reference = "REM-7" };
        (await commissioner.PostJsonAsync($"{payments}/2026-04-01/paid", payment)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await FieldsAsync(await commissioner.PostJsonAsync($"{payments}/2026-04-01/paid", payment with { reference = "rem-7" }))).ShouldBe(["reference"]);
        (await commissioner.PostJsonAsync($"{payments}/2026-05-01/paid", payment)).StatusCode.ShouldBe(HttpStatusCode.Created, "another period's reference is its own");
        (await FieldsAsync(await commissioner.PostJsonAsync($"{payments}/9999-12-01/paid", payment with { reference = "REM-8" }))).ShouldBe(["periodStart"]);

        var budgetId = await app.WithDbAsync(db => db.PooledBudgets.IgnoreQueryFilters().Where(b => b.OrganisationId == db.Organisations.IgnoreQueryFilters().Single(o => o.Slug == "anytown").Id).Select(b => b.Id).FirstAsync());
        using var finance = await app.ApiAsAsync("finance@anytown.example");
        (await FieldsAsync(await finance.PostJsonAsync($"/api/v1/orgs/anytown/budgets/{budgetId}/lines", new { kind = 999, occurredOn = "2026-05-01", description = "x", amount = 1000m })))
            .ShouldBe(["kind"]);

        using var administrator = await app.ApiAsAsync("administrator@anytown.example");
        (await FieldsAsync(await administrator.PostJsonAsync("/api/v1/orgs/anytown/members", new { email = $"long.{Guid.NewGuid():N}@anytown.example", displayName = new string('x', 201), roles = new[] { "Evaluator" } })))
            .ShouldBe(["displayName"]);
    }

    [Fact]
    public async Task A_spend_upload_whose_multipart_body_is_broken_is_refused()
    {
        app.RequireDatabase();
        using var finance = await app.ApiAsAsync("finance@anytown.example");
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--nope\r\nxx"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=----probe");
        (await FieldsAsync(await finance.PostAsync(new Uri("/api/v1/orgs/anytown/spend/imports", UriKind.Relative), content))).ShouldBe(["file"]);
    }
}

public sealed class BadInputTestsOnSqlite(SqliteApp app) : BadInputTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BadInputTestsOnPostgres(PostgresApp app) : BadInputTests<PostgresApp>(app), IClassFixture<PostgresApp>;
