using System.Text.Json;
using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Tenders;

/// <summary>Publishes a tender: its terms are fixed from now, and the decision is in the audit trail.</summary>
public static class PublishTender
{
    public static Errors? Apply(PlaceshaperDb db, Tender tender)
    {
        var errors = tender.Publish(db.Clock.GetUtcNow().UtcDateTime, ProcurementThresholds.Official);
        if (errors is null)
        {
            db.RecordDecision(new AuditDecision(
                tender.OrganisationId,
                "tender-published",
                "Tender",
                tender.Id.ToString(),
                After: JsonSerializer.Serialize(new { reference = tender.Reference, route = tender.Route.ToString(), deadline = tender.SubmissionDeadline })));
        }

        return errors;
    }
}
