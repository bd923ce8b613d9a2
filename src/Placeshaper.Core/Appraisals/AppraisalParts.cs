using Placeshaper.Organisations;

namespace Placeshaper.Appraisals;

/// <summary>A criterion options are judged on, with its weight out of 100.</summary>
public sealed class AppraisalCriterion : IOrganisationOwned
{
    private AppraisalCriterion()
    {
    }

    internal AppraisalCriterion(Appraisal appraisal, Guid id, string name, string description, decimal weight, int order)
    {
        Id = id;
        AppraisalId = appraisal.Id;
        OrganisationId = appraisal.OrganisationId;
        Name = name;
        Description = description;
        Weight = weight;
        Order = order;
    }

    public Guid Id { get; private set; }

    public Guid AppraisalId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public decimal Weight { get; private set; }

    public int Order { get; private set; }

    internal void Change(string name, string description, decimal weight, int order)
    {
        Name = name;
        Description = description;
        Weight = weight;
        Order = order;
    }
}

/// <summary>One delivery option under appraisal, e.g. "Outsource to a private provider", with its scores, costs and risks.</summary>
public sealed class AppraisalOption : IOrganisationOwned
{
    private readonly List<AppraisalScore> scores = [];
    private readonly List<AppraisalCost> costs = [];
    private readonly List<AppraisalRisk> risks = [];

    private AppraisalOption()
    {
    }

    internal AppraisalOption(Appraisal appraisal, Guid id, string modelCode, string modelName, string name, string description, int order)
    {
        Id = id;
        AppraisalId = appraisal.Id;
        OrganisationId = appraisal.OrganisationId;
        ModelCode = modelCode;
        ModelName = modelName;
        Name = name;
        Description = description;
        Order = order;
    }

    public Guid Id { get; private set; }

    public Guid AppraisalId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The delivery model, from <see cref="DeliveryModels"/> or the organisation's own; its name is kept as it was.</summary>
    public string ModelCode { get; private set; } = "";

    public string ModelName { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public int Order { get; private set; }

    public IReadOnlyList<AppraisalScore> Scores => scores;

    public IReadOnlyList<AppraisalCost> Costs => costs;

    public IReadOnlyList<AppraisalRisk> Risks => risks;

    public AppraisalScore? ScoreFor(Guid criterionId) => scores.FirstOrDefault(s => s.CriterionId == criterionId);

    public decimal? CostIn(int year) => costs.FirstOrDefault(c => c.Year == year)?.Amount;

    internal void SetScore(Guid criterionId, decimal? score, string rationale, string evidence)
    {
        var existing = ScoreFor(criterionId);
        if (score is null)
        {
            if (existing is not null)
            {
                scores.Remove(existing);
            }

            return;
        }

        if (existing is null)
        {
            scores.Add(new AppraisalScore(this, criterionId, score.Value, rationale, evidence));
        }
        else
        {
            existing.Change(score.Value, rationale, evidence);
        }
    }

    internal void DropScoresNotIn(IReadOnlySet<Guid> criteria) => scores.RemoveAll(s => !criteria.Contains(s.CriterionId));

    internal void SetCosts(IEnumerable<(int Year, decimal Amount)> yearly)
    {
        var wanted = yearly.ToDictionary(c => c.Year, c => c.Amount);
        costs.RemoveAll(c => !wanted.ContainsKey(c.Year));
        foreach (var (year, amount) in wanted)
        {
            if (costs.FirstOrDefault(c => c.Year == year) is { } existing)
            {
                existing.Change(amount);
            }
            else
            {
                costs.Add(new AppraisalCost(this, year, amount));
            }
        }
    }

    internal void DropCostsBeyond(int horizon) => costs.RemoveAll(c => c.Year > horizon);

    internal Result<AppraisalRisk> AddRisk(string? description, int? likelihood, int? impact, string? mitigation, string? owner, DateTime now)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(description) || description.Length > 1000)
        {
            errors.Add("description", "Describe the risk, up to 1,000 characters");
        }

        if (likelihood is not (>= 1 and <= 5))
        {
            errors.Add("likelihood", "Choose the likelihood from 1 (rare) to 5 (almost certain)");
        }

        if (impact is not (>= 1 and <= 5))
        {
            errors.Add("impact", "Choose the impact from 1 (negligible) to 5 (severe)");
        }

        Appraisal.CheckText(errors, "mitigation", mitigation, "The mitigation", 2000);
        Appraisal.CheckText(errors, "owner", owner, "The owner", 200);
        if (errors.Any)
        {
            return errors;
        }

        var risk = new AppraisalRisk(this, Guid.CreateVersion7(now), description!.Trim(), likelihood!.Value, impact!.Value, mitigation?.Trim() ?? "", owner?.Trim() ?? "");
        risks.Add(risk);
        return risk;
    }

    internal bool RemoveRisk(Guid riskId) => risks.RemoveAll(r => r.Id == riskId) > 0;
}

/// <summary>A score from 0 to 10 with the reasoning and evidence behind it, so the judgement can be challenged.</summary>
public sealed class AppraisalScore : IOrganisationOwned
{
    private AppraisalScore()
    {
    }

    internal AppraisalScore(AppraisalOption option, Guid criterionId, decimal score, string rationale, string evidence)
    {
        OptionId = option.Id;
        OrganisationId = option.OrganisationId;
        CriterionId = criterionId;
        Score = score;
        Rationale = rationale;
        Evidence = evidence;
    }

    public Guid OptionId { get; private set; }

    public Guid CriterionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public decimal Score { get; private set; }

    public string Rationale { get; private set; } = "";

    public string Evidence { get; private set; } = "";

    internal void Change(decimal score, string rationale, string evidence)
    {
        Score = score;
        Rationale = rationale;
        Evidence = evidence;
    }
}

/// <summary>An option's cost in one year of the appraisal: year 0 is the one-off transition, later years running costs.</summary>
public sealed class AppraisalCost : IOrganisationOwned
{
    private AppraisalCost()
    {
    }

    internal AppraisalCost(AppraisalOption option, int year, decimal amount)
    {
        OptionId = option.Id;
        OrganisationId = option.OrganisationId;
        Year = year;
        Amount = amount;
    }

    public Guid OptionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Year { get; private set; }

    public decimal Amount { get; private set; }

    internal void Change(decimal amount) => Amount = amount;
}

/// <summary>A risk of an option, rated likelihood × impact on the usual 5 × 5 matrix.</summary>
public sealed class AppraisalRisk : IOrganisationOwned
{
    private AppraisalRisk()
    {
    }

    internal AppraisalRisk(AppraisalOption option, Guid id, string description, int likelihood, int impact, string mitigation, string owner)
    {
        Id = id;
        OptionId = option.Id;
        OrganisationId = option.OrganisationId;
        Description = description;
        Likelihood = likelihood;
        Impact = impact;
        Mitigation = mitigation;
        Owner = owner;
    }

    public Guid Id { get; private set; }

    public Guid OptionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Description { get; private set; } = "";

    public int Likelihood { get; private set; }

    public int Impact { get; private set; }

    public string Mitigation { get; private set; } = "";

    public string Owner { get; private set; } = "";

    public int Rating => Likelihood * Impact;

    /// <summary>Bands of likelihood × impact as this product shows them; organisations with their own bands read the rating.</summary>
    public string Band => Rating switch
    {
        >= 15 => "Very high",
        >= 8 => "High",
        >= 4 => "Medium",
        _ => "Low",
    };
}

/// <summary>A due-diligence check on the chosen model, ticked off after the decision.</summary>
public sealed class DueDiligenceCheck : IOrganisationOwned
{
    private DueDiligenceCheck()
    {
    }

    internal DueDiligenceCheck(Appraisal appraisal, Guid id, string item, string source, int order)
    {
        Id = id;
        AppraisalId = appraisal.Id;
        OrganisationId = appraisal.OrganisationId;
        Item = item;
        Source = source;
        Order = order;
    }

    public Guid Id { get; private set; }

    public Guid AppraisalId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Item { get; private set; } = "";

    /// <summary>The law or guidance the check comes from, when there is one.</summary>
    public string Source { get; private set; } = "";

    public bool Done { get; private set; }

    public string Note { get; private set; } = "";

    public int Order { get; private set; }

    internal void Record(bool done, string note)
    {
        Done = done;
        Note = note;
    }
}
