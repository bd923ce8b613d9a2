using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// An officer's decision about a supplier in spend: accept a match to a provider, reject the suggested provider, or
/// say it is a new supplier the register does not hold. Remembered per organisation (one decision per supplier,
/// the latest) and applied by <see cref="ResolveSuppliers"/> now and at every later import.
/// </summary>
public sealed class DecideSupplier(PlaceshaperDb db, ResolveSuppliers resolve, TimeProvider clock)
{
    public sealed record Command(string? SupplierKey, string? Decision, Guid? ProviderId);

    public async Task<Result<SupplierDecisionKind>> HandleAsync(Guid organisationId, Command command, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        var key = command.SupplierKey ?? "";
        var supplier = key.Length == 0 ? null : await db.SpendSuppliers.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == organisationId && s.SupplierKey == key, cancellationToken);
        if (supplier is null)
        {
            errors.Add("supplierKey", "Choose a supplier from the organisation's spend");
            return errors;
        }

        SupplierDecisionKind? kind = command.Decision?.Trim().ToLowerInvariant() switch
        {
            "accept" => SupplierDecisionKind.Accept,
            "reject" => SupplierDecisionKind.Reject,
            "new" or "newsupplier" or "new-supplier" => SupplierDecisionKind.NewSupplier,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add("decision", "Choose accept, reject or new");
            return errors;
        }

        var providerId = kind switch
        {
            SupplierDecisionKind.NewSupplier => null,
            _ => command.ProviderId ?? supplier.CandidateId ?? (kind == SupplierDecisionKind.Reject ? supplier.ProviderId : null),
        };
        if (kind != SupplierDecisionKind.NewSupplier
            && (providerId is not { } id || !await db.Providers.AnyAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken)))
        {
            errors.Add("providerId", kind == SupplierDecisionKind.Accept ? "Choose the provider in the register this supplier is" : "There is no suggested provider to reject");
            return errors;
        }

        // Decisions and runs for one organisation take turns (the resolution lock). Two officers deciding about one
        // supplier on different instances: the second insert meets the unique (organisation, supplier
        // key) index, and is tried again as an update of the decision the first saved, so neither is lost silently
        // (the later one is the decision, both are in the audit trail).
        await ResolveSuppliers.OneAtATimeAsync(organisationId, async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await SaveAsync(organisationId, supplier.Name, key, kind.Value, providerId, record: attempt == 1, cancellationToken);
                    break;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                }
            }

            return await resolve.WhileHeldAsync(organisationId, cancellationToken);
        }, cancellationToken);
        return kind.Value;
    }

    private async Task SaveAsync(Guid organisationId, string name, string key, SupplierDecisionKind kind, Guid? providerId, bool record, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var decision = await db.SupplierDecisions.SingleOrDefaultAsync(d => d.OrganisationId == organisationId && d.SupplierKey == key, cancellationToken);
        if (decision is null)
        {
            decision = SupplierDecision.Make(organisationId, key, now);
            db.SupplierDecisions.Add(decision);
        }

        decision.Set(kind, providerId, now);
        if (record)
        {
            // A failed save keeps its pending audit decision for the next save: recorded once, whatever the retries.
            db.RecordDecision(new AuditDecision(organisationId, "spend-supplier-" + kind.ToString().ToLowerInvariant(), "SupplierDecision", key,
                After: System.Text.Json.JsonSerializer.Serialize(new { supplier = name, key, decision = kind.ToString(), providerId })));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
