using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.SocialValue.Delivery;

/// <summary>Reads of social value obligations and what was delivered against them, per contract, per provider and across the organisation.</summary>
public static class SocialValueDeliveryQueries
{
    /// <summary>A contract's obligations with its ledger lines, and its reports, latest first.</summary>
    public sealed record ContractDelivery(IReadOnlyList<DeliveryLedger.Line> Lines, IReadOnlyList<DeliveryReport> Reports)
    {
        public DeliveryLedger.Totals Totals => DeliveryLedger.Totals.Of(Lines);

        public SocialValueObligation Obligation(Guid id) => Lines.Single(l => l.Obligation.Id == id).Obligation;
    }

    /// <summary>An obligation across the organisation, with its contract.</summary>
    public sealed record Listed(Guid ContractId, string Reference, string ContractTitle, string Supplier, Guid? ProviderId, DeliveryLedger.Line Line);

    public static async Task<ContractDelivery> ForContractAsync(PlaceshaperDb db, Guid contractId, CancellationToken cancellationToken)
    {
        var obligations = await db.Set<SocialValueObligation>().AsNoTracking().Where(o => o.ContractId == contractId).ToListAsync(cancellationToken);
        var reports = await db.Set<DeliveryReport>().AsNoTracking().Include(r => r.Evidence).Where(r => r.ContractId == contractId).ToListAsync(cancellationToken);
        return new ContractDelivery(
            DeliveryLedger.For(obligations.OrderBy(o => o.Theme, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Measure, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id), reports),
            reports.OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.SubmittedAt).ToList());
    }

    public static Task<SocialValueObligation?> FindObligationAsync(PlaceshaperDb db, Guid contractId, Guid obligationId, CancellationToken cancellationToken) =>
        db.Set<SocialValueObligation>().SingleOrDefaultAsync(o => o.ContractId == contractId && o.Id == obligationId, cancellationToken);

    public static Task<DeliveryReport?> FindReportAsync(PlaceshaperDb db, Guid contractId, Guid reportId, CancellationToken cancellationToken) =>
        db.Set<DeliveryReport>().Include(r => r.Evidence).SingleOrDefaultAsync(r => r.ContractId == contractId && r.Id == reportId, cancellationToken);

    /// <summary>
    /// Every obligation of the organisation's contracts (or one provider's), with what was delivered against it; with
    /// <paramref name="from"/> and <paramref name="to"/>, delivered counts only reports whose period ends between them.
    /// </summary>
    public static async Task<IReadOnlyList<Listed>> AcrossAsync(
        PlaceshaperDb db, Guid organisationId, Guid? providerId, CancellationToken cancellationToken, DateOnly? from = null, DateOnly? to = null)
    {
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && (providerId == null || c.ProviderId == providerId))
            .Select(c => new { c.Id, c.Reference, c.Title, c.SupplierName, c.ProviderId }).ToListAsync(cancellationToken);
        var ids = contracts.Select(c => c.Id).ToList();
        var obligations = await db.Set<SocialValueObligation>().AsNoTracking().Where(o => ids.Contains(o.ContractId)).ToListAsync(cancellationToken);
        var reports = await db.Set<DeliveryReport>().AsNoTracking().Where(r => ids.Contains(r.ContractId)).ToListAsync(cancellationToken);
        var byId = contracts.ToDictionary(c => c.Id);
        return DeliveryLedger.For(obligations, reports, from, to)
            .Select(l => (Line: l, Contract: byId[l.Obligation.ContractId]))
            .OrderBy(x => x.Contract.Reference, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.Line.Obligation.Theme, StringComparer.OrdinalIgnoreCase)
            .ThenBy(x => x.Line.Obligation.Measure, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.Line.Obligation.Id)
            .Select(x => new Listed(x.Contract.Id, x.Contract.Reference, x.Contract.Title, x.Contract.SupplierName, x.Contract.ProviderId, x.Line))
            .ToList();
    }
}
