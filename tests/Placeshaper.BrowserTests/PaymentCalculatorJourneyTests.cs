using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Working out a period's service credits on the calculator page, as a contract manager checks a provider's invoice.</summary>
public sealed class PaymentCalculatorJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_service_credits_calculator_rates_each_kpi_and_shows_its_working()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Calculators", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Service credits" }).ClickAsync();
        await page.WaitForPageAsync("**/calculators/service-credits");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Charge for the period").FillAsync("100000");
        await page.GetByLabel("Cap on all credits (% of the charge)").FillAsync("10");
        await page.Locator("#kpi-0-name").FillAsync("Calls answered (%)");
        await page.Locator("#kpi-0-higherIsBetter").CheckAsync();
        await page.Locator("#kpi-0-target").FillAsync("95");
        await page.Locator("#kpi-0-minimum").FillAsync("98");
        await page.Locator("#kpi-0-actual").FillAsync("93");
        await page.Locator("#kpi-0-creditPercentPerUnit").FillAsync("1");
        await page.Locator("#kpi-0-maxCreditPercent").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();

        // A minimum above the target is refused beside the field, and the page stays accessible with its errors.
        await page.GetByRole(AriaRole.Link, new() { Name = "The minimum 98 is above the target 95" }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.Locator("#kpi-0-minimum").FillAsync("90");
        await page.Locator("#kpi-1-name").FillAsync("Missed visits");
        await page.Locator("#kpi-1-higherIsBetter-1").CheckAsync();
        await page.Locator("#kpi-1-target").FillAsync("5");
        await page.Locator("#kpi-1-minimum").FillAsync("10");
        await page.Locator("#kpi-1-inadequate").FillAsync("20");
        await page.Locator("#kpi-1-actual").FillAsync("25");
        await page.Locator("#kpi-1-creditPercentPerUnit").FillAsync("1");
        await page.Locator("#kpi-1-maxCreditPercent").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();

        (await page.Locator("#result").TextContentAsync())!.ShouldContain("£8,000.00 credited");
        (await page.GetByRole(AriaRole.Cell, new() { Name = "approaching target" }).CountAsync()).ShouldBe(1);
        (await page.GetByRole(AriaRole.Cell, new() { Name = "inadequate", Exact = true }).CountAsync()).ShouldBe(1);
        (await page.GetByText("Within the minimum of 90: the lesser of 2 × 1% and 5% = 2%, rated approaching target").CountAsync()).ShouldBe(1);
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_other_payment_calculators_answer_without_accessibility_violations()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GotoAsync("/o/anytown/calculators/gain-share");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Against a control group: cost per person with and without the change").CheckAsync();
        await page.GetByLabel("Control group's cost per person").FillAsync("9000");
        await page.GetByLabel("Pilot's cost per person").FillAsync("8200");
        await page.GetByLabel("People in the pilot").FillAsync("50");
        await page.GetByLabel("Provider's investment").FillAsync("25000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        (await page.Locator("#result").TextContentAsync())!.ShouldContain("£32,500.00 to the provider");
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/o/anytown/calculators/payment-by-results");
        await page.ShouldHaveNoViolationsAsync();
        await page.Locator("#year-0-budget").FillAsync("1000000");
        await page.Locator("#year-0-outcomeShare").FillAsync("20");
        await page.Locator("#outcome-0-name").FillAsync("Family turned around");
        await page.Locator("#outcome-0-rate").FillAsync("700");
        await page.Locator("#outcome-0-achieved-1").FillAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        (await page.Locator("#result").TextContentAsync())!.ShouldContain("£940,000.00 in all");
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/o/anytown/calculators/social-impact-bond");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Investment").FillAsync("5000000");
        await page.GetByLabel("Baseline rate").FillAsync("0.6");
        await page.GetByLabel("Threshold (%)").FillAsync("10");
        await page.GetByLabel("Payment for each outcome").FillAsync("30000");
        await page.GetByLabel("Cap on all payments").FillAsync("8000000");
        await page.Locator("#cohort-0-year").FillAsync("2");
        await page.Locator("#cohort-0-size").FillAsync("1000");
        await page.Locator("#cohort-0-outcomeRate").FillAsync("0.51");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        (await page.Locator("#result").TextContentAsync())!.ShouldContain("£2,700,000.00 paid to investors");
        await page.ShouldHaveNoViolationsAsync();

        await page.GotoAsync("/o/anytown/calculators/indexed-price");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Price of one period in the first year").FillAsync("1234.56");
        await page.GetByLabel("Years", new() { Exact = true }).FillAsync("3");
        await page.GetByLabel("By a fixed percentage each year").CheckAsync();
        await page.GetByLabel("Fixed uplift (% a year)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();
        (await page.Locator("#result").TextContentAsync())!.ShouldContain("£45,790.80 over 3 years");
        await page.ShouldHaveNoViolationsAsync();
    }
}
