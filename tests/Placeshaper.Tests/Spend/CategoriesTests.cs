using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Spend;

/// <summary>Spend categories (page and API), shares from classified suppliers, public bodies, concurrent resolution, and the import page without JavaScript.</summary>
public abstract class CategoriesTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Finance = "finance@anytown.example";

    /// <summary>A spend file of payments (date, amount, supplier, expense type), each with a transaction number unique to the test.</summary>
    private static byte[] File(string prefix, params (string Date, string Amount, string Supplier, string ExpenseType)[] rows)
    {
        var text = new StringBuilder("Body,Date,Transaction Number,Amount,Supplier Name,Expense Area,Expense Type\r\n");
        var n = 0;
        foreach (var (date, amount, supplier, type) in rows)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"18,{date},{prefix}-{++n},\"{amount}\",{supplier},Environment,{type}\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task UploadAsync(HttpClient api, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", "categories.csv");
        var response = await api.PostAsync(new Uri("/api/v1/orgs/anytown/spend/imports", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static int Tokens(string html) => System.Text.RegularExpressions.Regex.Count(html, "name=\"__RequestVerificationToken\"");

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task Expense_types_are_mapped_to_CPV_codes_by_API_page_and_file_and_analytics_show_spend_by_category()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var year = 1991 + Random.Shared.Next(5);
        var cleaning = Unique("Cleaning ");
        var waste = Unique("Waste ");
        var paper = Unique("Paper ");
        var (cleaningKey, wasteKey, paperKey) = (cleaning.ToUpperInvariant(), waste.ToUpperInvariant(), paper.ToUpperInvariant());
        await UploadAsync(api, File(Unique("C"), ($"01/05/{year}", "100.00", "Acme Ltd", cleaning), ($"02/05/{year}", "50.25", "Acme Ltd", "  " + cleaning.ToLowerInvariant()),
            ($"03/05/{year}", "30.00", "Acme Ltd", waste), ($"04/05/{year}", "7.00", "Acme Ltd", paper)));

        var listed = (await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/categories")).ReadJsonAsync()).EnumerateArray().ToList();
        var row = listed.Single(r => r.GetProperty("expenseKey").GetString() == cleaningKey);
        (row.GetProperty("total").GetDecimal(), row.GetProperty("payments").GetInt64(), row.GetProperty("mapped").GetBoolean()).ShouldBe((150.25m, 2L, false), "two spellings of one expense type");
        var firstMapped = listed.FindIndex(r => r.GetProperty("mapped").GetBoolean());
        firstMapped.ShouldBeGreaterThan(listed.FindIndex(r => r.GetProperty("expenseKey").GetString() == cleaningKey), "unmapped first");
        listed.Skip(firstMapped).ShouldAllBe(r => r.GetProperty("mapped").GetBoolean());

        // The API: a code not in the list is a field error, and nothing of the request is saved.
        var refused = await (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/categories", new { mappings = new object[] { new { expenseType = waste, cpvCode = "90511000" }, new { expenseType = cleaning, cpvCode = "90911209" } } }))
            .ShouldBeProblemAsync(400);
        refused.GetProperty("errors").GetProperty("mappings[1].cpvCode")[0].GetString()!.ShouldContain("not a CPV 2008 code");
        (await app.WithDbAsync(db => db.SpendCategories.IgnoreQueryFilters().CountAsync(c => c.ExpenseKey == wasteKey))).ShouldBe(0);
        var saved = await (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/categories", new { mappings = new object[] { new { expenseType = cleaning, cpvCode = "90911200", proClassCode = "CL", proClassLabel = "Cleaning" } } })).ReadJsonAsync();
        saved.GetProperty("added").GetInt32().ShouldBe(1);
        using (var councillor = await app.ApiAsAsync("councillor@anytown.example"))
        {
            await (await councillor.PutJsonAsync("/api/v1/orgs/anytown/spend/categories", new { mappings = new object[] { new { expenseType = paper, cpvCode = "30192700" } } })).ShouldBeProblemAsync(403);
        }

        // The page: a bad code is shown beside its field; a good one saves and shows on the list.
        using var browser = await app.SignInAsync(Finance);
        var page = await browser.GetHtmlAsync("/o/anytown/spend/categories");
        page.ShouldContain(waste);
        var tokens = Tokens(await browser.GetHtmlAsync("/o/anytown/spend"));
        (Tokens(page) - tokens).ShouldBe(2, "each of the page's two forms carries its antiforgery token");
        var bad = await (await browser.PostFormAsync("/o/anytown/spend/categories", "/o/anytown/spend/categories?handler=Map", new() { ["ExpenseType"] = waste, ["CpvCode"] = "1234" })).Content.ReadAsStringAsync();
        bad.ShouldContain("id=\"cpvCode-error\"");
        bad.ShouldContain("is not a CPV 2008 code");
        var good = await browser.PostFormAsync("/o/anytown/spend/categories", "/o/anytown/spend/categories?handler=Map", new() { ["ExpenseType"] = waste, ["CpvCode"] = "90511000-2" });
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetHtmlAsync(good.Headers.Location!.OriginalString)).ShouldContain("90511000-2 Refuse collection services");

        // A mapping file through the page: a bad line refuses it whole, naming line and column; a good one maps.
        var badFile = Encoding.UTF8.GetBytes($"expense_type,cpv_code,proclass_code,proclass_label\r\n{paper},30192700,,\r\n{paper}x,3019,,\r\n");
        var refusedFile = await (await browser.PostFileAsync("/o/anytown/spend/categories", "/o/anytown/spend/categories?handler=Import", "map.csv", badFile)).Content.ReadAsStringAsync();
        refusedFile.ShouldContain("map.csv was refused");
        refusedFile.ShouldContain("<td class=\"govuk-table__cell\">3</td><td class=\"govuk-table__cell\">cpv_code</td>");
        (await app.WithDbAsync(db => db.SpendCategories.IgnoreQueryFilters().CountAsync(c => c.ExpenseKey == paperKey))).ShouldBe(0);
        var goodFile = Encoding.UTF8.GetBytes($"expense_type,cpv_code,proclass_code,proclass_label\r\n{paper},30192700,,\r\n");
        (await (await browser.PostFileAsync("/o/anytown/spend/categories", "/o/anytown/spend/categories?handler=Import", "map.csv", goodFile)).Content.ReadAsStringAsync()).ShouldContain("map.csv: 1 added");

        // The API's file import, and the analytics by category with the mapping applied now.
        var imported = await api.PostAsync(new Uri("/api/v1/orgs/anytown/spend/categories/imports?file=map.csv", UriKind.Relative),
            new ByteArrayContent(Encoding.UTF8.GetBytes($"expense_type,cpv_code\r\n{paper},30192700-8\r\n")));
        (await imported.ReadJsonAsync()).GetProperty("unchanged").GetInt32().ShouldBe(1);
        var codes = (await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/analytics/cpv-codes?from={year}-05-01&to={year}-05-31")).ReadJsonAsync()).EnumerateArray()
            .Select(c => (c.GetProperty("code").GetString(), c.GetProperty("amount").GetDecimal(), c.GetProperty("payments").GetInt64())).ToList();
        codes.ShouldBe([("90911200-8", 150.25m, 2L), ("90511000-2", 30m, 1L), ("30192700-8", 7m, 1L)]);
        var divisions = (await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/analytics/cpv-divisions?from={year}-05-01&to={year}-05-31")).ReadJsonAsync()).EnumerateArray()
            .Select(c => (c.GetProperty("code").GetString(), c.GetProperty("amount").GetDecimal())).ToList();
        divisions.ShouldBe([("90000000-7", 180.25m), ("30000000-9", 7m)]);
        var proClass = (await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/analytics/proclass?from={year}-05-01&to={year}-05-31")).ReadJsonAsync()).EnumerateArray()
            .Select(c => (c.GetProperty("code").GetString(), c.GetProperty("name").GetString(), c.GetProperty("amount").GetDecimal())).ToList();
        proClass.ShouldBe([("CL", "Cleaning", 150.25m), (null, "Not mapped", 37m)]);

        // Removing a mapping: no codes at all.
        (await (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/categories", new { mappings = new object[] { new { expenseType = paper } } })).ReadJsonAsync()).GetProperty("removed").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Summary_shares_come_from_the_resolved_and_classified_suppliers_public_bodies_apart()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("administrator@anytown.example");
        var name = Unique("Greenleaf Charitable Services ");
        var created = await api.PostJsonAsync("/api/v1/orgs/anytown/providers", new { name, legalForm = "Charity", isVcse = true, staff = 12, turnover = 400_000 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var providerId = (await created.ReadJsonAsync()).GetProperty("provider").GetProperty("id").GetString();

        // A similar name (never matched on its own) until an officer accepts it; the Cabinet Office, a public body by the register.
        var year = 1996 + Random.Shared.Next(5);
        var similar = name.ToUpperInvariant().Replace("SERVICES", "SERVICE", StringComparison.Ordinal);
        await UploadAsync(api, File(Unique("H"), ($"10/05/{year}", "300.00", similar, "Grants"), ($"20/05/{year}", "100.00", "CABINET OFFICE", "Recharges"), ($"21/05/{year}", "100.00", "Someone Else Ltd", "Grants")));
        async Task<JsonElement> SharesAsync() =>
            (await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/summary?from={year}-05-01&to={year}-05-31")).ReadJsonAsync()).GetProperty("shares");

        var before = await SharesAsync();
        before.GetProperty("vcse").GetProperty("amount").GetDecimal().ShouldBe(0m, "a similar name is not counted before an officer decides");
        (before.GetProperty("publicSector").GetProperty("amount").GetDecimal(), before.GetProperty("publicSector").GetProperty("percent").GetDecimal()).ShouldBe((100m, 20m));
        before.GetProperty("sme").GetProperty("amount").GetDecimal().ShouldBe(0m);

        var key = (await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/suppliers?status=ToReview")).ReadJsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == similar).GetProperty("supplierKey").GetString();
        (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/decisions", new { supplierKey = key, decision = "accept", providerId })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await SharesAsync();
        (after.GetProperty("vcse").GetProperty("amount").GetDecimal(), after.GetProperty("vcse").GetProperty("percent").GetDecimal()).ShouldBe((300m, 60m));
        after.GetProperty("sme").GetProperty("amount").GetDecimal().ShouldBe(300m, "12 staff and £400,000 turnover");
        after.GetProperty("publicSector").GetProperty("amount").GetDecimal().ShouldBe(100m);
        var part = (await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/summary?from={year}-05-15&to={year}-06-10")).ReadJsonAsync()).GetProperty("shares");
        (part.GetProperty("vcse").GetProperty("amount").GetDecimal(), part.GetProperty("publicSector").GetProperty("amount").GetDecimal()).ShouldBe((0m, 100m), "part months from the day totals");

        var analytics = (await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/analytics/shares?from={year}-05-01&to={year}-05-31")).ReadJsonAsync())[0];
        (analytics.GetProperty("vcse").GetDecimal(), analytics.GetProperty("publicSector").GetDecimal()).ShouldBe((300m, 100m), "analytics count as the summary does");
    }

    [Fact]
    public async Task Resolution_runs_and_decisions_at_the_same_time_neither_duplicate_suppliers_nor_lose_a_decision()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var year = 2001 + Random.Shared.Next(5);
        var first = Unique("Concurrent Widgets ");
        var second = Unique("Parallel Gadgets ");
        await UploadAsync(api, File(Unique("R"), ($"10/05/{year}", "10.00", first, "Goods"), ($"11/05/{year}", "20.00", second, "Goods")));
        var suppliers = (await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/suppliers")).ReadJsonAsync()).EnumerateArray().ToList();
        var firstKey = suppliers.Single(s => s.GetProperty("name").GetString() == first).GetProperty("supplierKey").GetString();
        var secondKey = suppliers.Single(s => s.GetProperty("name").GetString() == second).GetProperty("supplierKey").GetString();
        var organisation = await app.OrganisationIdAsync("anytown");
        var held = await app.WithDbAsync(db => db.SpendSuppliers.IgnoreQueryFilters().CountAsync(s => s.OrganisationId == organisation));

        var responses = await Task.WhenAll(
            api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/resolve", new { }),
            api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/decisions", new { supplierKey = firstKey, decision = "new" }),
            api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/resolve", new { }),
            api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/decisions", new { supplierKey = secondKey, decision = "new" }),
            api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/decisions", new { supplierKey = secondKey, decision = "new" }),
            api.PostJsonAsync("/api/v1/orgs/anytown/spend/suppliers/resolve", new { }));
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        (await app.WithDbAsync(db => db.SpendSuppliers.IgnoreQueryFilters().CountAsync(s => s.OrganisationId == organisation))).ShouldBe(held, "no supplier held twice");
        var decided = await app.WithDbAsync(db => db.SupplierDecisions.IgnoreQueryFilters().Where(d => d.SupplierKey == firstKey || d.SupplierKey == secondKey).Select(d => d.SupplierKey).ToListAsync());
        decided.ShouldBe([firstKey, secondKey], ignoreOrder: true);
        var statuses = (await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/suppliers?status=NewSupplier")).ReadJsonAsync()).EnumerateArray().Select(s => s.GetProperty("supplierKey").GetString()).ToList();
        statuses.ShouldContain(firstKey);
        statuses.ShouldContain(secondKey);
    }

    [Fact]
    public async Task The_import_page_works_without_JavaScript_and_refuses_an_upload_over_the_configured_size_with_413()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync(Finance);
        var form = await browser.GetHtmlAsync("/o/anytown/spend/import");
        form.ShouldContain("data-upload-progress=\"upload-progress\"");
        form.ShouldContain("<progress id=\"upload-progress-bar\"");
        form.ShouldContain("/js/upload-progress.js");
        (Tokens(form) - Tokens(await browser.GetHtmlAsync("/o/anytown/spend"))).ShouldBe(1, "the form carries its antiforgery token");
        form.ShouldContain($"data-max-bytes=\"{512L * 1024 * 1024}\"");

        var prefix = Unique("U");
        var content = File(prefix, [.. Enumerable.Range(1, 40).Select(i => ($"{i % 28 + 1:00}/07/2006", "12.34", "Acme Ltd", "Goods"))]);
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        configuration["Spend:MaxUploadBytes"] = "1000";
        try
        {
            (await browser.GetHtmlAsync("/o/anytown/spend/import")).ShouldContain("data-max-bytes=\"1000\"");
            using var refused = await browser.PostFileAsync("/o/anytown/spend/import", "/o/anytown/spend/import", "big.csv", content);
            refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("big.csv is larger than 0 MB: use the command line");
        }
        finally
        {
            configuration["Spend:MaxUploadBytes"] = null;
        }

        (await app.WithDbAsync(db => db.SpendTransactions.IgnoreQueryFilters().CountAsync(t => t.TransactionNumber!.StartsWith(prefix)))).ShouldBe(0);
        using var imported = await browser.PostFileAsync("/o/anytown/spend/import", "/o/anytown/spend/import", "small.csv", content);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await imported.Content.ReadAsStringAsync()).ShouldContain("govuk-notification-banner--success");
        (await app.WithDbAsync(db => db.SpendTransactions.IgnoreQueryFilters().CountAsync(t => t.TransactionNumber!.StartsWith(prefix)))).ShouldBe(40);
    }
}

public sealed class CategoriesTestsOnSqlite(SqliteApp app) : CategoriesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class CategoriesTestsOnPostgres(PostgresApp app) : CategoriesTests<PostgresApp>(app), IClassFixture<PostgresApp>;
