using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Exports;

public sealed class DownloadTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_needs_table_downloads_as_CSV_that_imports_straight_back_without_changing_anything()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");

        using var download = await browser.GetAsync("/o/anytown/needs/falls-65?handler=Download&format=csv");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        var reimport = await api.PostAsync(new Uri("/api/v1/orgs/anytown/indicators/values/import?file=falls-65.csv", UriKind.Relative), new ByteArrayContent(bytes));

        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        download.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain("falls-65.csv");
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "a byte-order mark, so Excel reads it as UTF-8");
        Encoding.UTF8.GetString(bytes).ShouldContain("E05999002,2024,falls-65,2880");
        var report = await reimport.ReadJsonAsync();
        (report.GetProperty("added").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()).ShouldBe((0, 0, 48));
    }

    [Fact]
    public async Task A_pooled_budget_statement_downloads_as_an_Excel_workbook_with_numbers_as_numbers()
    {
        app.RequireDatabase();
        using var council = await app.ApiAsAsync("commissioner@anytown.example");
        var programmes = await (await council.GetPathAsync("/api/v1/orgs/anytown/programmes")).ReadJsonAsync();
        var id = programmes.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Older people living independently").GetProperty("id").GetString();
        var budgetId = (await (await council.GetPathAsync($"/api/v1/orgs/anytown/programmes/{id}/budgets")).ReadJsonAsync())[0].GetProperty("id").GetString();
        using var browser = await app.SignInAsync("finance@anytown.example");

        using var download = await browser.GetAsync($"/o/anytown/budgets/{budgetId}?handler=Download&table=statement&format=xlsx");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        rows.Count.ShouldBe(3);
        var council2 = rows[1].Elements<Cell>().ToList();
        council2[0].InnerText.ShouldBe("Anytown Borough Council");
        council2[1].DataType!.Value.ShouldBe(CellValues.Number);
        council2[1].CellValue!.Text.ShouldBe("4960000");
        rows[2].Elements<Cell>().Last().CellValue!.Text.ShouldBe("36750");
    }

    [Fact]
    public async Task Downloads_respect_isolation_like_the_pages_they_come_from()
    {
        app.RequireDatabase();
        using var police = await app.SignInAsync("commissioner@anytown-police.example");

        using var council = await app.SignInAsync("commissioner@anytown.example");

        using var download = await police.GetAsync("/o/anytown/areas?handler=Download&format=csv");
        using var own = await council.GetAsync("/o/anytown/areas?handler=Download&format=csv");

        download.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldContain("E05999002,Riverside,ward,E06009001");
    }
}
