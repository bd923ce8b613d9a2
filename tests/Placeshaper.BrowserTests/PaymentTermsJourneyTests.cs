using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>The contract manager changes a contract's payment terms on the form: a mistake is shown against its field, then a new version is saved.</summary>
public sealed class PaymentTermsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_commissioner_changes_the_facilities_terms_from_next_month_and_the_earlier_versions_stay()
    {
        var next = DateTime.UtcNow.AddMonths(1);
        var officer = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await officer.GotoAsync($"{fixture.App.BaseAddress}o/anytown/contracts");
        await officer.Locator("#register").GetByRole(AriaRole.Link, new() { Name = "ANYTOWN-2023-007" }).ClickAsync();
        await officer.WaitForPageAsync(new Regex("/o/anytown/contracts/[0-9a-f-]{36}$"));
        await officer.Locator("#terms-link").ClickAsync();
        await officer.WaitForPageAsync(new Regex("/payment-terms$"));
        await officer.ShouldHaveNoViolationsAsync();
        (await officer.GetByLabel("Price of a period in the contract's first year").InputValueAsync()).ShouldBe("45000");

        var from = officer.GetByRole(AriaRole.Group, new() { Name = "First payment period the terms apply to" });
        await from.GetByLabel("Day").FillAsync("2");
        await from.GetByLabel("Month").FillAsync(next.Month.ToString(CultureInfo.InvariantCulture));
        await from.GetByLabel("Year").FillAsync(next.Year.ToString(CultureInfo.InvariantCulture));
        await officer.GetByLabel("Cap on all credits, as a percentage of the period's fixed charge").FillAsync("10");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await officer.Locator(".govuk-error-summary").WaitForAsync();
        (await officer.Locator(".govuk-error-summary").TextContentAsync())!.ShouldContain("first day");
        await officer.ShouldHaveNoViolationsAsync();

        await from.GetByLabel("Day").FillAsync("1");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await officer.WaitForPageAsync(new Regex("saved=3#versions$"));
        (await officer.Locator(".govuk-notification-banner").TextContentAsync())!.ShouldContain("Version 3 of the payment terms is saved");
        var versions = (await officer.Locator("#versions + table").TextContentAsync())!;
        versions.ShouldContain("Version 1");
        versions.ShouldContain("Version 3");
        (await officer.GetByLabel("Cap on all credits, as a percentage of the period's fixed charge").InputValueAsync()).ShouldBe("10");
        await officer.ShouldHaveNoViolationsAsync();
    }
}
