using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Imports;
using Placeshaper.Spend;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Spend;

public abstract class AnalyticsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Administrator = "administrator@anytown.example";

    /// <summary>Devon County Council, April 2025: 237 payments, 232 of them over £500, none negative (shared data, OGL).</summary>
    private const string DevonFile = "/work/shared/data/spend-devon/DCCSpendingOver500_202504.csv";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        return await api.PostAsync(new Uri("/api/v1/orgs/anytown/spend/imports", UriKind.Relative), form);
    }

    [Fact]
    public async Task Analytics_totals_of_a_real_file_equal_an_independent_sum_to_the_penny()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Administrator);
        (await UploadAsync(api, "devon-2025-04.csv", await File.ReadAllBytesAsync(DevonFile))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var report = await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/analytics?from=2025-04-01&to=2025-04-30")).ReadJsonAsync();

        // Summed outside Placeshaper (Python's decimal over the file's Amount column): £2,845,421.21 in 237 payments.
        report.GetProperty("total").GetDecimal().ShouldBe(2_845_421.21m);
        report.GetProperty("payments").GetInt64().ShouldBe(237);
        var held = await app.WithDbAsync(db => db.SpendTransactions.IgnoreQueryFilters().Where(t => t.Date >= new DateOnly(2025, 4, 1) && t.Date <= new DateOnly(2025, 4, 30)).Select(t => t.Amount).ToListAsync());
        report.GetProperty("total").GetDecimal().ShouldBe(Math.Round(held.Sum(), 2, MidpointRounding.AwayFromZero));
        Single(report, "months").ShouldBe(("2025-04", 2_845_421.21m, 237L));
        Single(report, "quarters").ShouldBe(("2025-26 Q1", 2_845_421.21m, 237L));
        Single(report, "financialYears").ShouldBe(("2025-26", 2_845_421.21m, 237L));
        report.GetProperty("serviceAreas").EnumerateArray().Sum(s => s.GetProperty("amount").GetDecimal()).ShouldBe(2_845_421.21m);
        report.GetProperty("expenseTypes").EnumerateArray().Sum(s => s.GetProperty("payments").GetInt64()).ShouldBe(237);
        var top = report.GetProperty("suppliers")[0];
        top.GetProperty("amount").GetDecimal().ShouldBeGreaterThanOrEqualTo(report.GetProperty("suppliers")[1].GetProperty("amount").GetDecimal());
        report.GetProperty("suppliers").EnumerateArray().Sum(s => s.GetProperty("amount").GetDecimal()).ShouldBe(2_845_421.21m, "supplier totals are rounded per supplier; Devon's amounts are whole pence");
        report.GetProperty("offContract").EnumerateArray().ShouldContain(o => o.GetProperty("name").GetString() == "PROSPERO RECRUITMENT LIMITED" && o.GetProperty("reason").GetString() == "No contract in the register");

        // The database pairs likely duplicates as the rule does (DuplicatePayments), for any window of days.
        var payments = await app.WithDbAsync(db => db.SpendTransactions.IgnoreQueryFilters()
            .Where(t => t.Date >= new DateOnly(2025, 4, 1) && t.Date <= new DateOnly(2025, 4, 30) && t.SupplierKey != "")
            .Select(t => new DuplicatePayments.Payment(t.Id, t.SupplierKey, t.Amount, t.Date, t.TransactionNumber)).ToListAsync());
        foreach (var days in new[] { 0, 3, 30 })
        {
            var pairs = await (await api.GetPathAsync($"/api/v1/orgs/anytown/spend/analytics/duplicates?from=2025-04-01&to=2025-04-30&days={days}")).ReadJsonAsync();
            var expected = DuplicatePayments.Find(payments, days);
            expected.Count.ShouldBeGreaterThan(days == 30 ? 0 : -1);
            pairs.EnumerateArray().Select(p => (p.GetProperty("amount").GetDecimal(), p.GetProperty("firstTransaction").GetString(), p.GetProperty("secondTransaction").GetString(), p.GetProperty("days").GetInt32()))
                .ShouldBe(expected.Select(p => (p.First.Amount, p.First.TransactionNumber, p.Second.TransactionNumber, p.Second.Date.DayNumber - p.First.Date.DayNumber)), $"within {days} days");
        }

        var table = await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/analytics/quarters?from=2025-04-01&to=2025-04-30")).ReadJsonAsync();
        table.GetArrayLength().ShouldBe(1);
        await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/analytics/no-such-table")).ShouldBeProblemAsync(404);
        await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/analytics?from=2025-05-01&to=2025-04-01")).ShouldBeProblemAsync(400);

        var csv = await api.GetPathAsync("/api/v1/orgs/anytown/spend/transparency.csv?from=2025-04-01&to=2025-04-30");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = ImportTable.Read(await csv.Content.ReadAsByteArrayAsync(), "t.csv");
        rows.Headers.ShouldBe(["body_name", "date", "department", "beneficiary", "purpose_of_expenditure", "amount", "irrecoverable_vat", "merchant_category", "transaction_number"]);
        rows.Rows.Count.ShouldBe(232, "the 232 payments over £500; the 5 of £500 or less are left out");
    }

    private static (string?, decimal, long) Single(JsonElement report, string table)
    {
        var rows = report.GetProperty(table).EnumerateArray().ToList();
        rows.Count.ShouldBe(1, table);
        return (rows[0].GetProperty("name").GetString(), rows[0].GetProperty("amount").GetDecimal(), rows[0].GetProperty("payments").GetInt64());
    }

    [Fact]
    public async Task The_transparency_file_keeps_payments_over_500_either_way_keeps_redactions_and_is_public()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Administrator);
        var file = Encoding.UTF8.GetBytes(
            "Date,Transaction Number,Amount,Supplier Name,Expense Area,Expense Type\r\n" +
            "05/01/2027,TT-1,500.00,Exactly Five Hundred Ltd,Highways,Repairs\r\n" +
            "05/01/2027,TT-2,500.01,Just Over Ltd,Highways,Repairs\r\n" +
            "06/01/2027,TT-3,-600.00,Credit Note Ltd,Highways,Repairs\r\n" +
            "07/01/2027,TT-4,750.00,REDACTED UNDER DP ACT,Adult Care,Direct payments\r\n" +
            "08/01/2027,TT-5,1200.00,Dup Ltd,Highways,Repairs\r\n" +
            "10/01/2027,TT-6,1200.00,Dup Ltd,Highways,Repairs\r\n" +
            "15/01/2027,TT-7,1200.00,Dup Ltd,Highways,Repairs\r\n");
        (await UploadAsync(api, "transparency.csv", file)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var csv = await api.GetPathAsync("/api/v1/orgs/anytown/spend/transparency.csv?from=2027-01-01&to=2027-01-31");
        var table = ImportTable.Read(await csv.Content.ReadAsByteArrayAsync(), "t.csv");
        var beneficiaries = table.Rows.Select(r => r["beneficiary"]?.ToUpperInvariant()).ToList();
        beneficiaries.ShouldBe(["JUST OVER LTD", "CREDIT NOTE LTD", "REDACTED - PERSONAL DATA", "DUP LTD", "DUP LTD", "DUP LTD"]);
        table.Headers.Select(h => table.Rows[0][h] ?? "").ShouldBe(["Anytown Borough Council", "2027-01-05", "Highways", "Just Over Ltd", "Repairs", "500.01", "", "", "TT-2"]);

        var duplicates = await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/analytics/duplicates?from=2027-01-01&to=2027-01-31")).ReadJsonAsync();
        duplicates.GetArrayLength().ShouldBe(1, "8 and 10 January are 2 days apart; 10 and 15 January are 5");
        (duplicates[0].GetProperty("firstTransaction").GetString(), duplicates[0].GetProperty("secondTransaction").GetString()).ShouldBe(("TT-5", "TT-6"));
        (await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/analytics/duplicates?from=2027-01-01&to=2027-01-31&days=5")).ReadJsonAsync()).GetArrayLength().ShouldBe(2);

        using var visitor = app.Anonymous();
        var page = await visitor.GetAsync(new Uri("/transparency/anytown/spend", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("2026-27 Q4");
        var download = await visitor.GetAsync(new Uri("/transparency/anytown/spend?handler=Download&from=2027-01-01&to=2027-03-31", UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        ImportTable.Read(await download.Content.ReadAsByteArrayAsync(), "public.csv").Rows.Count.ShouldBe(6);
        (await visitor.GetAsync(new Uri("/transparency/no-such-council/spend", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync(new Uri("/api/v1/orgs/anytown/spend/transparency.csv", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class AnalyticsTestsOnSqlite(SqliteApp app) : AnalyticsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class AnalyticsTestsOnPostgres(PostgresApp app) : AnalyticsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
