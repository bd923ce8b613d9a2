using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>The provider register: adding a provider, seeing it classed, finding it with the filters, downloading the register.</summary>
public sealed class ProviderJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Name = "Castle Lane Lunch Club CIC";

    [Fact]
    public async Task A_procurement_officer_adds_a_provider_sees_it_classed_SME_and_local_and_downloads_the_register()
    {
        var page = await fixture.SignedInPageAsync("procurement@anytown.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Providers", Exact = true }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a provider" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Name);
        await page.GetByLabel("Community interest company (CIC)").CheckAsync();
        await page.GetByLabel("Companies House number (optional)").FillAsync("9100301");
        await page.GetByLabel("Registered office postcode (optional)").FillAsync("at1 3cc");
        await page.GetByLabel("Staff (optional)").FillAsync("lots");
        await page.GetByLabel("Annual turnover (optional)").FillAsync("310,000");
        await page.GetByLabel("Balance sheet total (optional)").FillAsync("95,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Enter the number of staff as a whole number, like 45" }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Staff (optional)").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/o/anytown/providers/[0-9a-f-]{36}$"));
        (await page.Locator("h1").TextContentAsync())!.Trim().ShouldBe(Name);
        (await page.Locator("#sme").TextContentAsync())!.Trim().ShouldBe("Yes");
        (await page.Locator("#band").TextContentAsync())!.Trim().ShouldBe("Micro");
        (await page.Locator("#local").TextContentAsync())!.ShouldContain("Local: the registered postcode AT1 3CC is in Anytown");
        (await page.Locator("#details").TextContentAsync())!.ShouldContain("09100301");
        await page.GetByText("How this is worked out").ClickAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the provider register" }).ClickAsync();
        await page.GetByLabel("SMEs").CheckAsync();
        await page.GetByLabel("Local", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var row = page.Locator("#register tbody tr").Filter(new() { HasText = Name });
        (await row.Locator("td").AllTextContentsAsync()).Select(t => t.Trim()).ShouldBe([Name, "Community interest company (CIC)", "Micro", "Yes", "Yes", "Yes", "–"], "a new provider has no residents' rating yet");
        (await page.Locator("#register tbody tr").Filter(new() { HasText = "Northgate Facilities Ltd" }).CountAsync()).ShouldBe(0, "large companies are not SMEs");
        await page.ShouldHaveNoViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!);
        download.SuggestedFilename.ShouldBe("providers.csv");
        csv.ShouldContain($"{Name},cic,09100301,,,AT1 3CC,,7,310000,95000,yes,no,,yes,micro,yes");
        csv.ShouldNotContain("Northgate Facilities Ltd");
        if (Environment.GetEnvironmentVariable("PLACESHAPER_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "providers.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task A_consortium_shows_its_members_and_a_member_shows_its_consortium()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");

        await page.GotoAsync("/o/anytown/providers?q=Anytown+Care+Partnership");
        await page.GetByRole(AriaRole.Link, new() { Name = "Anytown Care Partnership" }).ClickAsync();
        var members = page.Locator("table tbody tr");
        (await members.First.TextContentAsync())!.ShouldContain("Lead member");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Add a member").FillAsync("Westmoor Community Transport");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("#members$"));
        (await members.CountAsync()).ShouldBe(4);
        await page.GetByRole(AriaRole.Link, new() { Name = "Westmoor Community Transport" }).ClickAsync();
        (await page.Locator("#consortia").TextContentAsync())!.ShouldContain("Anytown Care Partnership");
        await page.ShouldHaveNoViolationsAsync();
    }
}
