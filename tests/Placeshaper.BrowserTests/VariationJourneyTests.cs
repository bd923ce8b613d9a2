using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A variation beyond the 10% limit: requested by the procurement officer, approved by the commissioner with a legal basis.</summary>
public sealed class VariationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_variation_over_ten_percent_is_requested_approved_with_a_legal_basis_and_published_as_an_OCDS_amendment()
    {
        var procurement = await fixture.SignedInPageAsync("procurement@anytown.example");
        await procurement.GotoAsync("/o/anytown/contracts?q=ANYTOWN-2025-034");
        await procurement.Locator("#register").GetByRole(AriaRole.Link, new() { Name = "ANYTOWN-2025-034" }).ClickAsync();
        await procurement.WaitForPageAsync(new Regex("/o/anytown/contracts/[0-9a-f-]{36}$"));
        await procurement.GetByRole(AriaRole.Link, new() { Name = "Request a variation" }).ClickAsync();
        await procurement.WaitForPageAsync(new Regex("/variations/new$"));
        await procurement.ShouldHaveNoViolationsAsync();
        await procurement.GetByLabel("Change of value").FillAsync("40000");
        await procurement.GetByLabel("Change of term").FillAsync("3");
        await procurement.GetByLabel("What changes").FillAsync("Responders for a second hospital discharge ward");
        await procurement.GetByRole(AriaRole.Button, new() { Name = "Request the variation" }).ClickAsync();
        await procurement.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Say why the contract needs to change, up to 2,000 characters" }).WaitForAsync();
        await procurement.ShouldHaveNoViolationsAsync();
        await procurement.GetByLabel("Why the contract needs to change").FillAsync("The ICB opened a second discharge ward");
        await procurement.GetByRole(AriaRole.Button, new() { Name = "Request the variation" }).ClickAsync();
        await procurement.WaitForPageAsync(new Regex("/variations/[0-9a-f-]{36}$"));
        var variationUrl = procurement.Url;
        (await procurement.Locator(".govuk-inset-text").TextContentAsync())!.ShouldContain("someone else approves or rejects it");

        var commissioner = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await commissioner.GotoAsync(variationUrl);
        (await commissioner.Locator("#variation-cumulative").TextContentAsync())!.ShouldContain("12.90%");
        await commissioner.ShouldHaveNoViolationsAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Approve the variation" }).ClickAsync();
        await commissioner.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("record the legal basis") }).WaitForAsync();
        await commissioner.ShouldHaveNoViolationsAsync();
        await commissioner.GetByLabel(new Regex("^Unforeseeable circumstances")).CheckAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Approve the variation" }).ClickAsync();
        await commissioner.WaitForPageAsync(new Regex("#variations$"));

        (await commissioner.Locator("#current-value").TextContentAsync())!.ShouldContain("£350,000.00");
        (await commissioner.Locator("#cumulative-change").TextContentAsync())!.ShouldContain("+£40,000.00 (12.90% of the original)");
        (await commissioner.Locator("#variations-table").TextContentAsync())!.ShouldContain("Approved");
        await commissioner.ShouldHaveNoViolationsAsync();

        var ocds = await commissioner.Context.APIRequest.GetAsync((await commissioner.Locator("#contract-ocds-link").GetAttributeAsync("href"))!);
        ocds.Status.ShouldBe(200);
        var releases = JsonDocument.Parse(await ocds.TextAsync()).RootElement.GetProperty("releases").EnumerateArray().ToList();
        var amendment = releases.Last();
        amendment.GetProperty("tag")[0].GetString().ShouldBe("contractAmendment");
        amendment.GetProperty("contracts")[0].GetProperty("value").GetProperty("amount").GetDecimal().ShouldBe(350_000m);
        amendment.GetProperty("contracts")[0].GetProperty("amendments")[0].GetProperty("rationale").GetString().ShouldBe("The ICB opened a second discharge ward");
    }
}
