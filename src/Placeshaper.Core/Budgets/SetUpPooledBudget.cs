using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Programmes;

namespace Placeshaper.Budgets;

/// <summary>Sets up a programme's pooled budget for a financial year, with partners named by their slugs.</summary>
public sealed class SetUpPooledBudget(PlaceshaperDb db)
{
    public sealed record ContributionRequest(string? Organisation, decimal? Amount, decimal? OverspendPercent, decimal? UnderspendPercent);

    public sealed record Command(
        string? FinancialYear,
        string? Name,
        PooledBudgetKind? Kind,
        decimal? Total,
        RiskShareRule? OverspendRule,
        RiskShareRule? UnderspendRule,
        IReadOnlyList<ContributionRequest>? Contributions);

    public async Task<Result<PooledBudget>> HandleAsync(Programme programme, Command command, CancellationToken cancellationToken)
    {
        var errors = new Errors();
        if (!Budgets.FinancialYear.TryParse(command.FinancialYear, out var year))
        {
            errors.Add("financialYear", "Enter the financial year like 2026/27");
        }
        else if (await db.PooledBudgets.IgnoreQueryFilters().AnyAsync(b => b.ProgrammeId == programme.Id && b.FinancialYearStart == year.StartYear, cancellationToken))
        {
            errors.Add("financialYear", $"The programme already has a pooled budget for {year.Label}");
        }

        var slugs = (command.Contributions ?? []).Select(c => c.Organisation?.Trim().ToLowerInvariant() ?? "").ToList();
        var ids = await db.Organisations.IgnoreQueryFilters().Where(o => slugs.Contains(o.Slug)).ToDictionaryAsync(o => o.Slug, o => o.Id, cancellationToken);
        var terms = new List<PooledBudget.ContributionTerms>();
        for (var i = 0; i < slugs.Count; i++)
        {
            if (!ids.TryGetValue(slugs[i], out var id))
            {
                errors.Add($"contributions[{i}].organisation", $"There is no organisation '{slugs[i]}'");
                continue;
            }

            var c = command.Contributions![i];
            terms.Add(new PooledBudget.ContributionTerms(id, c.Amount, c.OverspendPercent, c.UnderspendPercent));
        }

        if (errors.Any)
        {
            return errors;
        }

        var result = PooledBudget.SetUp(
            programme,
            year,
            command.Name,
            command.Kind ?? PooledBudgetKind.Other,
            command.Total,
            command.OverspendRule ?? RiskShareRule.InProportionToContributions,
            command.UnderspendRule ?? RiskShareRule.InProportionToContributions,
            terms,
            db.Clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            return result.Errors;
        }

        db.PooledBudgets.Add(result.Value);
        await db.SaveChangesAsync(cancellationToken);
        return result.Value;
    }
}
