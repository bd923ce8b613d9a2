using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>Bidding through the supplier portal, and the buyer's view of sealed and opened bids.</summary>
public sealed class BidJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_charity_bids_through_the_portal_gets_a_receipt_and_the_buyer_sees_only_that_a_bid_is_in()
    {
        var page = await fixture.SignedInPageAsync("hello@brightside.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Supplier portal", Exact = true }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Home care in Anytown's neighbourhoods" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit a bid" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Lot 1: North neighbourhoods", new() { Exact = false }).FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Seal and submit your bid" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByText("Enter a price greater than zero", new() { Exact = false }).WaitForAsync();
        await page.Locator(".govuk-error-summary").GetByText("Write your answer", new() { Exact = false }).First.WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();

        await page.GetByLabel("Lot 1: North neighbourhoods", new() { Exact = false }).FillAsync("19,850,000");
        foreach (var answer in await page.Locator("textarea").AllAsync())
        {
            await answer.FillAsync("Family support workers who live in the neighbourhoods they serve.");
        }

        await page.Locator("#commitment-0-question").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByLabel("What you commit to").First.FillAsync("Volunteer hours in Anytown");
        await page.GetByLabel("How many or how much").First.FillAsync("1200");
        await page.GetByLabel("Unit").First.FillAsync("hours");
        await page.Locator("#documents").SetInputFilesAsync(new FilePayload { Name = "method-statement.txt", MimeType = "text/plain", Buffer = "How we will work"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Seal and submit your bid" }).ClickAsync();

        await page.WaitForPageAsync("**/portal/tenders/*");
        var receipt = await page.Locator("code").First.TextContentAsync();
        receipt!.Trim().Length.ShouldBe(64);
        (await page.ContentAsync()).ShouldContain("nobody can read it, you included");
        await page.ShouldHaveNoViolationsAsync();

        var buyer = await fixture.SignedInPageAsync("procurement@anytown.example");
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Tenders", Exact = true }).ClickAsync();
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Home care in Anytown's neighbourhoods" }).ClickAsync();
        await buyer.GetByRole(AriaRole.Link, new() { Name = "See the bids" }).ClickAsync();
        var sealedText = (await buyer.Locator(".govuk-inset-text").TextContentAsync())!;
        sealedText.ShouldContain("bid received");
        sealedText.ShouldContain("who has bid stays hidden");
        (await buyer.ContentAsync()).ShouldNotContain("Brightside");
        await buyer.ShouldHaveNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw your bid" }).ClickAsync();
        await page.GetByText("Your bid was withdrawn", new() { Exact = false }).WaitForAsync();
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task An_evaluator_reads_the_opened_bids_of_a_closed_tender()
    {
        var page = await fixture.SignedInPageAsync("evaluator@anytown.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tenders", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Community transport for older people" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the bids" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        (await page.Locator("table").TextContentAsync())!.ShouldContain("£152,000.00");

        await page.GetByRole(AriaRole.Link, new() { Name = "Brightside Family Support" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Brightside Family Support's bid" }).WaitForAsync();
        (await page.ContentAsync()).ShouldContain("Volunteer escorts on every trip");
        await page.ShouldHaveNoViolationsAsync();
    }
}
