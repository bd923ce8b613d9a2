using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Specifications;

/// <summary>Agrees a specification: an audited decision that fixes it, so that tenders and contracts can rely on it.</summary>
public sealed class AgreeSpecification(PlaceshaperDb db)
{
    public async Task<Errors?> HandleAsync(Specification specification, CancellationToken cancellationToken)
    {
        if (specification.Agree(db.Scope.PersonId, db.Clock.GetUtcNow().UtcDateTime) is { } errors)
        {
            return errors;
        }

        db.RecordDecision(new AuditDecision(
            specification.OrganisationId,
            "specification-agreed",
            "Specification",
            specification.Id.ToString(),
            After: System.Text.Json.JsonSerializer.Serialize(new
            {
                title = specification.Title,
                outcomes = specification.Outcomes.Count,
                kpis = specification.Kpis.Count,
                contractMonths = specification.ContractMonths,
                totalMonths = specification.TotalMonths,
                lots = specification.Lots.Count,
                paymentMechanism = specification.PaymentMechanism?.ToString(),
                outcomeSharePercent = specification.OutcomeSharePercent,
                serviceCredits = specification.ServiceCredits,
            })));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
