using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Placeshaper.BrowserTests;

/// <summary>
/// A whole procurement in the browser: a buyer publishes a tender, a social enterprise (an SME) and a charity (a VCSE)
/// bid through the portal, the panel scores alone and moderates, the winner's financial standing is checked, the
/// award is decided, the losing bidder reads its assessment summary, and the contract is awarded after the standstill.
/// Only the clock is moved, in the database: past the deadline for bids, then past the standstill.
/// </summary>
public sealed partial class ProcurementJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Sme = "Anytown Community Care CIC";

    private const string Vcse = "Brightside Family Support";

    [GeneratedRegex(@"/o/anytown/tenders/[0-9a-f-]{36}(#\w+)?$")]
    private static partial Regex TenderPage();

    [Fact]
    public async Task A_tender_is_published_bid_for_by_an_sme_and_a_charity_evaluated_moderated_and_awarded_after_the_standstill()
    {
        var title = "Lunch clubs " + Guid.NewGuid().ToString("N")[..6];
        var buyer = await fixture.SignedInPageAsync("procurement@anytown.example");
        var tenderUrl = await PublishAsync(buyer, title);
        var tenderId = Guid.Parse(tenderUrl.Split('/')[^1].Split('#')[0]);

        await BidAsync("care@anytown-community-care.example", title, "40,000");
        await BidAsync("hello@brightside.example", title, "38000");
        await fixture.App.WithDbAsync(db => db.Tenders.Where(t => t.Id == tenderId).ExecuteUpdateAsync(s => s.SetProperty(t => t.SubmissionDeadline, DateTime.UtcNow.AddMinutes(-1))));

        await buyer.GotoAsync(tenderUrl);
        await buyer.GetByRole(AriaRole.Link, new() { Name = "See the bids" }).ClickAsync();
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Open the bids" }).ClickAsync();
        await buyer.WaitForPageAsync("**/bids");
        var evaluation = tenderUrl.Split('#')[0] + "/evaluation";
        await buyer.GotoAsync(evaluation);
        foreach (var person in new[] { "Evan Evaluator", "Priya Procurement" })
        {
            await buyer.GetByLabel("Appoint to the panel").SelectOptionAsync(new SelectOptionValue { Label = person });
            await buyer.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();
            await buyer.WaitForPageAsync("**/evaluation#panel");
        }

        var questions = await fixture.App.WithDbAsync(db => db.Tenders.Where(t => t.Id == tenderId).SelectMany(t => t.Questions).OrderBy(q => q.Order).Select(q => q.Id).ToListAsync());
        var evaluator = await fixture.SignedInPageAsync("evaluator@anytown.example");
        foreach (var member in new[] { evaluator, buyer })
        {
            await member.GotoAsync(evaluation);
            await member.GetByLabel("No: no personal", new() { Exact = false }).CheckAsync();
            await member.GetByRole(AriaRole.Button, new() { Name = "Make declaration" }).ClickAsync();
            await member.WaitForPageAsync("**/evaluation");
            // Quality 4 and social value 3 for the CIC; 3 and 5 for the charity, on both members' sheets.
            await ScoreAsync(member, $"Score {Sme}'s bid", questions, [4, 3], "Save your scores");
            await ScoreAsync(member, $"Score {Vcse}'s bid", questions, [3, 5], "Save your scores");
            await member.GetByRole(AriaRole.Button, new() { Name = "Submit your scores" }).ClickAsync();
            await member.GetByText("You submitted your scores", new() { Exact = false }).WaitForAsync();
        }

        await buyer.GotoAsync(evaluation);
        await ScoreAsync(buyer, Sme, questions, [4, 3], "Save consensus scores");
        await ScoreAsync(buyer, Vcse, questions, [3, 5], "Save consensus scores");

        // CIC: price 40 × 38,000 ÷ 40,000 = 38, quality 50 × 4/5 = 40, social value 10 × 3/5 = 6: 84. Charity: 40 + 30 + 10 = 80.
        var first = (await buyer.Locator("#ranking ~ table tbody tr").First.TextContentAsync())!;
        first.ShouldContain(Sme);
        first.ShouldContain("84.00");
        first.ShouldContain("Not checked");
        await buyer.ShouldHaveNoViolationsAsync();

        await buyer.GetByRole(AriaRole.Link, new() { Name = $"check {Sme}'s financial standing", Exact = true }).ClickAsync();
        await buyer.WaitForPageAsync("**/standing");
        (await buyer.ContentAsync()).ShouldContain("£90,000.00");
        await buyer.ShouldHaveNoViolationsAsync();
        await buyer.GetByLabel("Annual value to check against").FillAsync("800,000");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
        await buyer.WaitForPageAsync("**/evaluation#ranking");
        (await buyer.Locator(".govuk-warning-text").First.TextContentAsync())!.ShouldContain(Sme, customMessage: "short of £1.6m turnover, the CIC is left out");
        (await buyer.Locator("#ranking ~ table tbody tr").First.TextContentAsync())!.ShouldContain(Vcse);

        await buyer.GetByRole(AriaRole.Link, new() { Name = Sme, Exact = true }).Last.ClickAsync();
        await buyer.WaitForPageAsync("**/standing");
        await buyer.GetByLabel("Annual value to check against").FillAsync("90,000");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();
        await buyer.WaitForPageAsync("**/evaluation#ranking");
        (await buyer.Locator("#ranking ~ table tbody tr").First.TextContentAsync())!.ShouldContain("Meets");

        await buyer.GetByRole(AriaRole.Button, new() { Name = $"Decide to award Whole contract to {Sme}" }).ClickAsync();
        await buyer.WaitForPageAsync("**/evaluation#award");
        (await buyer.ContentAsync()).ShouldContain($"Award decided: {Sme}, £40,000.00");
        await buyer.ShouldHaveNoViolationsAsync();

        var charity = await fixture.SignedInPageAsync("hello@brightside.example");
        await charity.GetByRole(AriaRole.Link, new() { Name = "Supplier portal", Exact = true }).ClickAsync();
        await charity.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        (await charity.ContentAsync()).ShouldContain($"Your bid ranked 2 of 2. The contract is to be awarded to {Sme}.");
        await charity.ShouldHaveNoViolationsAsync();

        await fixture.App.WithDbAsync(db => db.AwardDecisions.Where(a => a.TenderId == tenderId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StandstillEndsOn, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)))));
        await buyer.GotoAsync(evaluation);
        await buyer.GetByRole(AriaRole.Button, new() { Name = $"Award the contract to {Sme}" }).ClickAsync();
        await buyer.WaitForPageAsync("**/evaluation#award");
        (await buyer.Locator(".govuk-tag--green", new() { HasText = "Awarded" }).CountAsync()).ShouldBe(1);
    }

    private static async Task<string> PublishAsync(IPage buyer, string title)
    {
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Tenders", Exact = true }).ClickAsync();
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Draft a tender" }).ClickAsync();
        await buyer.GetByLabel("Title").FillAsync(title);
        await buyer.GetByLabel("Goods and services", new() { Exact = true }).CheckAsync();
        await buyer.GetByLabel("Estimated value of the whole contract, including VAT").FillAsync("90000");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Draft tender" }).ClickAsync();
        await buyer.WaitForPageAsync(TenderPage());

        await buyer.GetByRole(AriaRole.Button, new() { Name = "Change award criteria" }).ClickAsync();
        string[] texts = ["How will you make lunches welcoming for people living alone?", "How will you buy food from Anytown's growers?"];
        for (var i = 0; i < texts.Length; i++)
        {
            await buyer.Locator($"#question-{i}-text").FillAsync(texts[i]);
            await buyer.Locator($"#question-{i}-weight").FillAsync("100");
            for (var s = 0; s <= 5; s++)
            {
                await buyer.Locator($"#question-{i}-descriptor-{s}").FillAsync($"Evidence at level {s}");
            }
        }

        await buyer.GetByRole(AriaRole.Button, new() { Name = "Save award criteria" }).ClickAsync();
        await buyer.WaitForPageAsync(TenderPage());
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Change lots and timetable" }).ClickAsync();
        await buyer.GetByLabel("Why not divided into lots (if it is not)").FillAsync("Four lunch clubs run as one service");
        await buyer.GetByLabel("Small and medium-sized enterprises").CheckAsync();
        await buyer.GetByLabel("Voluntary, community and social enterprises").CheckAsync();
        var deadline = DateTime.UtcNow.AddDays(40);
        await buyer.Locator("#submissionDeadline").FillAsync(deadline.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await buyer.Locator("#submissionDeadline-month").FillAsync(deadline.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await buyer.Locator("#submissionDeadline-year").FillAsync(deadline.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await buyer.Locator("#submissionTime").FillAsync("12:00");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Save lots and timetable" }).ClickAsync();
        await buyer.WaitForPageAsync(TenderPage());
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Tender documents" }).ClickAsync();
        await buyer.WaitForPageAsync("**/documents");
        await buyer.GetByLabel("Title").FillAsync("Specification");
        await buyer.GetByLabel("Specification", new() { Exact = true }).CheckAsync();
        await buyer.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "specification.txt", MimeType = "text/plain", Buffer = "Four lunch clubs, every weekday"u8.ToArray() });
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Add document" }).ClickAsync();
        await buyer.WaitForPageAsync("**/documents");
        (await buyer.Locator("table").TextContentAsync())!.ShouldContain("Specification");
        await buyer.ShouldHaveNoViolationsAsync();
        await buyer.GetByRole(AriaRole.Link, new() { Name = "Back to the tender" }).ClickAsync();
        await buyer.WaitForPageAsync(TenderPage());
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Publish tender" }).ClickAsync();
        await buyer.WaitForPageAsync(TenderPage());
        (await buyer.ContentAsync()).ShouldNotContain("Before publishing:");
        return buyer.Url;
    }

    private async Task BidAsync(string email, string title, string price)
    {
        var page = await fixture.SignedInPageAsync(email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Supplier portal", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        (await page.Locator("#documents + ul").TextContentAsync())!.ShouldContain("Specification (TXT, 1 KB)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit a bid" }).ClickAsync();
        await page.GetByLabel("Price for the whole contract, including VAT").FillAsync(price);
        foreach (var answer in await page.Locator("textarea").AllAsync())
        {
            await answer.FillAsync("Volunteers from each neighbourhood host the lunches and buy from the market.");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Seal and submit your bid" }).ClickAsync();
        await page.WaitForPageAsync("**/portal/tenders/*");
        (await page.Locator("code").First.TextContentAsync())!.Trim().Length.ShouldBe(64);
    }

    private static async Task ScoreAsync(IPage page, string link, List<Guid> questions, int[] scores, string save)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await page.WaitForPageAsync("**/evaluation/bids/*");
        for (var q = 0; q < questions.Count; q++)
        {
            await page.Locator($"#score-{questions[q]}-{scores[q]}").CheckAsync();
            await page.Locator($"#reason-{questions[q]}").FillAsync($"Scored {scores[q]} against the descriptors");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = save }).ClickAsync();
        await page.WaitForPageAsync("**/evaluation");
    }
}
