using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A bidder asks a question, the buyer answers it in wording that does not identify the asker, and another bidder reads it.</summary>
public sealed class ClarificationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Tender = "Home care in Anytown's neighbourhoods";

    private static async Task OpenTenderAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Supplier portal", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Tender }).ClickAsync();
    }

    [Fact]
    public async Task A_bidders_question_is_answered_in_edited_wording_and_another_bidder_reads_it_without_knowing_who_asked()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var asked = $"Cara at Anytown Community Care here: will carers' mileage be paid separately? ({marker})";
        var reworded = $"Will carers' mileage be paid separately? ({marker})";
        const string Answer = "No: include mileage in your hourly rate for each lot.";

        var provider = await fixture.SignedInPageAsync("care@anytown-community-care.example");
        await OpenTenderAsync(provider);
        await provider.GetByRole(AriaRole.Heading, new() { Name = "Questions and answers" }).WaitForAsync();
        await provider.ShouldHaveNoViolationsAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "Send your question" }).ClickAsync();
        await provider.Locator(".govuk-error-summary").GetByText("Write your question", new() { Exact = false }).WaitForAsync();
        await provider.ShouldHaveNoViolationsAsync();
        await provider.GetByLabel("Your question").FillAsync(asked);
        await provider.GetByRole(AriaRole.Button, new() { Name = "Send your question" }).ClickAsync();
        await provider.GetByText("Your question was sent", new() { Exact = false }).WaitForAsync();
        (await provider.Locator("#your-questions + ul").TextContentAsync())!.ShouldContain(asked);
        await provider.ShouldHaveNoViolationsAsync();

        var buyer = await fixture.SignedInPageAsync("procurement@anytown.example");
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Tenders", Exact = true }).ClickAsync();
        await buyer.GetByRole(AriaRole.Link, new() { Name = Tender }).ClickAsync();
        (await buyer.Locator("#clarifications").TextContentAsync())!.ShouldContain("2 questions awaiting an answer");
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Questions and answers" }).ClickAsync();
        await buyer.ShouldHaveNoViolationsAsync();
        (await buyer.ContentAsync()).ShouldNotContain("care@anytown-community-care.example");
        var card = buyer.Locator(".govuk-summary-card", new() { HasText = marker });
        await card.GetByLabel("The question as every bidder will read it").FillAsync(reworded);
        await card.GetByLabel("Answer", new() { Exact = true }).FillAsync(Answer);
        await card.GetByRole(AriaRole.Button, new() { Name = "Publish the answer to every bidder" }).ClickAsync();
        await buyer.GetByText("The answer was published to every bidder.").WaitForAsync();
        (await buyer.Locator("table").TextContentAsync())!.ShouldContain(reworded);
        await buyer.ShouldHaveNoViolationsAsync();

        var other = await fixture.SignedInPageAsync("hello@brightside.example");
        await OpenTenderAsync(other);
        var answered = other.Locator(".govuk-summary-card", new() { HasText = marker });
        (await answered.TextContentAsync())!.ShouldSatisfyAllConditions(
            text => text.ShouldContain(reworded),
            text => text.ShouldContain(Answer));
        var page = await other.ContentAsync();
        page.ShouldNotContain("Cara at Anytown Community Care");
        page.ShouldNotContain("Anytown Community Care CIC");
        await other.ShouldHaveNoViolationsAsync();
    }
}
