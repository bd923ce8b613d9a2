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

    /// <summary>Clears the hashes past their time, returning how many it cleared.</summary>
    /// <remarks>
    /// Each organisation's are cleared by statements of their own, whose counts of rows changed are what is recorded:
    /// a second instance running at the same moment finds nothing left and records nothing. No transaction is held
    /// across them, so the audit's own lock is never waited for while the database's write lock is held.
    /// </remarks>
    public static async Task<int> ExpiredAsync(PlaceshaperDb db, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var (senderBefore, emailBefore) = (now - SenderKeptFor, now.AddMonths(-Review.MonthsBetweenReviews));
        var reviews = db.Reviews.IgnoreQueryFilters();
        var organisations = await reviews
            .Where(r => (r.SenderHash != "" && r.SubmittedAt < senderBefore) || (r.EmailHash != "" && r.SubmittedAt < emailBefore))
            .Select(r => r.OrganisationId).Distinct().ToListAsync(cancellationToken);
        var cleared = 0;
        foreach (var organisation in organisations)
        {
            var senders = await reviews.Where(r => r.OrganisationId == organisation && r.SenderHash != "" && r.SubmittedAt < senderBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SenderHash, ""), cancellationToken);
            var emails = await reviews.Where(r => r.OrganisationId == organisation && r.EmailHash != "" && r.SubmittedAt < emailBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.EmailHash, ""), cancellationToken);
            if (senders + emails > 0)
            {
                db.RecordDecision(new AuditDecision(organisation, "reviewer-hashes-forgotten", nameof(Review), "retention",
                    After: string.Create(CultureInfo.InvariantCulture, $"{{\"basis\":\"retention\",\"networkAddresses\":{senders},\"emails\":{emails}}}")));
                cleared += senders + emails;
            }
        }

        if (cleared > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return cleared;
    }
}
