using Microsoft.Playwright;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.BrowserTests;

public sealed class IntelligenceJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_commissioner_tags_a_residents_report_to_a_need_and_it_is_read_beside_the_figures()
    {
        var body = $"Since the day centre moved, older people in Riverside have fallen on the hill to the new one ({Guid.NewGuid():N})";
        var resident = await fixture.NewPageAsync();
        await resident.GotoAsync("/tell-us/anytown");
        await resident.GetByText("How we use your email address").ClickAsync();
        (await resident.Locator(".govuk-details__text").Last.TextContentAsync())!.ShouldContain("We delete it 180 days after");
        await resident.GetByLabel("A need that is not being met").CheckAsync();
        await resident.GetByLabel("What have you seen?").FillAsync(body);
        await resident.GetByLabel("Email address (optional)").FillAsync("riverside.resident@example.org");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        (await resident.Locator(".govuk-panel__title").TextContentAsync())!.Trim().ShouldBe("Thank you");

        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "What people tell us", Exact = true }).ClickAsync();
        var card = page.Locator(".govuk-summary-card").Filter(new() { HasText = body });
        await card.GetByRole(AriaRole.Link, new() { Name = "Tag" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Area").SelectOptionAsync(new SelectOptionValue { Label = "Riverside" });
        await page.GetByLabel("Needs indicator").SelectOptionAsync(new SelectOptionValue { Label = "Emergency hospital admissions due to falls, people aged 65 and over" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tags" }).ClickAsync();
        await page.WaitForPageAsync("**/o/anytown/intelligence#item-*");
        (await card.TextContentAsync())!.ShouldContain("Emergency hospital admissions due to falls");
        await page.ShouldHaveNoViolationsAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Emergency hospital admissions due to falls, people aged 65 and over" }).First.ClickAsync();
        var told = page.Locator("#what-people-tell-us ~ .govuk-summary-card").Filter(new() { HasText = body });
        (await told.CountAsync()).ShouldBe(1);
        (await page.ContentAsync()).ShouldNotContain("riverside.resident@example.org");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task An_administrator_erases_a_residents_contact_email_when_asked()
    {
        var resident = await fixture.NewPageAsync();
        await resident.GotoAsync("/tell-us/anytown");
        await resident.GetByLabel("How a service is working").CheckAsync();
        await resident.GetByLabel("What have you seen?").FillAsync("The library's new opening hours suit working families much better.");
        await resident.GetByLabel("Email address (optional)").FillAsync("Forget.Me@example.org");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var page = await fixture.SignedInPageAsync("administrator@anytown.example");
        await page.GotoAsync("/o/anytown/intelligence");
        await page.GetByRole(AriaRole.Link, new() { Name = "Erase a resident's contact email" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("The resident's email address").FillAsync("forget.me@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find their reports" }).ClickAsync();
        (await page.Locator("#found").TextContentAsync())!.ShouldBe("1 report has this address");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase the address" }).ClickAsync();

        (await page.Locator(".govuk-notification-banner__heading").TextContentAsync())!.ShouldBe("The email address was erased from 1 report");
        page.Url.ShouldNotContain("example.org", customMessage: "the address never goes into a web address");
        await page.ShouldHaveNoViolationsAsync();
        await page.GotoAsync("/o/anytown/intelligence");
        (await page.ContentAsync()).ShouldNotContain("Forget.Me@example.org");
    }

    [Fact]
    public async Task A_commissioner_imports_figures_from_an_Excel_workbook_and_is_shown_the_bad_cell()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GotoAsync("/o/anytown/needs");
        await page.ShouldHaveNoViolationsAsync();
        var bad = Workbooks.Create(Workbooks.Rows("Figures", ["area_code", "period", "indicator", "value"], ["E05999004", "2033", "falls-65", "a few"]));

        await page.GetByLabel("CSV file or Excel workbook (.xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "falls.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = bad,
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var problem = page.Locator("table").Filter(new() { HasText = "Problems to fix in the worksheet Figures" }).Locator("tbody tr");
        (await problem.TextContentAsync())!.ShouldContain("D (value)");
        await page.ShouldHaveNoViolationsAsync();
    }
}
