using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Spend;
using SupplierStatus = Placeshaper.Spend.SupplierStatus;

namespace Placeshaper.Areas;

/// <summary>
/// Spend in a ward, over the 12 months to today, read from existing tables: the resolved spend suppliers
/// (<see cref="SpendSupplier"/>, whose officers' decisions are already applied) and the per-day supplier totals
/// (<see cref="SpendSupplierDay"/>). A payment records a supplier, not a ward, so spend reaches a ward two ways, and is
/// never divided between wards or contracts by a guess:
/// <list type="bullet">
/// <item>through the contracts delivered in the ward: all the organisation paid each contract's provider in the period,
/// shown once per provider, with the number of wards its contracts are delivered in;</item>
/// <item>through the supplier's postcode (from the spend files, or the resolved provider's trading or registered
/// postcode) falling in the ward, by the ONS Postcode Directory.</item>
/// </list>
/// Redacted payments and private individuals are never placed in a ward.
/// </summary>
public static class WardSpend
{
    /// <summary>A contract delivered in the ward, for the provider row it belongs to.</summary>
    public sealed record ContractRef(Guid Id, string Reference);

    /// <summary>
    /// A supplier of contracts delivered in the ward, with all the organisation paid it in the period (null when no
    /// supplier in spend resolves to it). <paramref name="Wards"/> counts the wards any of its contracts are delivered in.
    /// </summary>
    public sealed record ProviderSpend(Guid? ProviderId, string Supplier, IReadOnlyList<ContractRef> Contracts, int Wards, decimal? Spend, int Payments);

    /// <summary>A supplier whose postcode is in the ward, with what the organisation paid it in the period.</summary>
    public sealed record SupplierSpend(string Supplier, string Postcode, string PostcodeFrom, Guid? ProviderId, decimal Spend, int Payments);

    public sealed record Summary(DateOnly From, DateOnly To, IReadOnlyList<ProviderSpend> Providers, IReadOnlyList<SupplierSpend> Suppliers);

    /// <summary>How many postcodes are looked up at once: well under every database's limit on parameters.</summary>
    private const int Chunk = 500;

    public static async Task<Summary> OfAsync(PlaceshaperDb db, Guid organisationId, Area ward, IReadOnlyList<Contract> contracts, DateOnly today, CancellationToken cancellationToken)
    {
        var from = today.AddMonths(-12).AddDays(1);
        var suppliers = await db.SpendSuppliers.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.SupplierKey != "" && s.Status != SupplierStatus.Redacted && !s.IsIndividual)
            .Select(s => new { s.SupplierKey, s.Name, s.Postcode, s.Status, s.ProviderId }).ToListAsync(cancellationToken);
        var resolved = suppliers.Where(s => s.Status == SupplierStatus.Resolved && s.ProviderId is not null).ToLookup(s => s.ProviderId!.Value, s => s.SupplierKey);

        // Whole-organisation wards of each provider's contracts, for "across N wards".
        var providerIds = contracts.Where(c => c.ProviderId is not null).Select(c => c.ProviderId!.Value).Distinct().ToList();
        var providerWards = (await db.ContractAreas.AsNoTracking().Where(l => l.OrganisationId == organisationId)
                .Join(db.Contracts.AsNoTracking().Where(c => c.ProviderId != null && providerIds.Contains(c.ProviderId.Value)), l => l.ContractId, c => c.Id, (l, c) => new { c.ProviderId, l.AreaId })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.ProviderId!.Value).ToDictionary(g => g.Key, g => g.Select(x => x.AreaId).Distinct().Count());
        var contractIds = contracts.Select(c => c.Id).ToList();
        var contractWards = (await db.ContractAreas.AsNoTracking().Where(l => l.OrganisationId == organisationId && contractIds.Contains(l.ContractId))
                .Select(l => new { l.ContractId, l.AreaId }).ToListAsync(cancellationToken))
            .GroupBy(x => x.ContractId).ToDictionary(g => g.Key, g => g.Count());

        // Suppliers whose postcode is in the ward: the spend file's postcode, else the resolved provider's.
        var registered = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId)
            .Select(p => new { p.Id, p.TradingPostcode, p.RegisteredPostcode }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var placed = suppliers.Select(s =>
        {
            var provider = s.Status == SupplierStatus.Resolved && s.ProviderId is { } id ? registered.GetValueOrDefault(id) : null;
            var resolvedTo = provider is null ? (Guid?)null : provider.Id;
            return ReferencePostcode.Normalise(s.Postcode) is { } own ? new Placed(s.SupplierKey, s.Name, own, "spend file", resolvedTo)
                : ReferencePostcode.Normalise(provider?.TradingPostcode ?? provider?.RegisteredPostcode) is { } theirs ? new Placed(s.SupplierKey, s.Name, theirs, "provider register", resolvedTo)
                : null;
        }).OfType<Placed>().ToList();
        var inWard = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in placed.Select(p => p.Postcode).Distinct().Chunk(Chunk))
        {
            inWard.UnionWith(await db.ReferencePostcodes.AsNoTracking().Where(r => chunk.Contains(r.Postcode) && r.WardCode == ward.Code).Select(r => r.Postcode).ToListAsync(cancellationToken));
        }

        var local = placed.Where(p => inWard.Contains(p.Postcode)).ToList();
        var keys = contracts.Where(c => c.ProviderId is not null).SelectMany(c => resolved[c.ProviderId!.Value]).Concat(local.Select(p => p.Key)).Distinct().ToList();
        var spend = new Dictionary<string, (decimal Total, int Payments)>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(Chunk))
        {
            var days = await db.SpendSupplierDays.AsNoTracking().Where(d => d.OrganisationId == organisationId && d.Date >= from && d.Date <= today && chunk.Contains(d.SupplierKey))
                .Select(d => new { d.SupplierKey, d.Total, d.Transactions }).ToListAsync(cancellationToken);
            foreach (var day in days)
            {
                var (total, payments) = spend.GetValueOrDefault(day.SupplierKey);
                spend[day.SupplierKey] = (total + day.Total, payments + day.Transactions);
            }
        }

        var providers = contracts.GroupBy(c => c.ProviderId is { } p ? p.ToString() : "contract:" + c.Id.ToString()).Select(g =>
        {
            var first = g.OrderBy(c => c.Reference, StringComparer.Ordinal).First();
            var refs = g.OrderBy(c => c.Reference, StringComparer.Ordinal).Select(c => new ContractRef(c.Id, c.Reference)).ToList();
            if (first.ProviderId is not { } providerId)
            {
                return new ProviderSpend(null, first.SupplierName, refs, contractWards.GetValueOrDefault(first.Id), null, 0);
            }

            var paid = resolved[providerId].Select(k => spend.GetValueOrDefault(k)).ToList();
            return new ProviderSpend(providerId, first.SupplierName, refs, providerWards.GetValueOrDefault(providerId),
                resolved[providerId].Any() ? paid.Sum(p => p.Total) : null, paid.Sum(p => p.Payments));
        }).OrderBy(p => p.Supplier, StringComparer.Ordinal).ToList();

        var bySupplier = local.Select(p =>
            {
                var (total, payments) = spend.GetValueOrDefault(p.Key);
                return new SupplierSpend(p.Name, p.Postcode, p.From, p.ProviderId, total, payments);
            })
            .Where(s => s.Payments > 0).OrderByDescending(s => s.Spend).ThenBy(s => s.Supplier, StringComparer.Ordinal).ToList();
        return new Summary(from, today, providers, bySupplier);
    }

    private sealed record Placed(string Key, string Name, string Postcode, string From, Guid? ProviderId);
}
