using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

public sealed class NeedsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_resident_tells_the_council_about_a_need_without_an_account()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/tell-us/anytown");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("A need that is not being met").CheckAsync();
        await page.GetByLabel("What have you seen?").FillAsync("Older neighbours in Westmoor cannot get to the GP since the bus route changed.");
        await page.GetByLabel("Where? (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Westmoor" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        (await page.Locator(".govuk-panel__title").TextContentAsync())!.Trim().ShouldBe("Thank you");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task A_commissioner_reads_the_evidence_of_need_as_charts_and_as_a_table()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs", Exact = true }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Emergency hospital admissions due to falls, people aged 65 and over" }).ClickAsync();

        var trend = page.GetByRole(AriaRole.Img, new() { Name = "Emergency hospital admissions due to falls, people aged 65 and over", Exact = true });
        (await trend.CountAsync()).ShouldBe(1);
        (await page.Locator("svg.ps-chart polyline").CountAsync()).ShouldBeGreaterThanOrEqualTo(6);
        var riverside = page.Locator("tbody tr").Filter(new() { HasText = "Riverside" });
        (await riverside.TextContentAsync())!.ShouldContain("2,880");
        (await page.Locator("tbody tr").Filter(new() { HasText = "England (comparator)" }).CountAsync()).ShouldBe(1);
        await page.ShouldHaveNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("PLACESHAPER_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "needs.png"), FullPage = true });
        }
    }
}
