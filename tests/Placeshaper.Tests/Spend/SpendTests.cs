using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Placeshaper.Providers;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Spend;

public abstract class SpendTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Finance = "finance@anytown.example";

    /// <summary>A spend file of the given payments (date, amount, supplier), each with a transaction number unique to the test.</summary>
    private static byte[] File(string prefix, params (string Date, string Amount, string Supplier)[] rows)
    {
        var text = new StringBuilder("Body,Date,Transaction Number,Amount,Supplier Name,Expense Area\r\n");
        var n = 0;
        foreach (var (date, amount, supplier) in rows)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"18,{date},{prefix}-{++n},\"{amount}\",{supplier},People Services\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string name, byte[] content, string query = "")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        return await api.PostAsync(new Uri($"/api/v1/orgs/anytown/spend/imports{query}", UriKind.Relative), form);
    }

    private static async Task<JsonElement> SummaryAsync(HttpClient api, int year) =>
        await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/summary?from={year}-04-01&to={year + 1}-03-31")).ReadJsonAsync();

    private Task<int> HeldAsync(string prefix) =>
        app.WithDbAsync(db => db.SpendTransactions.IgnoreQueryFilters().CountAsync(t => t.TransactionNumber!.StartsWith(prefix)));

    [Fact]
    public async Task A_file_imports_once_an_overlapping_one_adds_only_its_new_payments_and_the_summary_is_exact_to_the_penny()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var prefix = "T" + Guid.NewGuid().ToString("N")[..8];
        var april = File(prefix, ("03/04/2031", "1,000.005", "Acme Ltd"), ("30/04/2031", "0.01", "REDACTED UNDER DP ACT"), ("01/05/2031", "250.50-", "Acme Ltd"));

        var first = await UploadAsync(api, "april.csv", april);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var report = await first.ReadJsonAsync();
        (report.GetProperty("read").GetInt32(), report.GetProperty("imported").GetInt32(), report.GetProperty("duplicates").GetInt32()).ShouldBe((3, 3, 0));

        var again = await (await UploadAsync(api, "april.csv", april)).ReadJsonAsync();
        (again.GetProperty("imported").GetInt32(), again.GetProperty("duplicates").GetInt32()).ShouldBe((0, 3));

        // April and May again, with one more payment in May: only that one is new.
        var overlapping = File(prefix, ("03/04/2031", "1,000.005", "Acme Ltd"), ("30/04/2031", "0.01", "REDACTED UNDER DP ACT"), ("01/05/2031", "250.50-", "Acme Ltd"), ("02/05/2031", "£99.99", "Beta Ltd"));
        var third = await (await UploadAsync(api, "april-may.csv", overlapping)).ReadJsonAsync();
        (third.GetProperty("imported").GetInt32(), third.GetProperty("duplicates").GetInt32()).ShouldBe((1, 3));
        (await HeldAsync(prefix)).ShouldBe(4);

        var summary = await SummaryAsync(api, 2031);
        summary.GetProperty("total").GetDecimal().ShouldBe(849.51m, "1000.005 + 0.01 − 250.50 + 99.99 = 849.505, summed exactly, then rounded half away from zero");
        summary.GetProperty("transactionCount").GetInt64().ShouldBe(4);
        var months = summary.GetProperty("byMonth").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("total").GetDecimal(), m.GetProperty("transactionCount").GetInt64())).ToList();
        months.ShouldBe([("2031-04", 1000.02m, 2L), ("2031-05", -150.51m, 2L)]);

        // A part month is summed from the payments themselves.
        var part = await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/summary?from=2031-04-15&to=2031-05-01")).ReadJsonAsync();
        (part.GetProperty("total").GetDecimal(), part.GetProperty("transactionCount").GetInt64()).ShouldBe((-250.49m, 2L));

        var imports = await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/imports")).ReadJsonAsync();
        var listed = imports.EnumerateArray().First(i => i.GetProperty("fileName").GetString() == "april-may.csv");
        var id = listed.GetProperty("id").GetString();
        (await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/imports/{id}")).ReadJsonAsync()).GetProperty("imported").GetInt32().ShouldBe(1);
        (await app.WithDbAsync(db => db.SpendTransactions.IgnoreQueryFilters().Where(t => t.TransactionNumber == prefix + "-2").Select(t => new { t.Redacted, t.SupplierName }).SingleAsync()))
            .ShouldBe(new { Redacted = true, SupplierName = (string?)null });
    }

    [Fact]
    public async Task A_large_file_of_repeated_lines_is_a_payment_a_line_and_imported_again_adds_nothing()
    {
        // 30 batches of 1,000 lines, each line three times over, so repeats fall within and across batches. (Which
        // thread hashes a batch depends on timing; SpendReaderTests checks that both ways give the same identities.)
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var prefix = "L" + Guid.NewGuid().ToString("N")[..8];
        var text = new StringBuilder("Body,Date,Transaction Number,Amount,Supplier Name,Expense Area\r\n");
        for (var i = 0; i < 30_000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"18,{1 + (i / 3 % 28):00}/07/2042,{prefix}-{i / 3},{i / 3 % 997}.50,Supplier {i / 3 % 13} Ltd,People Services\r\n");
        }

        var content = Encoding.UTF8.GetBytes(text.ToString());
        var first = await (await UploadAsync(api, "july.csv", content)).ReadJsonAsync();
        (first.GetProperty("imported").GetInt32(), first.GetProperty("duplicates").GetInt32()).ShouldBe((30_000, 0), "a line repeated in one file is a payment each time");
        var again = await (await UploadAsync(api, "july.csv", content)).ReadJsonAsync();
        (again.GetProperty("imported").GetInt32(), again.GetProperty("duplicates").GetInt32()).ShouldBe((0, 30_000));
        (await HeldAsync(prefix)).ShouldBe(30_000);
    }

    [Fact]
    public async Task The_same_file_imported_twice_at_once_is_held_once()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var prefix = "C" + Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(1, 300).Select(i => ($"{1 + (i % 28):00}/06/2041", $"{i}.25", $"Supplier {i % 7} Ltd")).ToArray();
        var content = File(prefix, rows);

        var responses = await Task.WhenAll(UploadAsync(api, "june.csv", content), UploadAsync(api, "june-copy.csv", content));

        var reports = new List<JsonElement>();
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            reports.Add(await response.ReadJsonAsync());
        }

        reports.Select(r => (r.GetProperty("imported").GetInt32(), r.GetProperty("duplicates").GetInt32())).OrderBy(r => r.Item1).ShouldBe([(0, 300), (300, 0)]);
        (await HeldAsync(prefix)).ShouldBe(300);
    }

    [Fact]
    public async Task A_refused_file_stores_nothing_and_the_problem_names_the_file_line_and_column()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var prefix = "R" + Guid.NewGuid().ToString("N")[..8];
        var content = File(prefix, ("01/06/2032", "10.00", "Acme Ltd"), ("02/06/2032", "20.00", "Acme Ltd"), ("03/06/2032", "ten", "Acme Ltd"));

        var response = await UploadAsync(api, "bad.csv", content);

        var problem = await response.ShouldBeProblemAsync(422);
        var first = problem.GetProperty("problems")[0];
        (first.GetProperty("file").GetString(), first.GetProperty("line").GetInt32(), first.GetProperty("column").GetString()).ShouldBe(("bad.csv", 4, "Amount"));
        first.GetProperty("reason").GetString()!.ShouldContain("'ten' is not an amount");
        (await HeldAsync(prefix)).ShouldBe(0);
        (await app.WithDbAsync(db => db.SpendImports.IgnoreQueryFilters().CountAsync(i => i.FileName == "bad.csv"))).ShouldBe(0);
    }

    [Fact]
    public async Task An_upload_over_the_configured_size_gets_413_and_a_raw_body_imports_too()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var prefix = "L" + Guid.NewGuid().ToString("N")[..8];
        var content = File(prefix, [.. Enumerable.Range(1, 40).Select(i => ((i % 28 + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "/07/2033", "12.34", "Acme Ltd"))]);
        configuration["Spend:MaxUploadBytes"] = "1000";
        try
        {
            await (await UploadAsync(api, "big.csv", content)).ShouldBeProblemAsync(413);
        }
        finally
        {
            configuration["Spend:MaxUploadBytes"] = null;
        }

        (await HeldAsync(prefix)).ShouldBe(0);
        var raw = await api.PostAsync(new Uri("/api/v1/orgs/anytown/spend/imports?file=raw.csv", UriKind.Relative), new ByteArrayContent(content));
        raw.StatusCode.ShouldBe(HttpStatusCode.OK, await raw.Content.ReadAsStringAsync());
        (await HeldAsync(prefix)).ShouldBe(40);
    }

    [Fact]
    public async Task Finance_officers_import_councillors_read_and_nobody_else_imports()
    {
        app.RequireDatabase();
        using var councillor = await app.ApiAsAsync("councillor@anytown.example");
        var content = File("C" + Guid.NewGuid().ToString("N")[..8], ("01/01/2034", "1", "Acme Ltd"));

        (await UploadAsync(councillor, "c.csv", content)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        (await UploadAsync(commissioner, "c.csv", content)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await councillor.GetPathAsync("/api/v1/orgs/anytown/spend/summary?from=2034-01-01&to=2034-01-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await councillor.GetPathAsync("/api/v1/orgs/anytown/spend/summary?from=2034-01-31&to=2034-01-01")).ShouldBeProblemAsync(400);
        await (await councillor.GetPathAsync("/api/v1/orgs/anytown/spend/summary?from=January")).ShouldBeProblemAsync(400);
        using var administrator = await app.ApiAsAsync("administrator@anytown.example");
        (await UploadAsync(administrator, "c.csv", content)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Shares_count_spend_with_providers_matched_exactly_by_company_number_or_normalised_name()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var name = "Spendwell Trust " + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Slug == "anytown");
            var details = new ProviderDetails(name, LegalForm.Charity, IsVcse: true, Staff: 12, Turnover: 500_000m).Check();
            details.Succeeded.ShouldBeTrue(details.Errors?.ToString());
            db.Providers.Add(Provider.Register(organisation.Id, details.Value!, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var prefix = "S" + Guid.NewGuid().ToString("N")[..8];
        var content = File(prefix, ("01/02/2036", "300.00", "THE " + name.ToUpperInvariant() + " LIMITED"), ("02/02/2036", "100.00", "Someone Else Ltd"));

        (await UploadAsync(api, "shares.csv", content)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var shares = (await SummaryAsync(api, 2035)).GetProperty("shares");
        (shares.GetProperty("vcse").GetProperty("amount").GetDecimal(), shares.GetProperty("vcse").GetProperty("percent").GetDecimal()).ShouldBe((300m, 75m));
        (shares.GetProperty("sme").GetProperty("amount").GetDecimal(), shares.GetProperty("local").GetProperty("amount").GetDecimal()).ShouldBe((300m, 0m));
    }

    [Fact]
    public async Task Day_totals_kept_at_import_agree_with_the_payments_and_answer_part_months_shares_included_and_a_refused_file_adds_none()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var name = "Daywell Trust " + Guid.NewGuid().ToString("N")[..6];
        var organisationId = await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Slug == "anytown");
            db.Providers.Add(Provider.Register(organisation.Id, new ProviderDetails(name, LegalForm.Charity, IsVcse: true).Check().Value!, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return organisation.Id;
        });

        // A year of its own, so that what other tests and earlier runs imported does not count here.
        var year = 2040 + Random.Shared.Next(60);
        var supplier = "THE " + name.ToUpperInvariant() + " LIMITED";
        var prefix = "D" + Guid.NewGuid().ToString("N")[..8];
        var content = File(prefix, ($"10/05/{year}", "100.00", supplier), ($"20/05/{year}", "50.00", "Someone Else Ltd"), ($"21/05/{year}", "25.00", supplier), ($"01/06/{year}", "7.00", supplier));
        (await UploadAsync(api, "days.csv", content)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var days = await app.WithDbAsync(db => db.SpendDays.IgnoreQueryFilters()
            .Where(d => d.OrganisationId == organisationId && d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31))
            .OrderBy(d => d.Date).Select(d => new { d.Date, d.Total, d.Transactions }).ToListAsync());
        days.Select(d => (d.Date.Day, d.Total, d.Transactions)).ShouldBe([(10, 100m, 1), (20, 50m, 1), (21, 25m, 1), (1, 7m, 1)]);
        (await app.WithDbAsync(db => db.SpendSupplierDays.IgnoreQueryFilters()
            .CountAsync(d => d.OrganisationId == organisationId && d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31)))).ShouldBe(4);
        (await app.WithDbAsync(db => db.SpendDayCategories.IgnoreQueryFilters()
            .Where(d => d.OrganisationId == organisationId && d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31))
            .OrderBy(d => d.Date).Select(d => new { d.Date, d.ServiceArea, d.ExpenseType, d.Total, d.Transactions }).ToListAsync()))
            .Select(d => (d.Date.Day, d.ServiceArea, d.ExpenseType, d.Total, d.Transactions))
            .ShouldBe([(10, "People Services", "", 100m, 1), (20, "People Services", "", 50m, 1), (21, "People Services", "", 25m, 1), (1, "People Services", "", 7m, 1)]);

        // 15 May to 30 June: part of May (the 20th and 21st) from the day totals, and all of June.
        var summary = await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/summary?from={year}-05-15&to={year}-06-30")).ReadJsonAsync();
        (summary.GetProperty("total").GetDecimal(), summary.GetProperty("transactionCount").GetInt64()).ShouldBe((82m, 3L));
        summary.GetProperty("byMonth").EnumerateArray().Select(m => (m.GetProperty("month").GetString(), m.GetProperty("total").GetDecimal(), m.GetProperty("transactionCount").GetInt64()))
            .ShouldBe([($"{year}-05", 75m, 2L), ($"{year}-06", 7m, 1L)]);
        var vcse = summary.GetProperty("shares").GetProperty("vcse");
        (vcse.GetProperty("amount").GetDecimal(), vcse.GetProperty("percent").GetDecimal()).ShouldBe((32m, 39.02m), "25 + 7 of 82");

        var refused = await UploadAsync(api, "refused.csv", File(prefix + "r", ($"11/05/{year}", "9.00", supplier), ($"12/05/{year}", "nine", supplier)));
        ((int)refused.StatusCode).ShouldBe(422);
        (await app.WithDbAsync(db => db.SpendDays.IgnoreQueryFilters().CountAsync(d => d.OrganisationId == organisationId && d.Date == new DateOnly(year, 5, 11)))).ShouldBe(0);
        (await app.WithDbAsync(db => db.SpendDayCategories.IgnoreQueryFilters().CountAsync(d => d.OrganisationId == organisationId && d.Date == new DateOnly(year, 5, 11)))).ShouldBe(0);
    }

    [Fact]
    public async Task A_saved_profile_maps_a_column_the_suggestion_cannot()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var prefix = "P" + Guid.NewGuid().ToString("N")[..8];
        var content = Encoding.UTF8.GetBytes($"TransNo,Period,Supplier ID(T),Amount,Updated\n{prefix}-1,203705,RENWICK FRAMING,774.00,2037-08-11\n");
        await (await UploadAsync(api, "gateshead.csv", content)).ShouldBeProblemAsync(422);

        var saved = await api.PutJsonAsync("/api/v1/orgs/anytown/spend/profiles/gateshead", new { fields = new Dictionary<string, string> { ["Date"] = "Updated" } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        await (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/profiles/bad", new { fields = new Dictionary<string, string> { ["When"] = "Updated" } })).ShouldBeProblemAsync(400);

        (await UploadAsync(api, "gateshead.csv", content, "?profile=gateshead")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HeldAsync(prefix)).ShouldBe(1);
    }

    [Fact]
    public async Task A_finance_officer_uploads_a_file_on_the_page_and_sees_it_listed_with_its_report()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync(Finance);
        var prefix = "W" + Guid.NewGuid().ToString("N")[..8];
        var content = File(prefix, ("01/03/2038", "5.00", "Acme Ltd"), ("02/03/2038", "6.00", "Acme Ltd"));

        using var response = await browser.PostFileAsync("/o/anytown/spend/import", "/o/anytown/spend/import", "page-upload.csv", content);

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("page-upload.csv: read 2, imported 2");
        (await browser.GetHtmlAsync("/o/anytown/spend")).ShouldContain("page-upload.csv");
        using var refused = await browser.PostFileAsync("/o/anytown/spend/import", "/o/anytown/spend/import", "page-bad.csv", File(prefix + "x", ("31/02/2038", "5.00", "Acme Ltd")));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("&#x27;31/02/2038&#x27; is not a date");
    }

    [Fact]
    public async Task The_import_spend_verb_reports_what_it_did_and_exits_1_naming_the_line_of_a_refused_file()
    {
        app.RequireDatabase();
        var prefix = "V" + Guid.NewGuid().ToString("N")[..8];
        var good = Path.Combine(Path.GetTempPath(), prefix + "-good.csv");
        var bad = Path.Combine(Path.GetTempPath(), prefix + "-bad.csv");
        await System.IO.File.WriteAllBytesAsync(good, File(prefix, ("01/01/2039", "1.50", "Acme Ltd"), ("02/01/2039", "2.50", "Acme Ltd")));
        await System.IO.File.WriteAllBytesAsync(bad, File(prefix + "b", ("01/01/2039", "1.50", "Acme Ltd"), ("2039-13-01", "2.50", "Acme Ltd")));
        try
        {
            var run = await Infrastructure.Cli.RunAsync("import", "spend", good, bad, "--org", "anytown", "--database", app.ConnectionString);

            run.ExitCode.ShouldBe(1, run.Error);
            run.Output.ShouldContain($"{prefix}-good.csv: read 2, imported 2, duplicates 0, skipped 0, errors 0");
            run.Output.ShouldContain($"{prefix}-bad.csv: refused, nothing imported");
            run.Error.ShouldContain($"{prefix}-bad.csv:3: Date: '2039-13-01' is not a date");
            (await HeldAsync(prefix)).ShouldBe(2);
        }
        finally
        {
            System.IO.File.Delete(good);
            System.IO.File.Delete(bad);
        }
    }
}

public sealed class SpendTestsOnSqlite(SqliteApp app) : SpendTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class SpendTestsOnPostgres(PostgresApp app) : SpendTests<PostgresApp>(app), IClassFixture<PostgresApp>;
