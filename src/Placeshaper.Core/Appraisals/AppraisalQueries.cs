using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Appraisals;

public static class AppraisalQueries
{
    public sealed record Summary(Guid Id, string Title, DateTime CreatedAt, int Options, DateOnly? DecidedOn, string? Chosen);

    /// <summary>An appraisal with everything it holds, tracked so a use case can change it and save.</summary>
    public static Task<Appraisal?> FindAsync(PlaceshaperDb db, Guid programmeId, Guid appraisalId, CancellationToken cancellationToken) =>
        db.Appraisals
            .Include(a => a.Criteria)
            .Include(a => a.Checks)
            .Include(a => a.Options).ThenInclude(o => o.Scores)
            .Include(a => a.Options).ThenInclude(o => o.Costs)
            .Include(a => a.Options).ThenInclude(o => o.Risks)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == appraisalId && a.ProgrammeId == programmeId, cancellationToken);

    public static async Task<IReadOnlyList<Summary>> ForProgrammeAsync(PlaceshaperDb db, Guid programmeId, CancellationToken cancellationToken)
    {
        var rows = await db.Appraisals.AsNoTracking()
            .Where(a => a.ProgrammeId == programmeId)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.CreatedAt,
                Options = a.Options.Count,
                a.DecidedOn,
                Chosen = a.Options.Where(o => o.Id == a.ChosenOptionId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.CreatedAt).Select(r => new Summary(r.Id, r.Title, r.CreatedAt, r.Options, r.DecidedOn, r.Chosen)).ToList();
    }

    /// <summary>The catalogue as this organisation sees it: the built-in models, then its own.</summary>
    public static async Task<IReadOnlyList<DeliveryModels.Model>> CatalogueAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var own = await db.CustomDeliveryModels.AsNoTracking().Where(m => m.OrganisationId == organisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return DeliveryModels.BuiltIn.Concat(own.Select(m => m.AsModel())).ToList();
    }
}
