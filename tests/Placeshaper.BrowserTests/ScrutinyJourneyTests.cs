using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A councillor asks officers a question about a contract, an officer answers on the record, and the councillor reads the answer and closes it.</summary>
public sealed class ScrutinyJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_councillor_raises_a_question_an_officer_answers_and_the_councillor_sees_the_answer()
    {
        var title = "Telecare waiting list " + Guid.NewGuid().ToString("N")[..6];
        var councillor = await fixture.SignedInPageAsync("councillor@anytown.example");
        await councillor.GetByRole(AriaRole.Link, new() { Name = "Scrutiny questions" }).ClickAsync();
        await councillor.WaitForPageAsync(new Regex("/o/anytown/scrutiny$"));
        await councillor.ShouldHaveNoViolationsAsync();
        await councillor.GetByRole(AriaRole.Button, new() { Name = "Ask a question" }).ClickAsync();
        await councillor.WaitForPageAsync(new Regex("/scrutiny/ask$"));
        await councillor.GetByRole(AriaRole.Button, new() { Name = "Ask the question" }).ClickAsync();
        await councillor.Locator(".govuk-error-summary").WaitForAsync();
        await councillor.ShouldHaveNoViolationsAsync();

        await councillor.GetByLabel("What is it about?").SelectOptionAsync(new SelectOptionValue { Label = "ANYTOWN-2025-034 Telecare pilot: sensors and a responder service for older people at home" });
        await councillor.GetByLabel("Title").FillAsync(title);
        await councillor.GetByLabel("Your question").FillAsync("How many residents are waiting for a telecare assessment, and for how long?");
        await councillor.GetByRole(AriaRole.Button, new() { Name = "Ask the question" }).ClickAsync();
        await councillor.WaitForPageAsync(new Regex("/o/anytown/scrutiny/[0-9a-f-]{36}$"));
        var question = councillor.Url;
        (await councillor.Locator("#status").TextContentAsync())!.Trim().ShouldBe("Open");

        var officer = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await officer.GotoAsync(question);
        await officer.ShouldHaveNoViolationsAsync();
        await officer.GetByLabel("Your answer").FillAsync("Thirty-one residents wait, for nineteen days on average; a second assessor starts next month.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Publish the answer" }).ClickAsync();
        await officer.Locator("#thread li", new() { HasText = "Thirty-one residents wait" }).WaitForAsync();

        await councillor.ReloadAsync();
        (await councillor.Locator("#thread").TextContentAsync())!.ShouldContain("Answer from Chris Commissioner");
        await councillor.ShouldHaveNoViolationsAsync();
        await councillor.GetByRole(AriaRole.Button, new() { Name = "I am satisfied: close the question" }).ClickAsync();
        await councillor.Locator("#status", new() { HasText = "Closed" }).WaitForAsync();

        await councillor.GetByRole(AriaRole.Link, new() { Name = "Committee report" }).ClickAsync();
        await councillor.WaitForPageAsync(new Regex("/scrutiny/reports/contracts/[0-9a-f-]{36}$"));
        (await councillor.Locator("#questions ~ h3", new() { HasText = title }).CountAsync()).ShouldBe(1);
        await councillor.ShouldHaveNoViolationsAsync();
    }
}
