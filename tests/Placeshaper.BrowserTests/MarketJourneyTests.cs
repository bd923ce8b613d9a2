using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Recording what the market said before tendering.</summary>
public sealed class MarketJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_commissioner_records_an_engagement_with_providers()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Programmes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Home care that helps people live at home" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Engagement with providers and community rights to challenge" }).ClickAsync();
        (await page.ContentAsync()).ShouldContain("Westmoor Community Transport");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Record engagement" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.Locator("#heldOn").FillAsync("12");
        await page.Locator("#heldOn-month").FillAsync("10");
        await page.Locator("#heldOn-year").FillAsync("2026");
        await page.GetByLabel("Title").FillAsync("Meet the buyer: small care providers");
        await page.GetByLabel("Event", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("How many providers took part?").FillAsync("9");
        await page.GetByLabel("How many of them were small businesses or voluntary organisations?").FillAsync("7");
        await page.GetByLabel("What did they tell you, and what will you do about it?").FillAsync("They want lots by neighbourhood");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record engagement" }).ClickAsync();

        await page.WaitForPageAsync("**/market#engagement");
        (await page.Locator("table").First.TextContentAsync())!.ShouldContain("Meet the buyer: small care providers");
    }
}
