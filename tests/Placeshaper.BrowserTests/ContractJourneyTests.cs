using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>The contracts register: finding a contract, reading its key dates and the s.52 warning, adding a KPI.</summary>
public sealed class ContractJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_commissioner_finds_a_contract_in_the_register_reads_its_key_dates_and_adds_a_KPI()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts", Exact = true }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/o/anytown/contracts$"));
        (await page.Locator("#reminders").TextContentAsync())!.ShouldContain("Due in the next 90 days or overdue");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Supplier", new() { Exact = true }).SelectOptionAsync("Vcse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("supplier=Vcse"));
        (await page.Locator("#register tbody tr").Filter(new() { HasText = "Northgate Facilities Ltd" }).CountAsync()).ShouldBe(0, "a large company is not a VCSE");
        await page.Locator("#register").GetByRole(AriaRole.Link, new() { Name = "ANYTOWN-2025-021" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/o/anytown/contracts/[0-9a-f-]{36}$"));
        (await page.Locator("h1").TextContentAsync())!.Trim().ShouldBe("Family support for families facing several disadvantages");
        (await page.Locator("#key-dates + table").TextContentAsync())!.ShouldContain("Decision to extend");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a KPI" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/kpis/new$"));
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Definition").FillAsync("Families who say their key worker helped");
        await page.GetByLabel("Unit").FillAsync("%");
        await page.GetByLabel("Higher is better").CheckAsync();
        await page.GetByLabel("Target").FillAsync("80");
        await page.GetByLabel("Minimum acceptable level").FillAsync("85");
        await page.GetByLabel("Quarterly").CheckAsync();
        await page.GetByLabel("Data source").FillAsync("Provider's exit survey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the KPI" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Higher is better, so the minimum acceptable level cannot be above the target" }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Minimum acceptable level").FillAsync("70");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the KPI" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/o/anytown/contracts/[0-9a-f-]{36}#kpis$"));
        var kpis = page.Locator("#kpis + table tbody tr");
        (await kpis.CountAsync()).ShouldBe(5);
        (await kpis.Last.TextContentAsync())!.ShouldContain("Families who say their key worker helped");
        await page.ShouldHaveNoViolationsAsync();
    }
}
