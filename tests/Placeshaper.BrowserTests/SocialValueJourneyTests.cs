using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A council imports its social value measures, and a provider bids with a commitment counted against one.</summary>
public sealed partial class SocialValueJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_officer_imports_measures_and_a_provider_commits_against_one_in_a_bid()
    {
        var officer = await fixture.SignedInPageAsync("procurement@anytown.example");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Social value measures", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Heading, new() { Name = "PPN 002 reference" }).WaitForAsync();
        (await officer.ContentAsync()).ShouldContain("ANY-01");
        await officer.ShouldHaveNoViolationsAsync();

        await officer.GetByRole(AriaRole.Button, new() { Name = "Import measures" }).ClickAsync();
        await officer.ShouldHaveNoViolationsAsync();
        var broken = "code,theme,description,unit,proxy_value_gbp\nBR-01,Local jobs,Residents employed,people,a lot\n";
        await officer.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "broken.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(broken) });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await officer.Locator(".govuk-error-summary").GetByText("broken.csv was refused", new() { Exact = false }).WaitForAsync();
        (await officer.Locator("table").TextContentAsync())!.ShouldContain("proxy_value_gbp");
        await officer.ShouldHaveNoViolationsAsync();

        var good = "code,theme,description,unit,proxy_value_gbp\nBR-01,Local jobs,Care leavers employed on the contract,people,2100\n";
        await officer.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "measures.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await officer.GetByText("measures.csv: read 1, added 1", new() { Exact = false }).WaitForAsync();
        await officer.ShouldHaveNoViolationsAsync();

        var provider = await fixture.SignedInPageAsync("care@anytown-community-care.example");
        await provider.GetByRole(AriaRole.Link, new() { Name = "Supplier portal", Exact = true }).ClickAsync();
        await provider.GetByRole(AriaRole.Link, new() { Name = "Home care in Anytown's neighbourhoods" }).ClickAsync();
        await provider.GetByRole(AriaRole.Heading, new() { Name = "Social value measures" }).WaitForAsync();
        (await provider.ContentAsync()).ShouldContain("ANY-01: Anytown residents employed on the contract (people)");
        await provider.ShouldHaveNoViolationsAsync();
        await provider.GetByRole(AriaRole.Button, new() { NameRegex = SubmitOrReplace() }).ClickAsync();
        await provider.ShouldHaveNoViolationsAsync();

        await provider.GetByLabel("Lot 1: North neighbourhoods", new() { Exact = false }).FillAsync("20,100,000");
        foreach (var answer in await provider.Locator("textarea").AllAsync())
        {
            await answer.FillAsync("Carers recruited in the neighbourhoods they serve.");
        }

        await provider.Locator("#commitment-0-question").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await provider.Locator("#commitment-0-measureCode").SelectOptionAsync("ANY-01");
        await provider.GetByLabel("How many or how much").First.FillAsync("18");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Seal and submit your bid" }).ClickAsync();

        await provider.WaitForPageAsync("**/portal/tenders/*");
        (await provider.Locator("code").First.TextContentAsync())!.Trim().Length.ShouldBe(64);
        await provider.ShouldHaveNoViolationsAsync();
    }

    [GeneratedRegex("^(Submit a bid|Replace your bid)$")]
    private static partial Regex SubmitOrReplace();
}
