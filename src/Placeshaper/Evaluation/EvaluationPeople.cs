using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Evaluation;

/// <summary>Who may sit on an evaluation panel: the organisation's evaluators and the officers running its tenders.</summary>
public static class EvaluationPeople
{
    public static readonly Role[] Eligible = [Role.Evaluator, Role.ProcurementOfficer, Role.Commissioner, Role.Administrator];

    public static Task<bool> IsEligibleAsync(PlaceshaperDb db, Guid organisationId, Guid personId, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.OrganisationId == organisationId && m.PersonId == personId && Eligible.Contains(m.Role), cancellationToken);

    public static async Task<IReadOnlyList<(Guid Id, string Name)>> ListAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var ids = await db.Memberships.Where(m => m.OrganisationId == organisationId && Eligible.Contains(m.Role)).Select(m => m.PersonId).Distinct().ToListAsync(cancellationToken);
        var people = await db.Users.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
        return people.OrderBy(p => p.DisplayName, StringComparer.Ordinal).Select(p => (p.Id, p.DisplayName)).ToList();
    }
}
