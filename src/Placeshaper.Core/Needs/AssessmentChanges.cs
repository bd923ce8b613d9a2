using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Needs;

/// <summary>Archiving a needs assessment, shared by its page and the API: the rule is the entity's, the decision goes in the audit trail.</summary>
public static class AssessmentChanges
{
    public static async Task<Result<NeedsAssessment>> ArchiveAsync(PlaceshaperDb db, NeedsAssessment assessment, string? reason, CancellationToken cancellationToken)
    {
        var archived = assessment.Archive(reason, db.Clock.GetUtcNow().UtcDateTime);
        if (archived.Succeeded)
        {
            db.RecordDecision(new AuditDecision(assessment.OrganisationId, "needs-assessment-archived", nameof(NeedsAssessment), assessment.Id.ToString(),
                After: System.Text.Json.JsonSerializer.Serialize(new { reason = assessment.ArchivedReason })));
            await db.SaveChangesAsync(cancellationToken);
        }

        return archived;
    }
}
