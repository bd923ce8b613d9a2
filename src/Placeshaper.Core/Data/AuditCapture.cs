using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Placeshaper.Audit;
using Placeshaper.Organisations;

namespace Placeshaper.Data;

/// <summary>Turns the change tracker's pending changes into audit records: what changed, from what, to what.</summary>
internal static class AuditCapture
{
    /// <summary>
    /// Secrets, bookkeeping and members of the public's personal data, none of which may be copied into a trail that
    /// can never be edited (a resident's contact email must be erasable on request). A reviewer's email and network
    /// address are kept only as unsalted hashes, which hashing guesses would undo (every IPv4 address in minutes).
    /// </summary>
    private static readonly HashSet<string> Unrecorded = new(StringComparer.Ordinal)
    {
        "Envelope", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SecretHash", "NormalizedEmail", "NormalizedUserName", "ContactEmail",
        "EmailHash", "SenderHash", "ConfirmationTokenHash",
    };

    public sealed record Change(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, Dictionary<string, object?>? After)
    {
        public AuditDecision ToDecision() => new(
            OrganisationOf(Entry),
            Action,
            Entry.Metadata.ClrType.Name,
            KeyOf(Entry),
            Before is null ? null : Serialize(Before),
            After is null ? null : Serialize(After));
    }

    public static List<Change> Collect(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            // Identity's stored tokens (authenticator keys, recovery codes) are secrets through and through.
            // Bulk reference data (postcodes) is audited once per import, with the file's checksum, not row by row.
            // Spend suppliers are derived data, rebuilt from the payments; each rebuild is one audited decision.
            // Spend category suggestions are derived from an import's lines, which is audited once; accepting one
            // makes a mapping, which is audited.
            if (entry.Entity is AuditEntry or AuditHead or Microsoft.AspNetCore.Identity.IdentityUserToken<Guid> or Areas.ReferencePostcode or Spend.SpendSupplier
                or Spend.SpendCategorySuggestion)
            {
                continue;
            }

            // Files (byte arrays) are never copied either: an entity holding one records its SHA-256 beside it.
            var recorded = entry.Properties
                .Where(p => !Unrecorded.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty() && p.Metadata.ClrType != typeof(byte[]))
                .ToList();
            switch (entry.State)
            {
                case EntityState.Added:
                    changes.Add(new Change(entry, "created", null, recorded.ToDictionary(p => p.Metadata.Name, p => Plain(p.CurrentValue))));
                    break;
                case EntityState.Deleted:
                    changes.Add(new Change(entry, "deleted", recorded.ToDictionary(p => p.Metadata.Name, p => Plain(p.OriginalValue)), null));
                    break;
                case EntityState.Modified:
                    var modified = recorded.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (modified.Count > 0)
                    {
                        changes.Add(new Change(
                            entry,
                            "updated",
                            modified.ToDictionary(p => p.Metadata.Name, p => Plain(p.OriginalValue)),
                            modified.ToDictionary(p => p.Metadata.Name, p => Plain(p.CurrentValue))));
                    }

                    break;
            }
        }

        return changes;
    }

    /// <summary>
    /// Whose trail a change belongs in: the owner of organisation data; for a part of something owned (a partner of a
    /// programme, a contribution to a budget) the owner of the whole, found through its tracked parent.
    /// </summary>
    private static Guid? OrganisationOf(EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case Organisation organisation:
                return organisation.Id;
            case IOrganisationOwned owned:
                return owned.OrganisationId;
        }

        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            var values = foreignKey.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
            var parent = entry.Context.ChangeTracker.Entries()
                .FirstOrDefault(e => e.Metadata == foreignKey.PrincipalEntityType
                    && foreignKey.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(values));
            if (parent?.Entity is IOrganisationOwned owner)
            {
                return owner.OrganisationId;
            }
        }

        return null;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    private static object? Plain(object? value) => value switch
    {
        Enum e => e.ToString(),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string Serialize(Dictionary<string, object?> values) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(values, StringComparer.Ordinal));
}
