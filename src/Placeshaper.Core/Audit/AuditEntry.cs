namespace Placeshaper.Audit;

/// <summary>
/// One change or decision, appended and never updated. Each entry carries the hash of the one before it,
/// so editing, removing or reordering any entry breaks the chain at that point (see <see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }

    public DateTime At { get; init; }

    /// <summary>The organisation whose trail this belongs to; empty for installation-wide changes (people, sign-in).</summary>
    public Guid? OrganisationId { get; init; }

    public Guid? ActorId { get; init; }

    /// <summary>Who acted, as they were known then: an email address, or "system" and the verb for the CLI.</summary>
    public string Actor { get; init; } = "";

    /// <summary>What happened: <c>created</c>, <c>updated</c>, <c>deleted</c>, or a decision such as <c>signed-in</c>.</summary>
    public string Action { get; init; } = "";

    public string EntityType { get; init; } = "";

    public string EntityId { get; init; } = "";

    /// <summary>The changed fields before, as a JSON object; empty for additions and decisions.</summary>
    public string? Before { get; init; }

    /// <summary>The changed fields after, as a JSON object; empty for removals.</summary>
    public string? After { get; init; }

    public string PreviousHash { get; init; } = "";

    public string Hash { get; init; } = "";
}

/// <summary>The newest entry's sequence and hash, so that removing entries from the end is caught too.</summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = AuditChain.GenesisHash;
}
