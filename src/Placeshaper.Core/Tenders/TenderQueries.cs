using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Tenders;

public static class TenderQueries
{
    public sealed record Listed(Guid Id, string Reference, string Title, ContractKind Kind, decimal EstimatedValue, Route Route, TenderStatus Status, DateTime? SubmissionDeadline, DateTime CreatedAt);

    public static async Task<IReadOnlyList<Listed>> ListAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var rows = await db.Tenders.AsNoTracking().Where(t => t.OrganisationId == organisationId)
            .Select(t => new Listed(t.Id, t.Reference, t.Title, t.Kind, t.EstimatedValue, t.Route, t.Status, t.SubmissionDeadline, t.CreatedAt))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.CreatedAt).ToList();
    }

    /// <summary>One of the organisation's tenders with its questions and lots, tracked for a use case to change.</summary>
    public static Task<Tender?> FindAsync(PlaceshaperDb db, Guid organisationId, Guid tenderId, CancellationToken cancellationToken) =>
        db.Tenders.Include(t => t.Questions).Include(t => t.Lots).Include(t => t.SocialValueMeasures).AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == tenderId && t.OrganisationId == organisationId, cancellationToken);
}
