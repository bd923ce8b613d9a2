using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Programmes;

namespace Placeshaper.Budgets;

public static class BudgetQueries
{
    public sealed record Found(PooledBudget Budget, Programme Programme, ProgrammeRole Role, IReadOnlyList<BudgetLine> Lines, PooledBudgetStatement Statement, IReadOnlyDictionary<Guid, (string Slug, string Name)> Organisations);

    /// <summary>A pooled budget as an organisation may see it: its host (the programme's lead) or a partner; else nothing.</summary>
    public static async Task<Found?> FindAsync(PlaceshaperDb db, Guid budgetId, Guid organisationId, CancellationToken cancellationToken)
    {
        var budget = await db.PooledBudgets.IgnoreQueryFilters().Include(b => b.Contributions).SingleOrDefaultAsync(b => b.Id == budgetId, cancellationToken);
        if (budget is null)
        {
            return null;
        }

        var (programme, role) = await ProgrammeAccess.FindAsync(db, budget.ProgrammeId, organisationId, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        var lines = await db.BudgetLines.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.PooledBudgetId == budgetId)
            .OrderByDescending(l => l.OccurredOn).ThenByDescending(l => l.RecordedAt)
            .ToListAsync(cancellationToken);
        var names = await ProgrammeQueries.OrganisationNamesAsync(db, programme, cancellationToken);
        var statement = budget.Statement(names.ToDictionary(n => n.Key, n => n.Value.Name), lines);
        return new Found(budget, programme, role, lines, statement, names);
    }

    public static async Task<IReadOnlyList<PooledBudget>> ForProgrammeAsync(PlaceshaperDb db, Guid programmeId, CancellationToken cancellationToken) =>
        await db.PooledBudgets.IgnoreQueryFilters().AsNoTracking()
            .Include(b => b.Contributions)
            .Where(b => b.ProgrammeId == programmeId)
            .OrderByDescending(b => b.FinancialYearStart)
            .ToListAsync(cancellationToken);
}
