using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Reviews;

/// <summary>
/// A review keeps the hashes of who wrote it only while the review rules need them: the network address's for the
/// flood rule (until a week's confirmation and a little more have passed), the email's for one review per person per
/// service every six months. The daily retention run clears them after that, and records how many.
/// </summary>
public abstract class ReviewerRetentionTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task The_retention_run_clears_a_reviews_hashes_once_the_rules_no_longer_need_them()
    {
        app.RequireDatabase();
        var (contractId, providerId) = await app.WithDbAsync(db => db.Contracts.Where(c => c.Reference == "ANYTOWN-2025-034")
            .Select(c => new { c.Id, ProviderId = c.ProviderId!.Value }).SingleAsync().ContinueWith(t => (t.Result.Id, t.Result.ProviderId)));
        using var resident = app.Anonymous();
        var ids = new List<Guid>();
        foreach (var daysAgo in (int[])[1, 12, 200])
        {
            var email = $"retention.{daysAgo}.{Guid.NewGuid():N}@example.com";
            var body = new { providerId, contractId, quality = 4, reliability = 4, respect = 4, value = 4, comment = $"Kind and on time, every visit this winter ({Guid.NewGuid():N}).", email, acceptRules = true };
            (await resident.PostJsonAsync("/api/v1/public/orgs/anytown/reviews", body)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var id = await app.WithDbAsync(db => db.Reviews.IgnoreQueryFilters().Where(r => r.EmailHash == Placeshaper.Reviews.Review.HashEmail(email)).Select(r => r.Id).SingleAsync());
            var submitted = DateTime.UtcNow.AddDays(-daysAgo);
            await app.WithDbAsync(db => db.Reviews.IgnoreQueryFilters().Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, submitted)));
            ids.Add(id);
        }

        var run = await Infrastructure.Cli.RunAsync("intelligence", "erase-expired", "--database", app.ConnectionString);
        run.ExitCode.ShouldBe(0, run.Error);

        var kept = await app.WithDbAsync(db => db.Reviews.IgnoreQueryFilters().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, Sender = r.SenderHash != "", Email = r.EmailHash != "" }).ToListAsync());
        kept.Single(r => r.Id == ids[0]).ShouldBe(new { Id = ids[0], Sender = true, Email = true }, "a day old: both rules still need it");
        kept.Single(r => r.Id == ids[1]).ShouldBe(new { Id = ids[1], Sender = false, Email = true }, "twelve days old: past the flood rule, not the six months");
        kept.Single(r => r.Id == ids[2]).ShouldBe(new { Id = ids[2], Sender = false, Email = false }, "two hundred days old: past both");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "reviewer-hashes-forgotten"))).ShouldBeGreaterThan(0);
    }
}

public sealed class ReviewerRetentionTestsOnSqlite(SqliteApp app) : ReviewerRetentionTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class ReviewerRetentionTestsOnPostgres(PostgresApp app) : ReviewerRetentionTests<PostgresApp>(app), IClassFixture<PostgresApp>;
