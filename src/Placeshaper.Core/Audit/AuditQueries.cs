using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Audit;

public static class AuditQueries
{
    public sealed record Row(long Sequence, DateTime At, string Actor, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

    /// <summary>An organisation's trail, newest first, optionally narrowed by action or entity type.</summary>
    public static IQueryable<Row> ForOrganisation(PlaceshaperDb db, Guid organisationId, string? action = null, string? entityType = null) =>
        Filtered(db, organisationId, action, entityType).OrderByDescending(e => e.Sequence).Select(ToRow);

    /// <summary>
    /// The same trail, read newest first in batches by sequence number, for downloads: each batch is its own short
    /// query, so neither memory nor an open reader grows with the trail, and entries added meanwhile are not repeated.
    /// </summary>
    public static async IAsyncEnumerable<Row> AllForOrganisationAsync(
        PlaceshaperDb db, Guid organisationId, string? action, string? entityType, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int batch = 2000;
        long? before = null;
        while (true)
        {
            var query = Filtered(db, organisationId, action, entityType);
            if (before is { } sequence)
            {
                query = query.Where(e => e.Sequence < sequence);
            }

            var rows = await query.OrderByDescending(e => e.Sequence).Take(batch).Select(ToRow).ToListAsync(cancellationToken);
            foreach (var row in await SealBidsAsync(db, rows, cancellationToken))
            {
                yield return row;
            }

            if (rows.Count < batch)
            {
                yield break;
            }

            before = rows[^1].Sequence;
        }
    }

    /// <summary>
    /// The rows as a reader of the trail may see them: an entry about a bid whose tender's deadline has not passed says
    /// neither who did it nor what it holds, since before the deadline nobody may learn who has bid (ADR 0018), and
    /// the trail records the bidder as actor and the provider in what changed. What is stored is untouched, so the
    /// chain still verifies; once the deadline passes the entries read in full. An officer's refused attempt to read a
    /// sealed bid names the officer and never the bidder, so it stays as it is (the bidder's own attempt is recorded
    /// apart, <see cref="Bids.SealedBids.OwnBidReadRefused"/>, and sealed). An entry about a bid that cannot be found
    /// is sealed too: when in doubt, nothing is told.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> SealBidsAsync(PlaceshaperDb db, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var bids = rows.Where(AboutABid).Select(r => Guid.TryParse(r.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (!rows.Any(AboutABid))
        {
            return rows;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var deadlines = await db.Bids.IgnoreQueryFilters().AsNoTracking()
            .Where(b => bids.Contains(b.Id))
            .Join(db.Tenders.IgnoreQueryFilters(), b => b.TenderId, t => t.Id, (b, t) => new { b.Id, t.SubmissionDeadline })
            .ToListAsync(cancellationToken);
        var open = deadlines.Where(d => d.SubmissionDeadline is { } deadline && now >= deadline).Select(d => d.Id).ToHashSet();
        var sealedUntil = deadlines.Where(d => !open.Contains(d.Id)).ToDictionary(d => d.Id, d => d.SubmissionDeadline);
        return rows.Select(r => !AboutABid(r) || (Guid.TryParse(r.EntityId, out var id) && open.Contains(id)) ? r
            : Sealed(r, Guid.TryParse(r.EntityId, out var bid) && sealedUntil.TryGetValue(bid, out var deadline) ? deadline : null)).ToList();
    }

    /// <summary>What the sealed entry shows in place of its actor and its contents.</summary>
    public const string SealedActor = "a bidder (sealed until the deadline)";

    private static bool AboutABid(Row row) => row.EntityType == nameof(Bids.Bid) && row.Action != "sealed-bid-read-refused";

    /// <remarks>
    /// The hash goes too: what it covers (who acted, a status, a time next to the entry's own) is guessable enough to
    /// be confirmed by hashing guesses, and a reader cannot check a sealed row against it anyway.
    /// </remarks>
    private static Row Sealed(Row row, DateTime? deadline) => row with
    {
        Actor = SealedActor,
        Before = null,
        Hash = "",
        After = System.Text.Json.JsonSerializer.Serialize(new
        {
            @sealed = deadline is { } at
                ? $"Who bid and what changed are hidden until the deadline for bids, {at.ToLocalUkTime()}."
                : "Who bid and what changed are hidden until the tender's deadline for bids.",
        }),
    };

    /// <summary>The actions and entity types in an organisation's trail, for choosing a filter.</summary>
    public static async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes)> FilterChoicesAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == organisationId);
        var actions = await entries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var types = await entries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        return (actions, types);
    }

    private static readonly System.Linq.Expressions.Expression<Func<AuditEntry, Row>> ToRow =
        e => new Row(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash);

    private static IQueryable<AuditEntry> Filtered(PlaceshaperDb db, Guid organisationId, string? action, string? entityType)
    {
        var query = db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == organisationId);
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(e => e.EntityType == entityType);
        }

        return query;
    }

    /// <summary>Checks the whole installation's chain, reading it in batches so memory stays flat.</summary>
    public static async Task<AuditVerification> VerifyAsync(PlaceshaperDb db, CancellationToken cancellationToken = default)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return AuditChain.Verify(ReadAll(db, cancellationToken).ToBlockingEnumerable(cancellationToken), head);
    }

    private static async IAsyncEnumerable<AuditEntry> ReadAll(PlaceshaperDb db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int batch = 5000;
        var after = 0L;
        while (true)
        {
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(batch)
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                yield return entry;
            }

            if (entries.Count < batch)
            {
                yield break;
            }

            after = entries[^1].Sequence;
        }
    }
}
