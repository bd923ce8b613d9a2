using System.Text;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Spend categories: mapping an expense type to a CPV code; the import page's upload progress.</summary>
public sealed class SpendCategoriesJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_finance_officer_maps_an_unmapped_expense_type_to_a_CPV_code_after_a_code_not_in_the_list()
    {
        var page = await fixture.SignedInPageAsync("finance@anytown.example");
        await page.GotoAsync("/o/anytown/spend/analytics");
        await page.GetByRole(AriaRole.Link, new() { Name = "Spend categories" }).ClickAsync();
        await page.WaitForPageAsync("**/spend/categories");
        var firstRow = page.Locator("#categories tbody tr").First;
        (await firstRow.TextContentAsync())!.ShouldContain("Not mapped", customMessage: "unmapped expense types are listed first");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the category of Shared services" }).ClickAsync();
        await page.WaitForPageAsync("**/spend/categories?expenseType=*");
        (await page.GetByLabel("Expense type").InputValueAsync()).ShouldBe("Shared services");
        await page.GetByLabel("CPV code (optional)").FillAsync("7510000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save category" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator("#cpvCode-error").TextContentAsync())!.ShouldContain("is not a CPV 2008 code");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("CPV code (optional)").FillAsync("75100000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save category" }).ClickAsync();
        await page.WaitForPageAsync("**/spend/categories?saved=*");
        (await page.Locator(".govuk-notification-banner").TextContentAsync())!.ShouldContain("Shared services");
        (await page.Locator("#categories").TextContentAsync())!.ShouldContain("75100000-7 Administration services");
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/o/anytown/spend/analytics?from=2026-04-01&to=2027-03-31");
        (await page.Locator("#cpv-codes").TextContentAsync())!.ShouldContain("75100000-7");
    }

    [Fact]
    public async Task The_import_page_sends_the_file_with_a_progress_bar_and_shows_the_report_in_place()
    {
        var page = await fixture.SignedInPageAsync("finance@anytown.example");
        await page.GotoAsync("/o/anytown/spend/import");
        (await page.Locator("#upload-progress").IsHiddenAsync()).ShouldBeTrue("the bar shows only while a file is sent");
        await page.ShouldHaveNoViolationsAsync();

        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(request.ResourceType);
            }
        };
        var csv = new StringBuilder("Body,Date,Transaction Number,Amount,Supplier Name,Expense Type\r\n");
        for (var i = 1; i <= 2000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"18,{i % 28 + 1:00}/03/2007,BROWSER-{i},12.34,Progress Widgets Ltd,Goods\r\n");
        }

        await page.GetByLabel("Spend file").SetInputFilesAsync(new FilePayload { Name = "progress.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator(".govuk-notification-banner--success").TextContentAsync())!.ShouldContain("progress.csv");
        page.Url.ShouldEndWith("/o/anytown/spend/import");
        posts.ShouldBe(["xhr"], "sent by XMLHttpRequest, not by navigating");
        await page.ShouldHaveNoViolationsAsync();
    }
}
