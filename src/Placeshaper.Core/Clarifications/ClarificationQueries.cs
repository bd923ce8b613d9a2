using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Clarifications;

/// <summary>
/// What each side may read. None of these reads carries who asked: the asker's provider and person stay in the table
/// and the audit trail only.
/// </summary>
public static class ClarificationQueries
{
    /// <summary>A clarification as every bidder reads it: the published wording, the answer and when it was published.</summary>
    public sealed record Published(Guid Id, string Question, string Answer, DateTime PublishedAt);

    /// <summary>A provider's own question, in its own words, with what became of it; the decline reason is for the asker alone.</summary>
    public sealed record Mine(Guid Id, string Question, DateTime AskedAt, ClarificationStatus Status, DateTime? DecidedAt, string? DeclineReason);

    /// <summary>A clarification as the buyer's officers read it: never who asked, only whether a bidder or the buyer did.</summary>
    public sealed record ForBuyer(
        Guid Id, ClarificationStatus Status, bool FromBuyer, string Question, DateTime AskedAt, string? PublishedQuestion, string? Answer, DateTime? DecidedAt, string? DeclineReason);

    /// <summary>The tender's published clarifications, newest first.</summary>
    public static async Task<IReadOnlyList<Published>> PublishedAsync(PlaceshaperDb db, Guid tenderId, CancellationToken cancellationToken)
    {
        var rows = await db.Clarifications.AsNoTracking().Where(c => c.TenderId == tenderId && c.Status == ClarificationStatus.Answered)
            .Select(c => new Published(c.Id, c.PublishedQuestion, c.Answer, c.AnsweredAt!.Value)).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.PublishedAt).ToList();
    }

    /// <summary>The questions this provider asked about the tender, newest first.</summary>
    public static async Task<IReadOnlyList<Mine>> MineAsync(PlaceshaperDb db, Guid tenderId, Guid providerId, CancellationToken cancellationToken)
    {
        var rows = await db.Clarifications.AsNoTracking().Where(c => c.TenderId == tenderId && c.ProviderId == providerId).ToListAsync(cancellationToken);
        return rows.OrderByDescending(c => c.AskedAt).Select(OfMine).ToList();
    }

    /// <summary>One clarification a provider may read: a published one, or its own; another provider's unpublished question is not found.</summary>
    public static Task<Clarification?> FindForProviderAsync(PlaceshaperDb db, Guid tenderId, Guid providerId, Guid clarificationId, CancellationToken cancellationToken) =>
        db.Clarifications.AsNoTracking().SingleOrDefaultAsync(
            c => c.Id == clarificationId && c.TenderId == tenderId && (c.Status == ClarificationStatus.Answered || c.ProviderId == providerId), cancellationToken);

    /// <summary>Every clarification of the tender for its officers: awaiting an answer first (oldest first, as they are due), then the rest newest first.</summary>
    public static async Task<IReadOnlyList<ForBuyer>> ForBuyerAsync(PlaceshaperDb db, Guid tenderId, CancellationToken cancellationToken)
    {
        var rows = await db.Clarifications.AsNoTracking().Where(c => c.TenderId == tenderId).ToListAsync(cancellationToken);
        return rows.Where(c => c.Status == ClarificationStatus.Asked).OrderBy(c => c.AskedAt)
            .Concat(rows.Where(c => c.Status != ClarificationStatus.Asked).OrderByDescending(c => c.AnsweredAt))
            .Select(OfBuyer).ToList();
    }

    public static Task<int> AwaitingAsync(PlaceshaperDb db, Guid tenderId, CancellationToken cancellationToken) =>
        db.Clarifications.CountAsync(c => c.TenderId == tenderId && c.Status == ClarificationStatus.Asked, cancellationToken);

    public static Task<Clarification?> FindAsync(PlaceshaperDb db, Guid tenderId, Guid clarificationId, CancellationToken cancellationToken) =>
        db.Clarifications.SingleOrDefaultAsync(c => c.Id == clarificationId && c.TenderId == tenderId, cancellationToken);

    public static Published OfPublished(Clarification c) => new(c.Id, c.PublishedQuestion, c.Answer, c.AnsweredAt!.Value);

    public static Mine OfMine(Clarification c) => new(c.Id, c.Question, c.AskedAt, c.Status, c.AnsweredAt, c.Status == ClarificationStatus.Declined ? c.DeclineReason : null);

    public static ForBuyer OfBuyer(Clarification c) => new(
        c.Id, c.Status, c.IsBuyers, c.Question, c.AskedAt, c.IsPublished ? c.PublishedQuestion : null, c.IsPublished ? c.Answer : null, c.AnsweredAt,
        c.Status == ClarificationStatus.Declined ? c.DeclineReason : null);
}
