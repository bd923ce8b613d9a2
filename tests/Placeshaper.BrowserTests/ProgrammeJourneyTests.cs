using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Running a programme: starting it, turning the wheel forward and back, and a partner reading the pooled budget.</summary>
public sealed class ProgrammeJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static ILocator StageStatus(IPage page, string stage) =>
        page.Locator(".govuk-task-list__item").Filter(new() { HasText = stage }).Locator(".govuk-task-list__status");

    [Fact]
    public async Task A_commissioner_starts_a_programme_and_moves_it_forward_and_back()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Programmes", Exact = true }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a programme" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start programme" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Tackling loneliness");
        await page.GetByLabel("Anytown Integrated Care Board").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start programme" }).ClickAsync();

        await page.WaitForPageAsync("**/programmes/*");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Tackling loneliness");
        (await StageStatus(page, "Assess needs").TextContentAsync())!.Trim().ShouldBe("Active");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Move between stages" }).ClickAsync();
        await page.GetByLabel("Assess needs").UncheckAsync();
        await page.GetByLabel("Set priority outcomes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the programme" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Say why the programme is moving, for the record" }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Why is it moving?").FillAsync("Needs assessment agreed with residents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the programme" }).ClickAsync();
        await page.WaitForPageAsync("**/programmes/*");
        (await StageStatus(page, "Set priority outcomes").TextContentAsync())!.Trim().ShouldBe("Active");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move between stages" }).ClickAsync();
        await page.GetByLabel("Assess needs").CheckAsync();
        await page.GetByLabel("Why is it moving?").FillAsync("A new survey changes the picture: back to the evidence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the programme" }).ClickAsync();
        await page.WaitForPageAsync("**/programmes/*");

        var history = page.Locator("table").Last;
        (await history.Locator("tbody tr").CountAsync()).ShouldBe(3);
        (await history.Locator("tbody tr").First.TextContentAsync())!.ShouldContain("A new survey changes the picture");
        (await StageStatus(page, "Assess needs").TextContentAsync())!.Trim().ShouldBe("Active");
    }

    [Fact]
    public async Task A_partner_reads_the_pooled_budget_and_its_own_statement()
    {
        var page = await fixture.SignedInPageAsync("commissioner@anytown-icb.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Programmes", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Older people living independently" }).ClickAsync();
        (await page.ContentAsync()).ShouldNotContain("Decisions log");
        await page.GetByRole(AriaRole.Link, new() { Name = "Better Care Fund 2026/27" }).ClickAsync();

        var yours = page.Locator("tbody tr").Filter(new() { HasText = "(you)" });
        (await yours.TextContentAsync())!.ShouldContain("£7,440,000.00");
        (await yours.TextContentAsync())!.ShouldContain("£36,750.00");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).CountAsync()).ShouldBe(0, "partners read; the host records");
        await page.GetByText("How this is worked out").ClickAsync();
        (await page.Locator(".govuk-details__text").TextContentAsync())!.ShouldContain("Overspend £61,250.00");
        await page.ShouldHaveNoViolationsAsync();
    }
}
