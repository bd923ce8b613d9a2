using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Audit;

public static class AuditQueries
{
    public sealed record Row(long Sequence, DateTime At, string Actor, string Action, string EntityType, string EntityId, string? Before, string? After, string Hash);

    /// <summary>An organisation's trail, newest first, optionally narrowed by action or entity type.</summary>
    public static IQueryable<Row> ForOrganisation(PlaceshaperDb db, Guid organisationId, string? action = null, string? entityType = null)
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

        return query.OrderByDescending(e => e.Sequence)
            .Select(e => new Row(e.Sequence, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.Before, e.After, e.Hash));
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
