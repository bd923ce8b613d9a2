using System.Text;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Spend categories: mapping an expense type to a CPV code; the import page's upload progress; suggestions from a file's ProClass columns.</summary>
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

    [Fact]
    public async Task A_finance_officer_accepts_the_categories_a_spend_file_suggests_one_and_then_all()
    {
        var page = await fixture.SignedInPageAsync("finance@anytown.example");
        await page.GotoAsync("/o/anytown/spend/import");
        var csv = "Date,Transaction Number,Amount,Supplier Name,Expense Type,ProClass Code,ProClass Description\r\n" +
            "03/02/2008,PROCLASS-1,10.00,Acme Ltd,Bridge surveys,231810,Surveys\r\n" +
            "04/02/2008,PROCLASS-2,20.00,Acme Ltd,Road repairs,391400,Roads\r\n" +
            "05/02/2008,PROCLASS-3,30.00,Acme Ltd,Road repairs,,Highways\r\n" +
            "06/02/2008,PROCLASS-4,40.00,Acme Ltd,Gully cleaning,391410,Drainage\r\n";
        await page.GetByLabel("Spend file").SetInputFilesAsync(new FilePayload { Name = "proclass.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();

        await page.GotoAsync("/o/anytown/spend/categories");
        var suggestions = page.Locator("#suggestion-list");
        (await suggestions.TextContentAsync())!.ShouldContain("From file proclass.csv: ProClass code 231810, label Surveys");
        (await suggestions.Locator("tr", new() { HasText = "Road repairs" }).First.TextContentAsync())!.ShouldContain("Conflicting");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept ProClass code 231810, label Surveys for Bridge surveys" }).ClickAsync();
        await page.WaitForPageAsync("**/spend/categories?saved=*");
        (await page.Locator(".govuk-notification-banner").TextContentAsync())!.ShouldContain("Bridge surveys");
        (await page.Locator("#suggestion-list").TextContentAsync())!.ShouldNotContain("Bridge surveys");

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept every suggestion that does not conflict (1)" }).ClickAsync();
        await page.WaitForPageAsync("**/spend/categories?accepted=*");
        (await page.Locator(".govuk-notification-banner").TextContentAsync())!.ShouldContain("Accepted 1 suggestion");
        var left = (await page.Locator("#suggestion-list").TextContentAsync())!;
        left.ShouldContain("Road repairs", customMessage: "conflicting suggestions wait for an officer");
        left.ShouldNotContain("Gully cleaning");
        (await page.Locator("#categories").TextContentAsync())!.ShouldContain("391410 Drainage");
        await page.ShouldHaveNoViolationsAsync();
    }
}
