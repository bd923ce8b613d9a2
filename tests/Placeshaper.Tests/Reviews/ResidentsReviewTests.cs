using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Reviews;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Reviews;

/// <summary>
/// A resident reviews a service through the public API, confirms it by email, a held review is moderated, and the
/// provider replies. The public posts are rate limited to five per address, so this class, with its own app, posts five.
/// </summary>
public abstract partial class ResidentsReviewTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Public = "/api/v1/public/orgs/anytown";

    [Fact]
    public async Task A_resident_reviews_confirms_and_is_published_a_held_review_waits_for_a_moderator_and_the_provider_replies()
    {
        app.RequireDatabase();
        var (contractId, providerId) = await app.WithDbAsync(db => db.Contracts.Where(c => c.Reference == "ANYTOWN-2025-034")
            .Select(c => new { c.Id, ProviderId = c.ProviderId!.Value }).SingleAsync().ContinueWith(t => (t.Result.Id, t.Result.ProviderId)));
        using var resident = app.Anonymous();
        var before = await RatingOfAsync(resident, providerId);

        var email = $"resident.{Guid.NewGuid():N}@example.com";
        var comment = $"The responder came within twenty minutes when Mum fell. Reference {Guid.NewGuid():N}.";
        (await resident.PostJsonAsync($"{Public}/reviews", Review(providerId, contractId, comment, email))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var confirmation = await app.WithDbAsync(db => db.OutboundEmails.SingleAsync(e => e.To == email));
        confirmation.Subject.ShouldBe("Confirm your review of Anytown Community Care CIC");
        (await ReviewsAsync(resident, providerId)).ShouldNotContain(comment, customMessage: "nothing is published before the writer confirms");

        var confirmed = await (await resident.PostJsonAsync($"{Public}/reviews/confirmations", new { token = TokenIn(confirmation.Body) })).ReadJsonAsync();
        confirmed.GetProperty("status").GetString().ShouldBe(nameof(ReviewStatus.Published));
        (await ReviewsAsync(resident, providerId)).ShouldContain(comment);
        var after = await RatingOfAsync(resident, providerId);
        after.GetProperty("count").GetInt32().ShouldBe(before.GetProperty("count").GetInt32() + 1);

        var linked = $"Better than the others, compare them at www.example.com yourself. Ref {Guid.NewGuid():N}.";
        var second = $"second.{Guid.NewGuid():N}@example.com";
        (await resident.PostJsonAsync($"{Public}/reviews", Review(providerId, contractId, linked, second))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var secondEmail = await app.WithDbAsync(db => db.OutboundEmails.SingleAsync(e => e.To == second));
        var held = await (await resident.PostJsonAsync($"{Public}/reviews/confirmations", new { token = TokenIn(secondEmail.Body) })).ReadJsonAsync();
        (held.GetProperty("status").GetString(), held.GetProperty("heldBecause").GetString()).ShouldBe((nameof(ReviewStatus.HeldForModeration), "a link"));
        (await ReviewsAsync(resident, providerId)).ShouldNotContain(linked);

        var heldId = held.GetProperty("reviewId").GetString();
        using (var councillor = await app.ApiAsAsync("councillor@anytown.example"))
        {
            (await councillor.GetPathAsync("/api/v1/orgs/anytown/reviews?status=HeldForModeration")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await councillor.PostJsonAsync($"/api/v1/orgs/anytown/reviews/{heldId}/moderation", new { publish = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        var queue = await (await commissioner.GetPathAsync("/api/v1/orgs/anytown/reviews?status=HeldForModeration")).ReadJsonAsync();
        queue.EnumerateArray().ShouldContain(r => r.GetProperty("id").GetString() == heldId);
        (await (await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/reviews/{heldId}/moderation", new { publish = false })).ShouldBeProblemAsync(400))
            .GetProperty("errors").GetProperty("note")[0].GetString()!.ShouldContain("house rule");
        (await commissioner.PostJsonAsync($"/api/v1/orgs/anytown/reviews/{heldId}/moderation", new { publish = true, note = "Comparison site, not advertising" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ReviewsAsync(resident, providerId)).ShouldContain(linked);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "review-approved" && e.EntityId == heldId))).ShouldBe(1);

        // The trail can never be edited, so it keeps no hash of a resident's email or network address: unsalted, either
        // could be found again by hashing guesses (every IPv4 address takes minutes).
        var trail = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(e => e.EntityType == nameof(Review) && e.EntityId == heldId)
            .Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync());
        trail.ShouldNotBeEmpty();
        trail.Where(t => t.Contains("Hash", StringComparison.Ordinal)).ShouldBeEmpty();

        // The same person again within six months: the answer is the same, the email explains, and nothing is added.
        var shouted = email.ToUpperInvariant();
        (await resident.PostJsonAsync($"{Public}/reviews", Review(providerId, contractId, "Still excellent, still on time, still kind to my mother.", shouted)))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.EmailHash == Placeshaper.Reviews.Review.HashEmail(email)))).ShouldBe(1);
        (await app.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.To == shouted && e.Body.Contains("You have already reviewed this service")))).ShouldBe(1);

        var reviewId = confirmed.GetProperty("reviewId").GetString();
        using (var brightside = await app.ApiAsAsync("hello@brightside.example"))
        {
            (await brightside.PutJsonAsync($"/api/v1/orgs/anytown/portal/reviews/{reviewId}/reply", new { reply = "Not ours" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var provider = await app.ApiAsAsync("care@anytown-community-care.example");
        var mine = await (await provider.GetPathAsync("/api/v1/orgs/anytown/portal/reviews")).Content.ReadAsStringAsync();
        mine.ShouldContain(comment);
        mine.ShouldNotContain("@example.com", Case.Insensitive, "providers never see reviewers' addresses");
        (await (await provider.PutJsonAsync($"/api/v1/orgs/anytown/portal/reviews/{reviewId}/reply", new { reply = "" })).ShouldBeProblemAsync(400))
            .GetProperty("errors").GetProperty("reply").GetArrayLength().ShouldBe(1);
        (await provider.PutJsonAsync($"/api/v1/orgs/anytown/portal/reviews/{reviewId}/reply", new { reply = "Thank you for telling us." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ReviewsAsync(resident, providerId)).ShouldContain("Thank you for telling us.");
        (await provider.GetPathAsync("/api/v1/orgs/anytown/reviews")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static object Review(Guid providerId, Guid contractId, string comment, string email) =>
        new { providerId, contractId, quality = 5, reliability = 4, respect = 5, value = 4, comment, email, acceptRules = true };

    private static string TokenIn(string body) => Token().Match(body).Groups[1].Value;

    private static async Task<string> ReviewsAsync(HttpClient client, Guid providerId) =>
        await (await client.GetPathAsync($"{Public}/providers/{providerId}/reviews")).Content.ReadAsStringAsync();

    private static async Task<System.Text.Json.JsonElement> RatingOfAsync(HttpClient client, Guid providerId) =>
        (await (await client.GetPathAsync($"{Public}/ratings")).ReadJsonAsync()).EnumerateArray()
            .Single(p => p.GetProperty("providerId").GetString() == providerId.ToString()).GetProperty("rating");

    [GeneratedRegex("token=([0-9a-f]{64})")]
    private static partial Regex Token();
}

public sealed class ResidentsReviewTestsOnSqlite(SqliteApp app) : ResidentsReviewTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ResidentsReviewTestsOnPostgres(PostgresApp app) : ResidentsReviewTests<PostgresApp>(app), IClassFixture<PostgresApp>;
