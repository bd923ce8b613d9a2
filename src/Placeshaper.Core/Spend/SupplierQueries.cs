using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

public static class SupplierQueries
{
    public sealed record SupplierView(
        string SupplierKey,
        string Name,
        string? CompanyNumber,
        string? VatNumber,
        string? Postcode,
        decimal Total,
        int Transactions,
        SupplierStatus Status,
        string Method,
        Guid? ProviderId,
        string? ProviderName,
        Guid? CandidateId,
        string? CandidateName,
        double? Score,
        bool? IsLocal,
        string LocalReason,
        bool? IsSme,
        bool IsVcse,
        bool IsPublicSector,
        bool IsIndividual);

    /// <summary>The organisation's suppliers from spend, largest spend first, optionally of one status.</summary>
    public static async Task<IReadOnlyList<SupplierView>> ListAsync(PlaceshaperDb db, Guid organisationId, SupplierStatus? status, CancellationToken cancellationToken)
    {
        var query = db.SpendSuppliers.AsNoTracking().Where(s => s.OrganisationId == organisationId);
        if (status is { } only)
        {
            query = query.Where(s => s.Status == only);
        }

        var suppliers = await query.ToListAsync(cancellationToken);
        var names = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return suppliers
            .OrderByDescending(s => s.Total)
            .ThenBy(s => s.SupplierKey, StringComparer.Ordinal)
            .Select(s => new SupplierView(
                s.SupplierKey, s.Name, s.CompanyNumber, s.VatNumber, s.Postcode, Money.ToPence(s.Total), s.Transactions, s.Status, s.Method,
                s.ProviderId, s.ProviderId is { } p ? names.GetValueOrDefault(p) : null,
                s.CandidateId, s.CandidateId is { } c ? names.GetValueOrDefault(c) : null,
                s.Score, s.IsLocal, s.LocalReason, s.IsSme, s.IsVcse, s.IsPublicSector, s.IsIndividual))
            .ToList();
    }
}
