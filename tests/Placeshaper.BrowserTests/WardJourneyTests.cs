using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A councillor opens the wards list and a ward's view: its needs, contracts with their performance and ratings, spend in the ward, and open questions.</summary>
public sealed class WardJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_councillor_follows_the_contracts_delivered_in_a_ward()
    {
        var councillor = await fixture.SignedInPageAsync("councillor@anytown.example");
        await councillor.GetByRole(AriaRole.Link, new() { Name = "Wards" }).ClickAsync();
        await councillor.WaitForPageAsync(new Regex("/o/anytown/wards$"));
        await councillor.ShouldHaveNoViolationsAsync();
        await councillor.GetByRole(AriaRole.Link, new() { Name = "Castle" }).ClickAsync();
        await councillor.WaitForPageAsync(new Regex("/o/anytown/wards/E05999001$"));
        (await councillor.Locator("h1").TextContentAsync())!.Trim().ShouldBe("Castle");
        (await councillor.Locator("table[aria-labelledby=contracts]", new() { HasText = "ANYTOWN-2025-034" }).CountAsync()).ShouldBe(1);
        var spend = councillor.Locator("table[aria-labelledby=spend-providers] tr", new() { HasText = "Anytown Community Care CIC" });
        (await spend.TextContentAsync())!.ShouldContain("Across 2 wards", customMessage: "the telecare contract covers Castle and Riverside; its provider's spend is shown whole");
        (await councillor.Locator("#questions ~ ul li", new() { HasText = "Extending the facilities management contract" }).CountAsync()).ShouldBe(1);
        await councillor.ShouldHaveNoViolationsAsync();
    }
}
