using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Keeping the outcomes framework by hand: a measure with a baseline and a target, a figure, progress worked out, and retiring it.</summary>
public sealed class OutcomesJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Measure = "Adults who took part in a community activity this year";

    private static async Task FillDateAsync(IPage page, string legend, string day, string month, string year)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await group.GetByLabel("Day").FillAsync(day);
        await group.GetByLabel("Month").FillAsync(month);
        await group.GetByLabel("Year").FillAsync(year);
    }

    [Fact]
    public async Task A_commissioner_adds_a_measure_records_a_figure_sees_progress_and_retires_it()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Outcomes", Exact = true }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a measure to: Fewer residents feel lonely" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Measure", new() { Exact = true }).FillAsync(Measure);
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("%");
        await page.GetByLabel("Higher is better").CheckAsync();
        await page.GetByLabel("Baseline value").FillAsync("20");
        await FillDateAsync(page, "Baseline date", "1", "4", "2024");
        await page.GetByLabel("Target value").FillAsync("30");
        await FillDateAsync(page, "Target date", "1", "4", "2023");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save measure" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "The target date must be after the baseline date" }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
        await ScreenshotAsync(page, "outcomes-measure-refused.png");

        await FillDateAsync(page, "Target date", "1", "4", "2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save measure" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/outcomes#measure-"));
        var row = page.Locator("tbody tr").Filter(new() { HasText = Measure });
        (await row.Locator(".govuk-tag").TextContentAsync())!.Trim().ShouldBe("No figure yet");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Record a figure for {Measure}" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Figure (%)").FillAsync("25");
        await FillDateAsync(page, "Date of the figure", "1", "4", "2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save figure" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/outcomes#measure-"));

        var cells = row.Locator("td");
        (await cells.Nth(2).TextContentAsync())!.ShouldContain("25");
        (await cells.Nth(4).TextContentAsync())!.Trim().ShouldBe("50%");
        (await row.Locator(".govuk-tag").TextContentAsync())!.Trim().ShouldBe("On track");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Retire the measure {Measure}" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Why is it being retired?").FillAsync("The residents' survey now asks this differently");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire measure" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/outcomes\\?retired=true"));

        (await row.Locator(".govuk-tag").TextContentAsync())!.Trim().ShouldBe("Retired");
        (await row.TextContentAsync())!.ShouldContain("The residents' survey now asks this differently");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Show the active framework only" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/outcomes$"));
        (await page.Locator("tbody tr").Filter(new() { HasText = Measure }).CountAsync()).ShouldBe(0);
        await ScreenshotAsync(page, "outcomes.png");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PLACESHAPER_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}
