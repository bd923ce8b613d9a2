using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Specifications;

/// <summary>The agreed specification a tender buys against, as its page shows it, rendered by <c>_LinkedSpecification.cshtml</c>.</summary>
public sealed record LinkedSpecification(string Slug, Specification Specification, IReadOnlyList<string> Outcomes)
{
    public static async Task<LinkedSpecification?> LoadAsync(PlaceshaperDb db, string slug, Guid organisationId, Guid? specificationId, CancellationToken cancellationToken)
    {
        if (specificationId is not { } id || await SpecificationQueries.FindAsync(db, organisationId, id, cancellationToken) is not { } specification)
        {
            return null;
        }

        var ids = specification.Outcomes.Select(o => o.OutcomeId).ToList();
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => o.Statement).ToListAsync(cancellationToken);
        return new LinkedSpecification(slug, specification, outcomes.Order(StringComparer.Ordinal).ToList());
    }
}
