using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Writing an outcome-based specification from the programme's outcomes, with two KPIs, and agreeing it.</summary>
public sealed class SpecificationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_procurement_officer_writes_a_specification_with_two_kpis_and_agrees_it()
    {
        var page = await fixture.SignedInPageAsync("procurement@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Programmes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Home care that helps people live at home", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Outcome-based specifications" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Start specification" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByText("Choose at least one outcome", new() { Exact = false }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Title").FillAsync("Reablement-first home care");
        await page.GetByLabel("What the service is for, in residents' words").FillAsync("People get help to do things for themselves again after a stay in hospital");
        await page.GetByLabel("Older people live independently at home for longer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start specification" }).ClickAsync();
        await page.WaitForPageAsync("**/specifications/*");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the KPIs" }).ClickAsync();
        await page.Locator("#kpi-0-definition").FillAsync("People still at home 91 days after reablement");
        await page.Locator("#kpi-0-unit").FillAsync("%");
        await page.Locator("#kpi-0-target").FillAsync("85");
        await page.Locator("#kpi-0-minimum").FillAsync("90");
        await page.Locator("#kpi-0-dataSource").FillAsync("Provider's care records");
        await page.Locator("#kpi-1-definition").FillAsync("Planned visits missed");
        await page.Locator("#kpi-1-unit").FillAsync("% of visits");
        await page.Locator("#kpi-1-polarity-1").CheckAsync();
        await page.Locator("#kpi-1-target").FillAsync("0.5");
        await page.Locator("#kpi-1-minimum").FillAsync("2");
        await page.Locator("#kpi-1-frequency").CheckAsync();
        await page.Locator("#kpi-1-dataSource").FillAsync("Electronic call monitoring");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save KPIs" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByText("cannot be above the target", new() { Exact = false }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.Locator("#kpi-0-minimum").FillAsync("78.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save KPIs" }).ClickAsync();
        await page.WaitForPageAsync("**/specifications/*#kpis");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the term, lots and payment" }).ClickAsync();
        await page.GetByLabel("Contract length in months").FillAsync("60");
        await page.Locator("#extension-0").FillAsync("12");
        await page.Locator("#extension-1").FillAsync("12");
        await page.Locator("#lot-0-title").FillAsync("North neighbourhoods");
        await page.Locator("#lot-0-share").FillAsync("50");
        await page.Locator("#lot-1-title").FillAsync("South neighbourhoods");
        await page.Locator("#lot-1-share").FillAsync("50");
        await page.Locator("#paymentMechanism-2").CheckAsync();
        await page.GetByLabel("Outcome share (%), for payment by results").FillAsync("20");
        await page.GetByLabel("Service credits", new() { Exact = false }).CheckAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save term, lots and payment" }).ClickAsync();
        await page.WaitForPageAsync("**/specifications/*#terms");

        var content = await page.ContentAsync();
        content.ShouldContain("84 months (7 years)");
        content.ShouldContain("Payment by results, 20% of the price paid for outcomes");
        content.ShouldContain("requires at least 3 KPIs");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree specification" }).ClickAsync();
        await page.Locator(".govuk-tag").GetByText("Agreed", new() { Exact = false }).WaitForAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Change the KPIs" }).CountAsync()).ShouldBe(0);
        (await page.Locator("table").TextContentAsync())!.ShouldContain("Planned visits missed");
        await page.ShouldHaveNoViolationsAsync();
    }
}
