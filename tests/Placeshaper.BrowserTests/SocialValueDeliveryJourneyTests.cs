using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A provider reports the social value it delivered in the portal, the contract manager verifies it, and the contract shows it delivered.</summary>
public sealed class SocialValueDeliveryJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static decimal Pounds(string? text) => decimal.Parse(text!.Trim().TrimStart('£'), NumberStyles.Number, EnGb);

    [Fact]
    public async Task A_provider_reports_volunteering_hours_the_commissioner_verifies_them_and_the_contract_shows_them_delivered()
    {
        var today = DateTime.UtcNow;
        var officer = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await officer.GotoAsync($"{fixture.App.BaseAddress}o/anytown/contracts");
        await officer.Locator("#register").GetByRole(AriaRole.Link, new() { Name = "ANYTOWN-2025-034" }).ClickAsync();
        await officer.WaitForPageAsync(new Regex("/o/anytown/contracts/[0-9a-f-]{36}$"));
        var contract = officer.Url;
        var before = Pounds(await officer.Locator("#sv-delivered").TextContentAsync());

        var provider = await fixture.SignedInPageAsync("care@anytown-community-care.example");
        await provider.GotoAsync($"{fixture.App.BaseAddress}o/anytown/portal/contracts");
        await provider.GetByRole(AriaRole.Link, new() { Name = "ANYTOWN-2025-034 Telecare pilot: sensors and a responder service for older people at home" }).ClickAsync();
        await provider.WaitForPageAsync(new Regex("/o/anytown/portal/contracts/[0-9a-f-]{36}$"));
        await provider.GetByRole(AriaRole.Link, new() { Name = "Report social value delivered" }).ClickAsync();
        await provider.WaitForPageAsync(new Regex("/social-value$"));
        await provider.ShouldHaveNoViolationsAsync();
        await provider.GetByLabel("Obligation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "ANY-03: Hours volunteered by staff with Anytown voluntary groups (300 hours committed)" });
        var start = provider.GetByRole(AriaRole.Group, new() { Name = "First day of the period" });
        await start.GetByLabel("Day").FillAsync("1");
        await start.GetByLabel("Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await start.GetByLabel("Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        var end = provider.GetByRole(AriaRole.Group, new() { Name = "Last day of the period" });
        await end.GetByLabel("Day").FillAsync(DateTime.DaysInMonth(today.Year, today.Month).ToString(CultureInfo.InvariantCulture));
        await end.GetByLabel("Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await end.GetByLabel("Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await provider.GetByLabel("Quantity delivered in the period").FillAsync("10");
        await provider.GetByLabel("What you did (optional)").FillAsync("Ten hours at the Riverside lunch club");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await provider.WaitForPageAsync(new Regex("submitted=true#reports$"));
        (await provider.Locator("#sv-reports tbody tr").First.TextContentAsync())!.ShouldContain("Waiting for verification");
        await provider.ShouldHaveNoViolationsAsync();

        await officer.GotoAsync(contract);
        (await officer.Locator("#sv-pending").TextContentAsync())!.ShouldContain("£150.00");
        await officer.ShouldHaveNoViolationsAsync();
        await officer.Locator("#sv-waiting").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^10 hours of ANY-03") }).ClickAsync();
        await officer.WaitForPageAsync(new Regex("/social-value/reports/[0-9a-f-]{36}$"));
        (await officer.Locator("#quantity").TextContentAsync())!.ShouldContain("10 hours");
        await officer.ShouldHaveNoViolationsAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Verify the report" }).ClickAsync();
        await officer.WaitForPageAsync(new Regex("#social-value$"));

        Pounds(await officer.Locator("#sv-delivered").TextContentAsync()).ShouldBe(before + 150m, "10 hours at £15 an hour");
        await officer.ShouldHaveNoViolationsAsync();
        await officer.GotoAsync($"{fixture.App.BaseAddress}o/anytown/social-value/report");
        await officer.ShouldHaveNoViolationsAsync();
    }
}
