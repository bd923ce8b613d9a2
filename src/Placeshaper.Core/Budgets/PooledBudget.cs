using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Budgets;

public enum PooledBudgetKind
{
    /// <summary>A community (place-based) budget pooling partners' money for one place or cohort.</summary>
    CommunityBudget,

    /// <summary>A pooled fund under section 75 of the National Health Service Act 2006.</summary>
    Section75PooledFund,

    /// <summary>The Better Care Fund, pooled between the council and the integrated care board.</summary>
    BetterCareFund,

    Other,
}

/// <summary>
/// Money that partners put into one pot for a programme's financial year, hosted by the lead organisation, with the
/// agreed rule for sharing an overspend or underspend. Every partner of the programme sees it; nobody else does.
/// </summary>
public sealed class PooledBudget : IOrganisationOwned
{
    private readonly List<Contribution> contributions = [];

    private PooledBudget()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The host: the programme's lead organisation.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public int FinancialYearStart { get; private set; }

    public FinancialYear Year => new(FinancialYearStart);

    public string Name { get; private set; } = "";

    public PooledBudgetKind Kind { get; private set; }

    public decimal Total { get; private set; }

    public RiskShareRule OverspendRule { get; private set; }

    public RiskShareRule UnderspendRule { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<Contribution> Contributions => contributions;

    public sealed record ContributionTerms(Guid OrganisationId, decimal? Amount, decimal? OverspendPercent, decimal? UnderspendPercent);

    /// <summary>
    /// Sets up a pooled budget. The contributions must add up to the total, come from the programme's lead and partners
    /// (at least two of them: a pot of one is not pooled), and agreed percentages must add up to exactly 100.
    /// </summary>
    public static Result<PooledBudget> SetUp(
        Programme programme,
        FinancialYear year,
        string? name,
        PooledBudgetKind kind,
        decimal? total,
        RiskShareRule overspendRule,
        RiskShareRule underspendRule,
        IReadOnlyList<ContributionTerms> terms,
        DateTime now)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors.Add("name", "Enter the budget's name, up to 200 characters, like Better Care Fund 2026/27");
        }

        if (total is not > 0 || decimal.Round(total.Value, 2) != total)
        {
            errors.Add("total", "Enter the total pot in pounds and pence, more than £0");
        }

        var members = new HashSet<Guid>(programme.Partners.Select(p => p.OrganisationId)) { programme.OrganisationId };
        var given = terms.Where(t => t.Amount is not null || t.OverspendPercent is not null || t.UnderspendPercent is not null).ToList();
        if (given.Count < 2)
        {
            errors.Add("contributions", "A pooled budget needs contributions from at least two partners");
        }

        for (var i = 0; i < given.Count; i++)
        {
            var t = given[i];
            if (!members.Contains(t.OrganisationId))
            {
                errors.Add($"contributions[{i}].organisation", "Only the programme's lead and partners can contribute");
            }

            if (t.Amount is not >= 0 || decimal.Round(t.Amount.Value, 2) != t.Amount)
            {
                errors.Add($"contributions[{i}].amount", "Enter each contribution in pounds and pence, £0 or more");
            }
        }

        if (given.Select(t => t.OrganisationId).Distinct().Count() != given.Count)
        {
            errors.Add("contributions", "Each partner contributes once; put its whole contribution on one line");
        }

        var sum = given.Sum(t => t.Amount ?? 0);
        if (total is > 0 && given.All(t => t.Amount is >= 0) && sum != total)
        {
            errors.Add("contributions", $"The contributions add up to {Money.Format(sum)}, not the total of {Money.Format(total.Value)}");
        }

        CheckPercentages(errors, overspendRule, given.Select(t => t.OverspendPercent).ToList(), "overspend");
        CheckPercentages(errors, underspendRule, given.Select(t => t.UnderspendPercent).ToList(), "underspend");

        if (errors.Any)
        {
            return errors;
        }

        var budget = new PooledBudget
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = programme.OrganisationId,
            ProgrammeId = programme.Id,
            FinancialYearStart = year.StartYear,
            Name = name!.Trim(),
            Kind = kind,
            Total = total!.Value,
            OverspendRule = overspendRule,
            UnderspendRule = underspendRule,
            CreatedAt = now,
        };
        foreach (var t in given)
        {
            budget.contributions.Add(new Contribution(
                budget.Id,
                t.OrganisationId,
                t.Amount!.Value,
                overspendRule == RiskShareRule.AgreedPercentages ? t.OverspendPercent : null,
                underspendRule == RiskShareRule.AgreedPercentages ? t.UnderspendPercent : null));
        }

        return budget;
    }

    private static void CheckPercentages(Errors errors, RiskShareRule rule, IReadOnlyList<decimal?> percents, string what)
    {
        if (rule != RiskShareRule.AgreedPercentages)
        {
            return;
        }

        if (percents.Any(p => p is not (>= 0 and <= 100) || decimal.Round(p.Value, 4) != p))
        {
            errors.Add($"{what}Percentages", $"Enter every partner's {what} percentage, from 0 to 100, to at most four decimal places");
        }
        else if (percents.Sum() != 100)
        {
            errors.Add($"{what}Percentages", $"The {what} percentages add up to {percents.Sum()}%, not 100%");
        }
    }

    public PooledBudgetStatement Statement(IReadOnlyDictionary<Guid, string> organisationNames, IEnumerable<BudgetLine> lines)
    {
        var ledger = lines.ToList();

        // The host first, then partners by name: the order of the statement, and of ties for a leftover penny.
        return PooledBudgetStatement.For(
            contributions
                .OrderBy(c => c.OrganisationId != OrganisationId)
                .ThenBy(c => organisationNames.GetValueOrDefault(c.OrganisationId, ""), StringComparer.Ordinal)
                .Select(c => new PartnerContribution(c.OrganisationId, organisationNames.GetValueOrDefault(c.OrganisationId, "Partner"), c.Amount, c.OverspendPercent, c.UnderspendPercent)).ToList(),
            OverspendRule,
            UnderspendRule,
            ledger.Where(l => l.Kind == BudgetLineKind.Spend).Sum(l => l.Amount),
            ledger.Where(l => l.Kind == BudgetLineKind.Commitment).Sum(l => l.Amount));
    }
}

/// <summary>One partner's money in a pooled budget. (Owned by the budget; the organisation here is the contributor.)</summary>
public sealed class Contribution
{
    private Contribution()
    {
    }

    internal Contribution(Guid pooledBudgetId, Guid organisationId, decimal amount, decimal? overspendPercent, decimal? underspendPercent)
    {
        PooledBudgetId = pooledBudgetId;
        OrganisationId = organisationId;
        Amount = amount;
        OverspendPercent = overspendPercent;
        UnderspendPercent = underspendPercent;
    }

    public Guid PooledBudgetId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public decimal Amount { get; private set; }

    public decimal? OverspendPercent { get; private set; }

    public decimal? UnderspendPercent { get; private set; }
}

public enum BudgetLineKind
{
    /// <summary>Money promised but not yet paid (an order or call-off); a negative line releases a commitment.</summary>
    Commitment,

    /// <summary>Money paid out of the pot; a negative line is a refund or credit.</summary>
    Spend,
}

/// <summary>A commitment or payment against a pooled budget, recorded by the host.</summary>
public sealed class BudgetLine : IOrganisationOwned
{
    private BudgetLine()
    {
    }

    public Guid Id { get; private set; }

    public Guid PooledBudgetId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public BudgetLineKind Kind { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public string Description { get; private set; } = "";

    public decimal Amount { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public static Result<BudgetLine> Record(PooledBudget budget, BudgetLineKind kind, DateOnly? on, string? description, decimal? amount, DateTime now)
    {
        var errors = new Errors();
        if (on is null)
        {
            errors.Add("on", "Enter the date");
        }
        else if (!budget.Year.Contains(on.Value))
        {
            errors.Add("on", $"The date must be in the budget's financial year, {budget.Year.Start:d MMMM yyyy} to {budget.Year.End:d MMMM yyyy}");
        }

        if (string.IsNullOrWhiteSpace(description) || description.Length > 300)
        {
            errors.Add("description", "Describe the line, up to 300 characters");
        }

        if (amount is null or 0 || decimal.Round(amount.Value, 2) != amount)
        {
            errors.Add("amount", "Enter the amount in pounds and pence; a negative amount is a credit or a release");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new BudgetLine
        {
            Id = Guid.CreateVersion7(now),
            PooledBudgetId = budget.Id,
            OrganisationId = budget.OrganisationId,
            Kind = kind,
            OccurredOn = on!.Value,
            Description = description!.Trim(),
            Amount = amount!.Value,
            RecordedAt = now,
        };
    }
}
