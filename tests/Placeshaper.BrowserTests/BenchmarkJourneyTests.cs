using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A second demo council reads the pooled home care benchmarks and its sharing settings; a commissioner opens a programme's review.</summary>
public sealed class BenchmarkJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Borsetshire_sees_Anytown_by_name_and_Felpersham_only_as_a_council_letter()
    {
        var page = await fixture.SignedInPageAsync("commissioner@borsetshire.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Benchmarks" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/o/borsetshire/benchmarks$"));
        var content = (await page.Locator("main").TextContentAsync())!;
        content.ShouldContain("Anytown Borough Council");
        content.ShouldContain("Council A");
        content.ShouldNotContain("Felpersham");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "What you share" }).First.ClickAsync();
        await page.WaitForPageAsync(new Regex("/o/borsetshire/benchmarks/settings$"));
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task A_commissioner_reads_a_programme_review_and_is_told_what_is_missing_from_a_decision()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Programmes" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Older people living independently" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Review the programme" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/programmes/[0-9a-f-]{36}/review$"));
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").TextContentAsync())!.ShouldContain("Enter the lessons learned");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task A_commissioner_uploads_a_benchmark_dataset_sees_a_bad_line_named_then_imports_the_fixed_file()
    {
        const string header = "category,period,measure,kind,unit,value,provider,provider_named,contributor,contributor_named\n";
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GotoAsync("/o/anytown/benchmarks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a benchmark dataset" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/o/anytown/benchmarks/import$"));
        await page.ShouldHaveNoViolationsAsync();

        var bad = header + "home-care,2025-26,Browser upload,unit-cost,GBP per hour,twenty,,,Wessex Council,no\n";
        await page.GetByLabel("Benchmark dataset (.csv, .xlsx or .json)").SetInputFilesAsync(new FilePayload { Name = "wessex.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary").TextContentAsync())!.ShouldContain("wessex.csv:2: value:");
        await page.ShouldHaveNoViolationsAsync();

        var good = header + "home-care,2025-26,Browser upload,unit-cost,GBP per hour,20.00,,,Wessex Council,no\n";
        await page.GetByLabel("Benchmark dataset (.csv, .xlsx or .json)").SetInputFilesAsync(new FilePayload { Name = "wessex.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator(".govuk-notification-banner--success").TextContentAsync())!.ShouldContain("added 1");
        (await page.Locator(".govuk-error-summary").CountAsync()).ShouldBe(0);
        await page.ShouldHaveNoViolationsAsync();
    }
}
