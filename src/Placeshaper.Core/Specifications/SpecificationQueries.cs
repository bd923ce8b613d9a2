using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Specifications;

public static class SpecificationQueries
{
    public sealed record Listed(Guid Id, string Title, SpecificationStatus Status, PaymentMechanism? PaymentMechanism, int Kpis, DateTime CreatedAt);

    public static async Task<IReadOnlyList<Listed>> ListAsync(PlaceshaperDb db, Guid organisationId, Guid programmeId, CancellationToken cancellationToken)
    {
        var rows = await db.Specifications.AsNoTracking().Where(s => s.OrganisationId == organisationId && s.ProgrammeId == programmeId)
            .Select(s => new Listed(s.Id, s.Title, s.Status, s.PaymentMechanism, s.Kpis.Count, s.CreatedAt))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.CreatedAt).ToList();
    }

    /// <summary>One of the organisation's specifications with all its parts, tracked for a use case to change.</summary>
    public static Task<Specification?> FindAsync(PlaceshaperDb db, Guid organisationId, Guid specificationId, CancellationToken cancellationToken) =>
        db.Specifications.Include(s => s.Outcomes).Include(s => s.Kpis).Include(s => s.Extensions).Include(s => s.Lots).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == specificationId && s.OrganisationId == organisationId, cancellationToken);

    /// <summary>The organisation's active outcomes, which a specification may link.</summary>
    public static async Task<IReadOnlySet<Guid>> ActiveOutcomesAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) =>
        (await db.Outcomes.AsNoTracking().Where(o => o.OrganisationId == organisationId && o.RetiredAt == null).Select(o => o.Id).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>The organisation's active outcome measures, each with its outcome, which a KPI may link.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Guid>> ActiveMeasuresAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken) =>
        await db.OutcomeMeasures.AsNoTracking().Where(m => m.OrganisationId == organisationId && m.RetiredAt == null)
            .ToDictionaryAsync(m => m.Id, m => m.OutcomeId, cancellationToken);

    /// <summary>
    /// The value s.52 of the Procurement Act 2023 is judged against: the largest estimated value among the programme's
    /// tenders, or null when it has none yet.
    /// </summary>
    public static async Task<decimal?> TenderValueAsync(PlaceshaperDb db, Guid organisationId, Guid programmeId, CancellationToken cancellationToken)
    {
        var values = await db.Tenders.AsNoTracking().Where(t => t.OrganisationId == organisationId && t.ProgrammeId == programmeId)
            .Select(t => t.EstimatedValue).ToListAsync(cancellationToken);
        return values.Count == 0 ? null : values.Max();
    }
}
