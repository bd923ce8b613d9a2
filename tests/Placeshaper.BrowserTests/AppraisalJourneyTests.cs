using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Appraising delivery models: criteria, options, scores, the ranking and its robustness, the decision and the business case.</summary>
public sealed class AppraisalJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_commissioner_appraises_two_models_records_the_decision_and_reads_the_business_case()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Programmes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Older people living independently" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start an options appraisal" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Reablement delivery models");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start appraisal" }).ClickAsync();
        await page.WaitForPageAsync("**/appraisals/*");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Change criteria and weights" }).ClickAsync();
        await page.Locator("#criteria-0-weight").FillAsync("40");
        await page.Locator("#criteria-1-weight").FillAsync("60");
        for (var i = 2; i < 8; i++)
        {
            await page.Locator($"#criteria-{i}-name").FillAsync("");
        }

        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save criteria and weights" }).ClickAsync();
        await page.WaitForPageAsync("**/appraisals/*#criteria");

        await AddOptionAsync(page, "In-house as now", (5, "Costs rise with agency staff"), (8, "Experienced team"));
        await AddOptionAsync(page, "Commission the voluntary and community sector", (9, "Lower overheads"), (6, "Variable across providers"));

        // In-house (40×5 + 60×8)/10 = 68; voluntary sector (40×9 + 60×6)/10 = 72.
        var ranking = page.Locator("table").First;
        (await ranking.Locator("tbody tr").Nth(0).TextContentAsync())!.ShouldContain("68.00");
        (await ranking.Locator("tbody tr").Nth(1).TextContentAsync())!.ShouldContain("72.00");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "How robust is the ranking?" }).CountAsync()).ShouldBe(1);
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await page.GetByLabel("Commission the voluntary and community sector").CheckAsync();
        await page.Locator("#decidedOn").FillAsync("2");
        await page.Locator("#decidedOn-month").FillAsync("11");
        await page.Locator("#decidedOn-year").FillAsync("2026");
        await page.GetByLabel("Who decided?").FillAsync("Cabinet");
        await page.GetByLabel("Reasons for the decision").FillAsync("Best weighted score");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByText("Agree the exit strategy before the decision", new() { Exact = false }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the appraisal" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the exit strategy" }).ClickAsync();
        await page.GetByLabel("Exit strategy").FillAsync("Break at year 3; staff transfer back in-house under TUPE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await page.GetByLabel("Commission the voluntary and community sector").CheckAsync();
        await page.Locator("#decidedOn").FillAsync("2");
        await page.Locator("#decidedOn-month").FillAsync("11");
        await page.Locator("#decidedOn-year").FillAsync("2026");
        await page.GetByLabel("Who decided?").FillAsync("Cabinet");
        await page.GetByLabel("Reasons for the decision").FillAsync("Best weighted score");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        await page.GetByText("Decided: Commission the voluntary and community sector").WaitForAsync();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Add an option" }).CountAsync()).ShouldBe(0, "a decided appraisal is the business case and does not change");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Business case", Exact = true }).ClickAsync();
        (await page.Locator("h1").TextContentAsync())!.ShouldContain("Business case: Reablement delivery models");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_sroi_calculator_shows_its_working()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Calculators", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Social return on investment" }).ClickAsync();
        await page.GetByLabel("Investment").FillAsync("100000");
        await page.Locator("#outcome-0-name").FillAsync("Fewer GP visits");
        await page.Locator("#outcome-0-annualValue").FillAsync("50000");
        await page.Locator("#outcome-0-years").FillAsync("3");
        await page.Locator("#outcome-0-deadweight").FillAsync("20");
        await page.Locator("#outcome-0-displacement").FillAsync("5");
        await page.Locator("#outcome-0-attribution").FillAsync("10");
        await page.Locator("#outcome-0-dropOff").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculate" }).ClickAsync();

        (await page.Locator("#result").TextContentAsync())!.ShouldContain("£74,339.15");
        (await page.Locator("#result").TextContentAsync())!.ShouldContain("0.7434");
        (await page.GetByText("Year 1 impact: £50,000.00 × (1 − 0.2) × (1 − 0.05) × (1 − 0.1) = £34,200.00").CountAsync()).ShouldBe(1);
        await page.ShouldHaveNoViolationsAsync();
    }

    private static async Task AddOptionAsync(IPage page, string model, (int Score, string Why) cost, (int Score, string Why) quality)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an option" }).ClickAsync();
        await page.GetByLabel(model, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
        await page.WaitForPageAsync("**/options/*");
        await page.Locator("input[name='Scores[0].Score']").FillAsync(cost.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("textarea[name='Scores[0].Rationale']").FillAsync(cost.Why);
        await page.Locator("input[name='Scores[1].Score']").FillAsync(quality.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("textarea[name='Scores[1].Rationale']").FillAsync(quality.Why);
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();
        await page.WaitForPageAsync("**/appraisals/*#options");
    }
}
