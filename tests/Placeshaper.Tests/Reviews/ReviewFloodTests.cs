using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Reviews;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Reviews;

/// <summary>
/// Issue 8, bad input: a flood of reviews for one provider, or from one network address, in a day is held and flagged to
/// the moderators with its reason, and posting more than the public forms allow is throttled. The public posts are
/// rate limited to five per address, so this class, with its own app, posts six: the sixth is refused.
/// </summary>
public abstract partial class ReviewFloodTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Public = "/api/v1/public/orgs/anytown";

    [Fact]
    public async Task A_flood_for_one_provider_or_from_one_address_is_held_for_moderators_with_its_reason_and_more_posts_are_throttled()
    {
        app.RequireDatabase();
        var brightside = await ServiceAsync("ANYTOWN-2025-021");
        var telecare = await ServiceAsync("ANYTOWN-2025-034");
        var anytown = await app.OrganisationIdAsync("anytown");
        var hourAgo = DateTime.UtcNow.AddHours(-1);

        // Ten reviews of Brightside in the last day, each from a different address.
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < WriteReview.FloodPerProviderPerDay; i++)
            {
                db.Reviews.Add(Placeshaper.Reviews.Review.Submit(anytown, Input(brightside, $"flood.{i}.{Guid.NewGuid():N}@example.com"), $"192.0.2.{i + 1}", hourAgo).Review);
            }

            return await db.SaveChangesAsync();
        });

        using var resident = app.Anonymous();
        var first = await WriteAndConfirmAsync(resident, brightside, $"one.{Guid.NewGuid():N}@example.com");
        (first.GetProperty("status").GetString(), first.GetProperty("heldBecause").GetString())
            .ShouldBe((nameof(ReviewStatus.HeldForModeration), $"more than {WriteReview.FloodPerProviderPerDay} reviews of this provider in a day"));

        // Two more reviews from this resident's address in the day: the next one from it is the fourth, and held.
        var firstId = first.GetProperty("reviewId").GetString()!;
        var sender = await app.WithDbAsync(db => db.Reviews.IgnoreQueryFilters().Where(r => r.Id == Guid.Parse(firstId)).Select(r => r.SenderHash).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < WriteReview.FloodPerSenderPerDay - 1; i++)
            {
                var (review, _) = Placeshaper.Reviews.Review.Submit(anytown, Input(telecare, $"same.{i}.{Guid.NewGuid():N}@example.com"), "203.0.113.9", hourAgo);
                db.Reviews.Add(review);
                db.Entry(review).Property(r => r.SenderHash).CurrentValue = sender;
            }

            return await db.SaveChangesAsync();
        });
        var fourth = await WriteAndConfirmAsync(resident, telecare, $"four.{Guid.NewGuid():N}@example.com");
        (fourth.GetProperty("status").GetString(), fourth.GetProperty("heldBecause").GetString())
            .ShouldBe((nameof(ReviewStatus.HeldForModeration), $"more than {WriteReview.FloodPerSenderPerDay} reviews from one network address in a day"));

        // Both wait in the moderators' queue, flagged with why.
        using var commissioner = await app.ApiAsAsync("commissioner@anytown.example");
        var queue = await (await commissioner.GetPathAsync("/api/v1/orgs/anytown/reviews?status=HeldForModeration")).Content.ReadAsStringAsync();
        queue.ShouldContain(firstId);
        queue.ShouldContain(fourth.GetProperty("reviewId").GetString()!);
        queue.ShouldContain("reviews of this provider in a day");
        queue.ShouldContain("reviews from one network address in a day");

        // Four posts so far from this address; the fifth is let through, the sixth throttled.
        (await resident.PostJsonAsync($"{Public}/reviews", new { providerId = telecare.ProviderId })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await resident.PostJsonAsync($"{Public}/reviews", new { providerId = telecare.ProviderId })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private async Task<(Guid ContractId, Guid ProviderId)> ServiceAsync(string reference)
    {
        var found = await app.WithDbAsync(db => db.Contracts.IgnoreQueryFilters().Where(c => c.Reference == reference).Select(c => new { c.Id, ProviderId = c.ProviderId!.Value }).SingleAsync());
        return (found.Id, found.ProviderId);
    }

    private static Placeshaper.Reviews.Review.Input Input((Guid ContractId, Guid ProviderId) service, string email) =>
        new(service.ProviderId, service.ContractId, new ReviewRatings(4, 4, 4, 4), "Kind staff who arrived on time and did what they said they would.", null, email, true);

    private async Task<System.Text.Json.JsonElement> WriteAndConfirmAsync(HttpClient resident, (Guid ContractId, Guid ProviderId) service, string email)
    {
        (await resident.PostJsonAsync($"{Public}/reviews", new
        {
            providerId = service.ProviderId,
            contractId = service.ContractId,
            quality = 4,
            reliability = 4,
            respect = 5,
            value = 4,
            comment = "Reliable visits and a friendly team who listen to what we need.",
            email,
            acceptRules = true,
        })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await app.WithDbAsync(db => db.OutboundEmails.Where(e => e.To == email).Select(e => e.Body).SingleAsync());
        var confirmed = await resident.PostJsonAsync($"{Public}/reviews/confirmations", new { token = Token().Match(body).Groups[1].Value });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        return await confirmed.ReadJsonAsync();
    }

    [GeneratedRegex("token=([0-9a-f]{64})")]
    private static partial Regex Token();
}

public sealed class ReviewFloodTestsOnSqlite(SqliteApp app) : ReviewFloodTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ReviewFloodTestsOnPostgres(PostgresApp app) : ReviewFloodTests<PostgresApp>(app), IClassFixture<PostgresApp>;
