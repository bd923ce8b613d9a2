using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A provider reports a KPI value in the portal, the contract manager approves it and the period's payment is worked out.</summary>
public sealed class ContractDeliveryJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_provider_reports_a_value_the_commissioner_approves_it_and_the_payment_shows_its_working()
    {
        var month = DateTime.UtcNow;
        var provider = await fixture.SignedInPageAsync("bids@northgate-facilities.example");
        await provider.GotoAsync($"{fixture.App.BaseAddress}o/anytown/portal/contracts");
        await provider.GetByRole(AriaRole.Link, new() { Name = "ANYTOWN-2023-007 Cleaning and maintenance of council buildings" }).ClickAsync();
        await provider.WaitForPageAsync(new Regex("/o/anytown/portal/contracts/[0-9a-f-]{36}$"));
        await provider.ShouldHaveNoViolationsAsync();
        await provider.GetByLabel("KPI", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "KPI 2: Planned maintenance tasks completed in the month they were due (monthly, % of tasks)" });
        var period = provider.GetByRole(AriaRole.Group, new() { Name = "First day of the period" });
        await period.GetByLabel("Day").FillAsync("1");
        await period.GetByLabel("Month").FillAsync(month.Month.ToString(CultureInfo.InvariantCulture));
        await period.GetByLabel("Year").FillAsync(month.Year.ToString(CultureInfo.InvariantCulture));
        await provider.GetByLabel("Value", new() { Exact = true }).FillAsync("85");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Send the value" }).ClickAsync();
        await provider.WaitForPageAsync(new Regex("submitted=true#values$"));
        (await provider.Locator("#observations tbody tr").First.TextContentAsync())!.ShouldContain("Waiting for approval");
        await provider.ShouldHaveNoViolationsAsync();

        var officer = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await officer.GotoAsync($"{fixture.App.BaseAddress}o/anytown/contracts");
        await officer.Locator("#register").GetByRole(AriaRole.Link, new() { Name = "ANYTOWN-2023-007" }).ClickAsync();
        await officer.WaitForPageAsync(new Regex("/o/anytown/contracts/[0-9a-f-]{36}$"));
        var contract = officer.Url;
        await officer.ShouldHaveNoViolationsAsync();
        await officer.Locator("#waiting-values").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^KPI 2, .*: 85 % of tasks$") }).ClickAsync();
        await officer.WaitForPageAsync(new Regex("/observations/[0-9a-f-]{36}$"));
        (await officer.Locator("#value").TextContentAsync())!.ShouldContain("85 % of tasks");
        await officer.ShouldHaveNoViolationsAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Approve the value" }).ClickAsync();
        await officer.WaitForPageAsync(new Regex("#performance$"));
        (await officer.Locator("#ratings").TextContentAsync())!.ShouldContain("requires improvement");

        await officer.GotoAsync($"{contract}/payments/{month:yyyy-MM}-01");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Calculate the payment" }).ClickAsync();
        await officer.WaitForPageAsync(new Regex($"/payments/{month:yyyy-MM}-01$"));
        var working = (await officer.Locator("#working-1").TextContentAsync())!;
        working.ShouldContain("terms version 2");
        working.ShouldContain("Worse than the minimum of 90: the KPI's full 3%");
        working.ShouldContain("Due: £");
        await officer.ShouldHaveNoViolationsAsync();
    }
}
