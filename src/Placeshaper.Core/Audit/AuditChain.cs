using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Placeshaper.Audit;

/// <summary>The hash chain of the audit trail: how an entry's hash is made, and how a whole trail is checked.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 over every field in a fixed order. Each field is written as its length, a colon and its text
    /// (a missing field as "-"), so no field can bleed into the next and no serializer's escaping rules, which
    /// could change between runtime versions, are involved. Times are truncated to whole microseconds before
    /// they are stored, the precision both databases keep.
    /// </summary>
    public static string ComputeHash(AuditEntry e)
    {
        var canonical = new StringBuilder();
        foreach (var field in new[]
        {
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.OrganisationId?.ToString("D"),
            e.ActorId?.ToString("D"),
            e.Actor,
            e.Action,
            e.EntityType,
            e.EntityId,
            e.Before,
            e.After,
            e.PreviousHash,
        })
        {
            canonical.Append(field is null ? "-" : field.Length.ToString(CultureInfo.InvariantCulture) + ":" + field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    public static DateTime TruncateToMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Creates the entry that follows <paramref name="previous"/> (sequence and hash of the chain's end).</summary>
    public static AuditEntry Append(
        (long Sequence, string Hash) previous,
        DateTime at,
        Guid? organisationId,
        Guid? actorId,
        string actor,
        string action,
        string entityType,
        string entityId,
        string? before,
        string? after)
    {
        var unhashed = new AuditEntry
        {
            Sequence = previous.Sequence + 1,
            At = TruncateToMicroseconds(at),
            OrganisationId = organisationId,
            ActorId = actorId,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before,
            After = after,
            PreviousHash = previous.Hash,
        };
        return new AuditEntry
        {
            Sequence = unhashed.Sequence,
            At = unhashed.At,
            OrganisationId = organisationId,
            ActorId = actorId,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before,
            After = after,
            PreviousHash = previous.Hash,
            Hash = ComputeHash(unhashed),
        };
    }

    /// <summary>
    /// Walks the trail in sequence order and reports the first entry that was edited, removed, inserted or moved,
    /// and whether the trail still ends where the head says it does.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSequenceOrder, AuditHead? head)
    {
        var expectedSequence = 1L;
        var previousHash = GenesisHash;
        var count = 0L;
        foreach (var entry in entriesInSequenceOrder)
        {
            if (entry.Sequence != expectedSequence)
            {
                return AuditVerification.Broken(
                    entry.Sequence,
                    entry.Sequence > expectedSequence
                        ? $"entries {expectedSequence} to {entry.Sequence - 1} are missing"
                        : $"entry {entry.Sequence} is out of order or duplicated");
            }

            if (entry.PreviousHash != previousHash)
            {
                return AuditVerification.Broken(entry.Sequence, "its link to the previous entry does not match (an entry before it was removed, reordered or edited)");
            }

            if (ComputeHash(entry) != entry.Hash)
            {
                return AuditVerification.Broken(entry.Sequence, "its content does not match its hash (it was edited)");
            }

            previousHash = entry.Hash;
            expectedSequence++;
            count++;
        }

        var lastSequence = expectedSequence - 1;
        if (head is not null && (head.LastSequence != lastSequence || head.LastHash != previousHash))
        {
            return AuditVerification.Broken(
                lastSequence + 1,
                $"the trail ends at entry {lastSequence} but its head records entry {head.LastSequence} (entries were removed from the end)");
        }

        return AuditVerification.Intact(count, previousHash);
    }
}

public sealed record AuditVerification(bool IsIntact, long Entries, string HeadHash, long? FirstBadSequence, string? Problem)
{
    public static AuditVerification Intact(long entries, string headHash) => new(true, entries, headHash, null, null);

    public static AuditVerification Broken(long sequence, string problem) => new(false, 0, "", sequence, problem);
}
