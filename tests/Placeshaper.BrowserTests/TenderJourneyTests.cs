using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Drafting a tender proportionate to its value: the advised route, award criteria and the timetable.</summary>
public sealed class TenderJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_procurement_officer_drafts_a_tender_and_sees_the_route_its_value_calls_for()
    {
        var page = await fixture.SignedInPageAsync("procurement@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tenders", Exact = true }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft a tender" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Befriending for isolated older people");
        await page.GetByLabel("Light touch services", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Estimated value of the whole contract, including VAT").FillAsync("180000");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Draft tender" }).ClickAsync();

        await page.WaitForPageAsync("**/tenders/*");
        (await page.Locator(".govuk-inset-text").First.TextContentAsync())!.ShouldContain("Advised: Below-threshold competition");
        (await page.Locator(".govuk-inset-text").First.TextContentAsync())!.ShouldContain("notifiable below-threshold contract");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Change award criteria" }).ClickAsync();
        await page.Locator("#socialValueWeight").FillAsync("5");
        await page.Locator("#priceWeight").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save award criteria" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByText("Social value must carry at least 10%", new() { Exact = false }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the tender" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change lots and timetable" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Why not divided into lots (if it is not)").FillAsync("A small service for the whole borough");
        await page.Locator("#submissionDeadline").FillAsync("15");
        await page.Locator("#submissionDeadline-month").FillAsync("1");
        await page.Locator("#submissionDeadline-year").FillAsync("2099");
        await page.Locator("#submissionTime").FillAsync("12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save lots and timetable" }).ClickAsync();
        await page.WaitForPageAsync("**/tenders/*#lots");
        (await page.ContentAsync()).ShouldContain("Bids close: 15 January 2099, 12:00pm");
    }
}
