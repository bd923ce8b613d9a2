using Microsoft.Playwright;
using Placeshaper.Demo;

namespace Placeshaper.BrowserTests;

/// <summary>The key journeys in a real browser, each page checked for accessibility as it is reached.</summary>
public sealed class JourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_commissioner_signs_in_and_switches_to_a_partner_organisation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Email address").FillAsync("commissioner@anytown.example");
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForPageAsync("**/o/**");

        (await page.Locator("h1").TextContentAsync()).ShouldBe("Anytown Borough Council");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Switch organisation" }).GetByRole(AriaRole.Link, new() { Name = "Anytown Integrated Care Board" }).ClickAsync();
        await page.WaitForPageAsync("**/o/anytown-icb");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Anytown Integrated Care Board");
    }

    [Fact]
    public async Task Sign_in_errors_are_summarised_focused_and_linked_to_the_field()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await summary.WaitForAsync();
        (await page.TitleAsync()).ShouldStartWith("Error:");
        (await page.EvaluateAsync<bool>("() => document.activeElement.closest('.govuk-error-summary') !== null")).ShouldBeTrue("the error summary takes focus");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address" }).ClickAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("email");
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_thing_a_keyboard_reaches()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).ShouldBe("Skip to main content");
        await page.Keyboard.PressAsync("Enter");

        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main-content");
    }

    [Fact]
    public async Task An_administrator_adds_a_person_correcting_a_mistake_on_the_way()
    {
        var page = await fixture.SignedInPageAsync("administrator@anytown.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "People", Exact = true }).ClickAsync();
        await page.WaitForPageAsync("**/o/anytown/people");
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Email address").FillAsync("robin.reviewer@anytown.example");
        await page.GetByLabel("Full name").FillAsync("Robin Reviewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("Evaluator").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();

        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        (await page.Locator(".govuk-notification-banner__heading").TextContentAsync()).ShouldBe("robin.reviewer@anytown.example now has the role Evaluator");
        (await page.Locator("table").First.TextContentAsync())!.ShouldContain("Robin Reviewer");
    }

    [Fact]
    public async Task An_administrator_reads_the_audit_trail_and_checks_its_chain()
    {
        var page = await fixture.SignedInPageAsync("administrator@anytown.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Check the trail's hash chain" }).ClickAsync();

        (await page.Locator(".govuk-inset-text").TextContentAsync())!.ShouldContain("intact");
        (await page.Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(5);
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task A_person_creates_an_API_token_and_sees_it_once()
    {
        var page = await fixture.SignedInPageAsync("finance@anytown.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "API tokens" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByLabel("What is it for?").FillAsync("Ledger export");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        var secret = await page.Locator("#new-token").TextContentAsync();
        secret!.ShouldStartWith("ps_");
        await page.ShouldHaveNoViolationsAsync();
        await page.GotoAsync("/account/tokens");
        (await page.ContentAsync()).ShouldNotContain(secret);
        (await page.Locator("tbody").TextContentAsync())!.ShouldContain("Ledger export");
    }
}
