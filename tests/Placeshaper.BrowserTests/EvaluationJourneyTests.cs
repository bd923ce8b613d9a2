using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.BrowserTests;

/// <summary>An evaluator declares, scores alone and submits; a procurement officer moderates; the ranking follows.</summary>
public sealed class EvaluationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];

    [Fact]
    public async Task A_panel_evaluates_independently_then_moderates_and_the_ranking_appears()
    {
        var title = "Befriending " + Guid.NewGuid().ToString("N")[..6];
        var (root, questions, bids) = await OpenedTenderAsync(title);
        using (var procurement = await fixture.App.ApiAsAsync("procurement@anytown.example"))
        {
            foreach (var email in new[] { "evaluator@anytown.example", "procurement@anytown.example" })
            {
                var person = await fixture.App.WithDbAsync(db => db.Users.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
                (await procurement.PostJsonAsync(root + "/evaluation/panel", new { personId = person })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            }

            (await procurement.PostJsonAsync(root + "/evaluation/declaration", new { conflict = false })).EnsureSuccessStatusCode();
            foreach (var bid in bids)
            {
                foreach (var question in questions)
                {
                    (await procurement.PutJsonAsync(root + "/evaluation/scores", new { bidId = bid, questionId = question, score = 3, reason = "Adequate evidence" })).EnsureSuccessStatusCode();
                }
            }

            (await procurement.PostAsync(new Uri(root + "/evaluation/scores/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        }

        var page = await fixture.SignedInPageAsync("evaluator@anytown.example");
        await page.GotoAsync($"{fixture.App.BaseAddress}o/anytown/tenders");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "evaluation" }).ClickAsync();
        await page.ShouldHaveNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make declaration" }).ClickAsync();
        await page.Locator(".govuk-error-summary").GetByText("Say whether you have a conflict", new() { Exact = false }).WaitForAsync();
        await page.GetByLabel("No: no personal", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make declaration" }).ClickAsync();
        (await page.ContentAsync()).ShouldContain("Scores stay hidden until every panel member has submitted: 1 of 2 so far");
        await page.ShouldHaveNoViolationsAsync();

        foreach (var bidder in new[] { "Anytown Community Care CIC", "Brightside Family Support" })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = $"Score {bidder}'s bid" }).ClickAsync();
            await page.ShouldHaveNoViolationsAsync();
            foreach (var question in questions)
            {
                await page.Locator($"#score-{question}-4").CheckAsync();
                await page.Locator($"#reason-{question}").FillAsync("Clear evidence of matching by interests");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save your scores" }).ClickAsync();
            await page.WaitForPageAsync("**/evaluation");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit your scores" }).ClickAsync();
        (await page.ContentAsync()).ShouldContain("You submitted your scores");

        var buyer = await fixture.SignedInPageAsync("procurement@anytown.example");
        await buyer.GotoAsync(page.Url);
        foreach (var bidder in new[] { "Anytown Community Care CIC", "Brightside Family Support" })
        {
            await buyer.GetByRole(AriaRole.Link, new() { Name = bidder, Exact = true }).ClickAsync();
            (await buyer.ContentAsync()).ShouldContain("Evan Evaluator: 4");
            await buyer.ShouldHaveNoViolationsAsync();
            foreach (var question in questions)
            {
                await buyer.Locator($"#score-{question}-{(bidder.StartsWith("Anytown", StringComparison.Ordinal) ? 4 : 3)}").CheckAsync();
                await buyer.Locator($"#reason-{question}").FillAsync("Agreed at moderation");
            }

            await buyer.GetByRole(AriaRole.Button, new() { Name = "Save consensus scores" }).ClickAsync();
            await buyer.WaitForPageAsync("**/evaluation");
        }

        var ranking = (await buyer.Locator("table").First.TextContentAsync())!;
        ranking.ShouldContain("Anytown Community Care CIC");
        (await buyer.Locator("tbody tr").First.TextContentAsync())!.ShouldContain("Anytown Community Care CIC");
        await buyer.ShouldHaveNoViolationsAsync();
    }

    private async Task<(string Root, string[] Questions, string[] Bids)> OpenedTenderAsync(string title)
    {
        using var api = await fixture.App.ApiAsAsync("procurement@anytown.example");
        var drafted = await (await api.PostJsonAsync("/api/v1/orgs/anytown/tenders", new { reference = "BJ-" + Guid.NewGuid().ToString("N")[..8], title, kind = "GoodsAndServices", estimatedValue = 150_000m })).ReadJsonAsync();
        var id = drafted.GetProperty("id").GetString()!;
        var root = $"/api/v1/orgs/anytown/tenders/{id}";
        (await api.PutJsonAsync(root + "/award-criteria", new
        {
            weights = new { price = 40, quality = 50, socialValue = 10 },
            questions = new object[]
            {
                new { kind = "Quality", text = "How will you match volunteers?", weight = 100, descriptors = Descriptors },
                new { kind = "SocialValue", text = "How will you involve local groups?", weight = 100, descriptors = Descriptors },
            },
        })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/lots", new { lots = Array.Empty<object>(), noLotsReason = "Small service", suitableForSme = true, suitableForVcse = true })).EnsureSuccessStatusCode();
        (await api.PutJsonAsync(root + "/timetable", new { clarificationDeadline = DateTime.UtcNow.AddDays(5), submissionDeadline = DateTime.UtcNow.AddDays(10) })).EnsureSuccessStatusCode();
        var tender = await (await api.PostAsync(new Uri(root + "/publish", UriKind.Relative), null)).ReadJsonAsync();
        string[] questions = [tender.GetProperty("questions")[0].GetProperty("id").GetString()!, tender.GetProperty("questions")[1].GetProperty("id").GetString()!];
        var bids = new List<string>();
        foreach (var (email, price) in new[] { ("care@anytown-community-care.example", 40_000m), ("hello@brightside.example", 38_000m) })
        {
            using var provider = await fixture.App.ApiAsAsync(email);
            var response = await provider.PostJsonAsync($"/api/v1/orgs/anytown/portal/tenders/{id}/bids", new
            {
                prices = new[] { new { lotId = (string?)null, price } },
                answers = questions.Select(q => new { questionId = q, text = "We match volunteers by shared interests, checked monthly." }).ToArray(),
            });
            bids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }

        await fixture.App.WithDbAsync(db => db.Tenders.Where(t => t.Id == Guid.Parse(id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.SubmissionDeadline, DateTime.UtcNow.AddMinutes(-1))));
        (await api.PostAsync(new Uri(root + "/bids/open", UriKind.Relative), null)).EnsureSuccessStatusCode();
        return (root, questions, bids.ToArray());
    }
}
