using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Contracts;

/// <summary>Adds and changes contracts and their KPIs, checking what they link to and that each reference is the organisation's only one.</summary>
public sealed class SaveContract(PlaceshaperDb db)
{
    /// <summary>Adds a contract, with its first KPIs (already checked) in the same save.</summary>
    public async Task<Result<Contract>> CreateAsync(Guid organisationId, Contract.Details details, CancellationToken cancellationToken, IReadOnlyList<ContractKpi.Input>? kpis = null)
    {
        var known = await ContractQueries.KnownAsync(db, organisationId, cancellationToken);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var created = Contract.Create(organisationId, details, known, now);
        if (!created.Succeeded)
        {
            return created.Errors;
        }

        foreach (var kpi in kpis ?? [])
        {
            if (created.Value.AddKpi(kpi, now) is { Succeeded: false } refused)
            {
                return refused.Errors;
            }
        }

        if (await ReferenceTakenAsync(organisationId, created.Value.Reference, null, cancellationToken) is { } taken)
        {
            return taken;
        }

        db.Contracts.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        return created.Value;
    }

    public async Task<Errors?> ChangeAsync(Contract contract, Contract.Details details, CancellationToken cancellationToken)
    {
        var known = await ContractQueries.KnownAsync(db, contract.OrganisationId, cancellationToken);
        if (contract.Change(details, known, db.Clock.GetUtcNow().UtcDateTime) is { } errors)
        {
            return errors;
        }

        if (await ReferenceTakenAsync(contract.OrganisationId, contract.Reference, contract.Id, cancellationToken) is { } taken)
        {
            return taken;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<Result<ContractKpi>> AddKpiAsync(Contract contract, ContractKpi.Input input, CancellationToken cancellationToken)
    {
        var added = contract.AddKpi(input, db.Clock.GetUtcNow().UtcDateTime);
        if (added.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }

    public async Task<Errors?> ChangeKpiAsync(Contract contract, Guid kpiId, ContractKpi.Input input, CancellationToken cancellationToken)
    {
        if (contract.ChangeKpi(kpiId, input, db.Clock.GetUtcNow().UtcDateTime) is { } errors)
        {
            return errors;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<bool> RemoveKpiAsync(Contract contract, Guid kpiId, CancellationToken cancellationToken)
    {
        if (!contract.RemoveKpi(kpiId, db.Clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<Errors?> ReferenceTakenAsync(Guid organisationId, string reference, Guid? except, CancellationToken cancellationToken) =>
        await db.Contracts.AnyAsync(c => c.OrganisationId == organisationId && c.Reference == reference && c.Id != except, cancellationToken)
            ? Errors.For("reference", $"Another contract already has the reference {reference}: each contract's reference is its own")
            : null;
}
