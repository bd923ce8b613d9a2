using System.Text.Json;
using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Reviews;

/// <summary>A moderator's decision and a provider's reply, each on the audit trail; null when the review is not the organisation's.</summary>
public static class ReviewDecisions
{
    public static async Task<Result<Review>?> ModerateAsync(PlaceshaperDb db, Guid organisationId, Guid reviewId, bool publish, string? note, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.FindAsync([reviewId], cancellationToken);
        if (review is null || review.OrganisationId != organisationId)
        {
            return null;
        }

        var before = review.Status;
        var moderated = review.Moderate(publish, note, db.Clock.GetUtcNow().UtcDateTime);
        if (moderated.Succeeded)
        {
            db.RecordDecision(new AuditDecision(organisationId, publish ? "review-approved" : "review-rejected", nameof(Review), review.Id.ToString(),
                Before: JsonSerializer.Serialize(new { status = before.ToString() }),
                After: JsonSerializer.Serialize(new { status = review.Status.ToString(), note = review.ModerationNote })));
            await db.SaveChangesAsync(cancellationToken);
        }

        return moderated;
    }

    public static async Task<Result<Review>?> ReplyAsync(PlaceshaperDb db, Guid organisationId, Guid providerId, Guid reviewId, string? reply, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.FindAsync([reviewId], cancellationToken);
        if (review is null || review.OrganisationId != organisationId || review.ProviderId != providerId)
        {
            return null;
        }

        var replied = review.ReplyAsProvider(providerId, reply, db.Clock.GetUtcNow().UtcDateTime);
        if (replied.Succeeded)
        {
            db.RecordDecision(new AuditDecision(organisationId, "review-replied", nameof(Review), review.Id.ToString(), After: JsonSerializer.Serialize(new { reply = review.Reply })));
            await db.SaveChangesAsync(cancellationToken);
        }

        return replied;
    }
}
