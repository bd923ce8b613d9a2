using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;

namespace Placeshaper.Contracts;

/// <summary>Requests, approves and rejects a contract's variations, each decision in the audit trail.</summary>
public sealed class VaryContract(PlaceshaperDb db)
{
    /// <summary>A contract's variations, oldest first.</summary>
    public static async Task<IReadOnlyList<Variation>> ListAsync(PlaceshaperDb db, Guid organisationId, Guid contractId, CancellationToken cancellationToken) =>
        await db.ContractVariations.AsNoTracking().Where(v => v.OrganisationId == organisationId && v.ContractId == contractId).OrderBy(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>Where the contract stands against its original value after its approved variations.</summary>
    public static VariationLedger Ledger(Contract contract, IEnumerable<Variation> variations) =>
        VariationLedger.Of(contract.OriginalValue, contract.Nature, variations.Where(v => v.Status == VariationStatus.Approved).OrderBy(v => v.Number).Select(v => v.ValueChange));

    public async Task<Result<Variation>> RequestAsync(Contract contract, Variation.Input input, Guid personId, string personName, CancellationToken cancellationToken)
    {
        var number = await db.ContractVariations.Where(v => v.ContractId == contract.Id).Select(v => (int?)v.Number).MaxAsync(cancellationToken) ?? 0;
        var requested = Variation.Request(contract, number + 1, input, personId, personName, db.Clock.GetUtcNow().UtcDateTime);
        if (!requested.Succeeded)
        {
            return requested;
        }

        db.ContractVariations.Add(requested.Value);
        db.RecordDecision(new AuditDecision(contract.OrganisationId, "contract-variation-requested", nameof(Variation), requested.Value.Id.ToString(), After: Json(requested.Value)));
        await db.SaveChangesAsync(cancellationToken);
        return requested;
    }

    public async Task<Errors?> ApproveAsync(Contract contract, Variation variation, Guid personId, string personName, string? legalBasis, CancellationToken cancellationToken)
    {
        var approved = await db.ContractVariations.Where(v => v.ContractId == contract.Id && v.Status == VariationStatus.Approved).ToListAsync(cancellationToken);
        var before = JsonSerializer.Serialize(new { totalValue = contract.TotalValue, currentExpiry = contract.CurrentExpiry });
        if (variation.Approve(contract, approved, personId, personName, legalBasis, db.Clock.GetUtcNow().UtcDateTime) is { } errors)
        {
            return errors;
        }

        db.RecordDecision(new AuditDecision(contract.OrganisationId, "contract-variation-approved", nameof(Variation), variation.Id.ToString(), Before: before, After: Json(variation)));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Errors?> RejectAsync(Contract contract, Variation variation, Guid personId, string personName, string? reason, CancellationToken cancellationToken)
    {
        if (variation.Reject(personId, personName, reason, db.Clock.GetUtcNow().UtcDateTime) is { } errors)
        {
            return errors;
        }

        db.RecordDecision(new AuditDecision(contract.OrganisationId, "contract-variation-rejected", nameof(Variation), variation.Id.ToString(), After: Json(variation)));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static string Json(Variation v) => JsonSerializer.Serialize(new
    {
        number = v.Number,
        valueChange = v.ValueChange,
        termMonths = v.TermMonths,
        reason = v.Reason,
        status = v.Status.ToString(),
        legalBasis = v.LegalBasis,
        rejectionReason = v.RejectionReason,
        valueAfter = v.ValueAfter,
        cumulativeChange = v.CumulativeChange,
    });
}

/// <summary>Records breaches, a termination and the exit plan of a contract; a termination is a decision in the audit trail.</summary>
public sealed class ManageContractRisks(PlaceshaperDb db)
{
    public static async Task<IReadOnlyList<Breach>> BreachesAsync(PlaceshaperDb db, Guid organisationId, Guid contractId, CancellationToken cancellationToken) =>
        await db.ContractBreaches.AsNoTracking().Where(b => b.OrganisationId == organisationId && b.ContractId == contractId).OrderBy(b => b.OccurredOn).ThenBy(b => b.Id).ToListAsync(cancellationToken);

    public static Task<Termination?> TerminationAsync(PlaceshaperDb db, Guid organisationId, Guid contractId, CancellationToken cancellationToken) =>
        db.ContractTerminations.AsNoTracking().SingleOrDefaultAsync(t => t.OrganisationId == organisationId && t.ContractId == contractId, cancellationToken);

    public static Task<ExitPlan?> ExitPlanAsync(PlaceshaperDb db, Guid organisationId, Guid contractId, CancellationToken cancellationToken) =>
        db.ExitPlans.AsNoTracking().SingleOrDefaultAsync(p => p.OrganisationId == organisationId && p.ContractId == contractId, cancellationToken);

    public async Task<Result<Breach>> RecordBreachAsync(Contract contract, Breach.Input input, string personName, CancellationToken cancellationToken)
    {
        var recorded = Breach.Record(contract, input, personName, db.Clock.GetUtcNow().UtcDateTime);
        if (recorded.Succeeded)
        {
            db.ContractBreaches.Add(recorded.Value);
            await db.SaveChangesAsync(cancellationToken);
        }

        return recorded;
    }

    public async Task<Errors?> ChangeBreachAsync(Breach breach, Breach.Input input, CancellationToken cancellationToken)
    {
        if (breach.Change(input, db.Clock.GetUtcNow().UtcDateTime) is { } errors)
        {
            return errors;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Result<Termination>> TerminateAsync(Contract contract, Termination.Input input, string personName, CancellationToken cancellationToken)
    {
        var recorded = Termination.Record(contract, input, personName, db.Clock.GetUtcNow().UtcDateTime);
        if (recorded.Succeeded)
        {
            db.ContractTerminations.Add(recorded.Value);
            db.RecordDecision(new AuditDecision(contract.OrganisationId, "contract-terminated", nameof(Contract), contract.Id.ToString(), After: JsonSerializer.Serialize(new
            {
                on = recorded.Value.On,
                ground = recorded.Value.Ground.ToString(),
                noticeGivenOn = recorded.Value.NoticeGivenOn,
                reason = recorded.Value.Reason,
            })));
            await db.SaveChangesAsync(cancellationToken);
        }

        return recorded;
    }

    /// <summary>Adds the contract's exit plan, or changes the one it has.</summary>
    public async Task<Result<ExitPlan>> SaveExitPlanAsync(Contract contract, ExitPlan.Input input, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var plan = await db.ExitPlans.SingleOrDefaultAsync(p => p.ContractId == contract.Id, cancellationToken);
        if (plan is null)
        {
            var created = ExitPlan.Create(contract, input, now);
            if (!created.Succeeded)
            {
                return created;
            }

            plan = created.Value;
            db.ExitPlans.Add(plan);
        }
        else if (plan.Change(input, now) is { } errors)
        {
            return errors;
        }

        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }
}
