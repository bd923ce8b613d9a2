using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

public sealed class DownloadJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_administrator_filters_the_audit_trail_and_downloads_what_the_filter_chose()
    {
        var page = await fixture.SignedInPageAsync("administrator@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail", Exact = true }).ClickAsync();
        await page.GetByLabel("To what").SelectOptionAsync("Indicator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        (await page.Locator("tbody tr").AllTextContentsAsync()).ShouldAllBe(row => row.Contains("Indicator created"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);

        download.SuggestedFilename.ShouldEndWith(".csv");
        var lines = csv.TrimEnd().Split("\r\n");
        lines[0].ShouldEndWith("sequence,at,actor,action,entity_type,entity_id,before,after,hash");
        lines.Skip(1).ShouldAllBe(line => line.Contains(",created,Indicator,"));
        lines.Length.ShouldBe(3, "the two demo indicators");
    }

    [Fact]
    public async Task An_administrator_downloads_the_people_table_as_a_workbook()
    {
        var page = await fixture.SignedInPageAsync("administrator@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel (XLSX)" }).ClickAsync());
        var table = Placeshaper.Imports.ImportTable.Read(await File.ReadAllBytesAsync((await download.PathAsync())!), download.SuggestedFilename);

        download.SuggestedFilename.ShouldBe("people.xlsx");
        table.Headers.ShouldBe(["name", "email", "roles"]);
        table.Rows.ShouldContain(r => r["email"] == "administrator@anytown.example" && r["roles"] == "Administrator");
    }
}
