using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Suppliers in spend: the review queue, an officer's decision, the analytics, the LM3 calculator and the public spending page.</summary>
public sealed class SpendJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_finance_officer_accepts_a_suggested_match_from_the_review_queue()
    {
        var page = await fixture.SignedInPageAsync("finance@anytown.example");
        await page.GotoAsync("/o/anytown/spend");
        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers in spend" }).ClickAsync();
        await page.WaitForPageAsync("**/spend/suppliers");
        var queue = page.Locator("#to-review");
        (await queue.TextContentAsync())!.ShouldContain("RIVERSIDE HOME CARERS LTD");
        (await queue.TextContentAsync())!.ShouldContain("Riverside Home Care Ltd");
        await page.ShouldHaveNoViolationsAsync();

        await queue.GetByRole(AriaRole.Button, new() { Name = "Accept Riverside Home Care Ltd for RIVERSIDE HOME CARERS LTD" }).ClickAsync();
        await page.WaitForPageAsync("**/spend/suppliers?decided=*");
        (await page.Locator(".govuk-notification-banner").TextContentAsync())!.ShouldContain("RIVERSIDE HOME CARERS LTD");
        (await page.Locator("#resolved").TextContentAsync())!.ShouldContain("RIVERSIDE HOME CARERS LTD");
        (await page.Locator("#to-review").CountAsync()).ShouldBe(0);
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/o/anytown/spend/analytics");
        (await page.Locator("#shares-chart-title").CountAsync()).ShouldBe(1);
        (await page.Locator("#duplicates").TextContentAsync())!.ShouldContain("CASTLE STATIONERS LTD");
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/o/anytown/calculators/lm3");
        await page.GetByLabel("Share local suppliers re-spend locally (%)").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        await page.Locator("#result").WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/o/anytown/spend/local");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task Anyone_reads_the_published_spending_without_signing_in()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/transparency/anytown/spend");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Spending over £500" }).CountAsync()).ShouldBe(1);
        (await page.Locator("#published").TextContentAsync())!.ShouldContain("2026-27 Q1");
        await page.ShouldHaveNoViolationsAsync();
    }
}
