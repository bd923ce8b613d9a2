using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A charity registers to bid without being invited; a procurement officer adds it to the register; it can then bid.</summary>
public sealed class SupplierRegistrationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_charity_registers_itself_and_an_officer_adds_it_to_the_register_so_it_reaches_the_portal()
    {
        var name = "Riverside Men's Shed " + Guid.NewGuid().ToString("N")[..6];
        var email = $"shed.{Guid.NewGuid():N}@mens-shed.example";
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync($"{fixture.App.BaseAddress}suppliers/anytown/register");
        await visitor.ShouldHaveNoViolationsAsync();
        await visitor.GetByLabel("Your name").FillAsync("Sam Shed");
        await visitor.GetByLabel("Your email address").FillAsync(email);
        await visitor.GetByLabel("Choose a password").FillAsync("sawdust and tea");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await visitor.Locator(".govuk-error-summary").WaitForAsync();
        (await visitor.Locator(".govuk-error-summary").TextContentAsync())!.ShouldContain("legal form", Case.Insensitive);
        await visitor.ShouldHaveNoViolationsAsync();

        await visitor.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await visitor.GetByLabel("Charity", new() { Exact = true }).CheckAsync();
        await visitor.GetByLabel("Choose a password").FillAsync("sawdust and tea");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await visitor.GetByRole(AriaRole.Heading, new() { Name = "Registration received" }).WaitForAsync();
        await visitor.ShouldHaveNoViolationsAsync();

        var officer = await fixture.SignedInPageAsync("procurement@anytown.example");
        await officer.GotoAsync($"{fixture.App.BaseAddress}o/anytown/providers");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Suppliers' registrations" }).ClickAsync();
        await officer.WaitForPageAsync("**/providers/registrations");
        await officer.ShouldHaveNoViolationsAsync();
        var card = officer.Locator(".govuk-summary-card", new() { HasText = name });
        await card.GetByLabel("Add it to the register as a new provider").CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }).ClickAsync();
        await officer.WaitForPageAsync("**/providers/registrations");
        (await officer.Locator(".govuk-summary-list").Last.TextContentAsync())!.ShouldContain(name);

        var supplier = await fixture.NewPageAsync();
        await supplier.GotoAsync("/sign-in");
        await supplier.GetByLabel("Email address").FillAsync(email);
        await supplier.GetByLabel("Password").FillAsync("sawdust and tea");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await supplier.WaitForPageAsync("**/o/anytown");
        await supplier.GetByRole(AriaRole.Link, new() { Name = "Supplier portal", Exact = true }).ClickAsync();
        await supplier.WaitForPageAsync("**/o/anytown/portal");
        await supplier.ShouldHaveNoViolationsAsync();
    }
}
