using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>A resident reviews the telecare service, confirms by email, a moderator publishes it, and the commissioner reads it beside the contract's KPIs.</summary>
public sealed partial class ReviewJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_resident_writes_and_confirms_a_review_a_moderator_publishes_it_and_it_shows_on_the_contract()
    {
        var mark = Guid.NewGuid().ToString("N")[..8];
        var comment = $"The responder came quickly every time. Their leaflet at www.example.org explains it well. ({mark})";
        var email = $"resident.{mark}@example.com";

        var resident = await fixture.NewPageAsync();
        await resident.GotoAsync("/reviews/anytown");
        await resident.ShouldHaveNoViolationsAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "Anytown Community Care CIC" }).ClickAsync();
        await resident.WaitForPageAsync(new Regex("/reviews/anytown/providers/[0-9a-f-]{36}$"));
        await resident.ShouldHaveNoViolationsAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Write a review" }).ClickAsync();
        await resident.WaitForPageAsync(new Regex("/write$"));

        await resident.GetByRole(AriaRole.Button, new() { Name = "Send review" }).ClickAsync();
        await resident.Locator(".govuk-error-summary").WaitForAsync();
        (await resident.Locator(".govuk-error-summary").TextContentAsync())!.ShouldContain("Rate quality from 1 to 5 stars");
        await resident.ShouldHaveNoViolationsAsync();

        foreach (var (dimension, stars) in new[] { ("Quality:", "5 stars – excellent"), ("Reliability:", "4 stars – good"), ("Respect:", "5 stars – excellent"), ("Value:", "4 stars – good") })
        {
            await resident.Locator("fieldset", new() { HasText = dimension }).GetByLabel(stars).CheckAsync();
        }

        await resident.GetByLabel("Your review", new() { Exact = true }).FillAsync(comment);
        await resident.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await resident.GetByLabel("My review is about my own experience and keeps the house rules").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send review" }).ClickAsync();
        await resident.GetByRole(AriaRole.Heading, new() { Name = "Check your email" }).WaitForAsync();

        var body = await fixture.App.WithDbAsync(db => db.OutboundEmails.Where(e => e.To == email).Select(e => e.Body).SingleAsync());
        var link = ConfirmLink().Match(body).Value;
        link.ShouldNotBeEmpty();
        await resident.GotoAsync(link);
        await resident.ShouldHaveNoViolationsAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "Publish my review" }).ClickAsync();
        await resident.GetByRole(AriaRole.Heading, new() { Name = "Thank you for confirming" }).WaitForAsync();

        var moderator = await fixture.SignedInPageAsync("commissioner@anytown.example");
        await moderator.GetByRole(AriaRole.Link, new() { Name = "Residents' reviews" }).ClickAsync();
        await moderator.WaitForPageAsync(new Regex("/o/anytown/reviews$"));
        await moderator.ShouldHaveNoViolationsAsync();
        var card = moderator.Locator(".govuk-summary-card", new() { HasText = mark });
        (await card.TextContentAsync())!.ShouldContain("Held because: a link");
        await card.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await moderator.WaitForPageAsync(new Regex("/o/anytown/reviews$"));
        (await moderator.Locator(".govuk-summary-card", new() { HasText = mark }).Locator("button", new() { HasText = "Remove" }).CountAsync()).ShouldBe(1, "now among the published");

        await moderator.GotoAsync("/o/anytown/contracts");
        await moderator.Locator("#register").GetByRole(AriaRole.Link, new() { Name = "ANYTOWN-2025-034" }).ClickAsync();
        await moderator.WaitForPageAsync(new Regex("/o/anytown/contracts/[0-9a-f-]{36}$"));
        var ratings = await moderator.Locator("#residents-ratings ~ .govuk-inset-text", new() { HasText = mark }).TextContentAsync();
        ratings!.ShouldContain("4.50 out of 5");
        await moderator.ShouldHaveNoViolationsAsync();

        await resident.GotoAsync("/reviews/anytown");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Anytown Community Care CIC" }).ClickAsync();
        await resident.Locator(".govuk-summary-card", new() { HasText = mark }).WaitForAsync();

        // The service's own page, and the house rules, are public and axe-clean too.
        await resident.Locator("#services ~ table").GetByRole(AriaRole.Link).First.ClickAsync();
        await resident.WaitForPageAsync(new Regex(@"/reviews/anytown/providers/[0-9a-f-]{36}\?service=[0-9a-f-]{36}$"));
        await resident.Locator(".govuk-summary-card", new() { HasText = mark }).WaitForAsync();
        await resident.ShouldHaveNoViolationsAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "House rules for reviews" }).ClickAsync();
        await resident.WaitForPageAsync(new Regex("/reviews/anytown/house-rules$"));
        await resident.ShouldHaveNoViolationsAsync();
    }

    [GeneratedRegex(@"http\S+/reviews/anytown/confirm\?token=[0-9a-f]{64}")]
    private static partial Regex ConfirmLink();
}
