using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Reviews;

/// <summary>
/// Clears what a review keeps of who wrote it once that has served its purpose. The hashes are unsalted, so whoever
/// reads the database could find an address or a network address again by hashing guesses; kept no longer than
/// needed, there is little to find. The network address's hash counts towards the flood rule for the day before a
/// review is confirmed, which may be up to <see cref="Review.ConfirmationLifetime"/> after it was sent; the email's
/// stops the same person reviewing the same service again within <see cref="Review.MonthsBetweenReviews"/> months.
/// Run daily with the contact email retention, and as <c>serve</c> starts; each organisation's clearing is recorded.
/// </summary>
public static class ForgetReviewers
{
    public static TimeSpan SenderKeptFor => Review.ConfirmationLifetime + TimeSpan.FromDays(2);

    /// <summary>Clears the hashes past their time, returning how many reviews changed.</summary>
    public static async Task<int> ExpiredAsync(PlaceshaperDb db, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var (senderBefore, emailBefore) = (now - SenderKeptFor, now.AddMonths(-Review.MonthsBetweenReviews));
        var reviews = db.Reviews.IgnoreQueryFilters()
            .Where(r => (r.SenderHash != "" && r.SubmittedAt < senderBefore) || (r.EmailHash != "" && r.SubmittedAt < emailBefore));
        var counts = await reviews.GroupBy(r => r.OrganisationId).Select(g => new { Organisation = g.Key, Reviews = g.Count() }).ToListAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Reviews.IgnoreQueryFilters().Where(r => r.SenderHash != "" && r.SubmittedAt < senderBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SenderHash, ""), cancellationToken);
        await db.Reviews.IgnoreQueryFilters().Where(r => r.EmailHash != "" && r.SubmittedAt < emailBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EmailHash, ""), cancellationToken);
        foreach (var count in counts)
        {
            db.RecordDecision(new AuditDecision(count.Organisation, "reviewer-hashes-forgotten", nameof(Review), "retention",
                After: string.Create(CultureInfo.InvariantCulture, $"{{\"basis\":\"retention\",\"reviews\":{count.Reviews}}}")));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts.Sum(c => c.Reviews);
    }
}
