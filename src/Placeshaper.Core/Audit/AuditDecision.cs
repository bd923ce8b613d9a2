namespace Placeshaper.Audit;

/// <summary>Something to write in the audit trail: a field change found by the context, or a decision someone took.</summary>
public sealed record AuditDecision(
    Guid? OrganisationId,
    string Action,
    string EntityType,
    string EntityId,
    string? Before = null,
    string? After = null);
