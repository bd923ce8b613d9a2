using Placeshaper.Calculators;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Appraisals;

/// <summary>
/// A provider-neutral options appraisal for a programme: it answers the three questions (is this service necessary,
/// what is the right model of delivery, who is best placed to deliver it) by scoring delivery models against weighted
/// criteria, costing them over their whole life, and registering their risks; once members decide, it is the business
/// case and cannot change. Scores are on a 0–10 scale, higher always better (a low-risk option scores high on risk).
/// </summary>
public sealed class Appraisal : IOrganisationOwned
{
    public const int Scale = 10;
    public const int MaxHorizon = 30;

    private readonly List<AppraisalCriterion> criteria = [];
    private readonly List<AppraisalOption> options = [];
    private readonly List<DueDiligenceCheck> checks = [];

    private Appraisal()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The first question: is this service necessary at all, and why.</summary>
    public string Necessity { get; private set; } = "";

    /// <summary>Yearly discount rate as a fraction; the Green Book's 3.5% unless the appraisal says otherwise.</summary>
    public decimal DiscountRate { get; private set; } = Discounting.GreenBookRate;

    /// <summary>Uplift on costs for optimism bias as a fraction (0.2 is 20%), per the Green Book's supplementary guidance.</summary>
    public decimal OptimismBias { get; private set; }

    /// <summary>Years of running costs compared, after the one-off transition in year 0.</summary>
    public int HorizonYears { get; private set; } = 5;

    /// <summary>How the service would be exited or handed back: "agree the divorce arrangements at the same time as the marriage".</summary>
    public string ExitStrategy { get; private set; } = "";

    public Guid? ChosenOptionId { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string DecisionMakers { get; private set; } = "";

    public string DecisionSummary { get; private set; } = "";

    public string? PapersUrl { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<AppraisalCriterion> Criteria => criteria;

    public IReadOnlyList<AppraisalOption> Options => options;

    public IReadOnlyList<DueDiligenceCheck> Checks => checks;

    public bool IsDecided => ChosenOptionId is not null;

    public AppraisalOption? Chosen => options.FirstOrDefault(o => o.Id == ChosenOptionId);

    /// <summary>
    /// The suggested criteria, with starting weights for the commissioner to change: the issue's list, in the Green
    /// Book's spirit of weighing value for money, outcomes, risk and deliverability together.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Description, decimal Weight)> SuggestedCriteria =
    [
        ("Whole-life cost", "Cost to the public purse over the appraisal period, including transition: cheaper scores higher.", 20),
        ("Quality", "Quality of service users would receive.", 15),
        ("Contribution to outcomes", "How far the option moves the programme's priority outcomes.", 20),
        ("Social value", "Wider economic, social and environmental wellbeing in the area.", 10),
        ("Risk", "Delivery, financial and reputational risk: lower risk scores higher.", 10),
        ("Deliverability and market maturity", "Whether it can be done in time and a capable market or team exists.", 10),
        ("Strategic fit", "Fit with the council's and partners' strategies.", 10),
        ("Flexibility and exit", "Ease of changing or leaving the arrangement later.", 5),
    ];

    public static Result<Appraisal> Start(Programme programme, string? title, string? necessity, DateTime now)
    {
        var errors = new Errors();
        CheckTitle(errors, title);
        CheckText(errors, "necessity", necessity, "The answer to whether the service is necessary", 8000);
        if (errors.Any)
        {
            return errors;
        }

        var appraisal = new Appraisal
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = programme.OrganisationId,
            ProgrammeId = programme.Id,
            Title = title!.Trim(),
            Necessity = necessity?.Trim() ?? "",
            CreatedAt = now,
        };
        var order = 0;
        foreach (var (name, description, weight) in SuggestedCriteria)
        {
            appraisal.criteria.Add(new AppraisalCriterion(appraisal, Guid.CreateVersion7(now), name, description, weight, order++));
        }

        return appraisal;
    }

    public Errors? Frame(string? title, string? necessity, decimal? discountRate, decimal? optimismBias, int? horizonYears, string? exitStrategy)
    {
        var errors = Unlocked();
        CheckTitle(errors, title);
        CheckText(errors, "necessity", necessity, "The answer to whether the service is necessary", 8000);
        CheckText(errors, "exitStrategy", exitStrategy, "The exit strategy", 8000);
        if (discountRate is not { } rate || rate < 0 || rate > 1)
        {
            errors.Add("discountRate", discountRate < 0 ? "The discount rate cannot be negative" : "Enter the discount rate as a percentage from 0 to 100, like 3.5");
        }

        if (optimismBias is not { } bias || bias < 0 || bias > 10)
        {
            errors.Add("optimismBias", "Enter the optimism bias as a percentage from 0 to 1,000, like 20");
        }

        if (horizonYears is not { } years || years < 1 || years > MaxHorizon)
        {
            errors.Add("horizonYears", $"Enter how many years to compare, from 1 to {MaxHorizon}");
        }

        if (errors.Any)
        {
            return errors;
        }

        Title = title!.Trim();
        Necessity = necessity?.Trim() ?? "";
        ExitStrategy = exitStrategy?.Trim() ?? "";
        DiscountRate = discountRate!.Value;
        OptimismBias = optimismBias!.Value;
        HorizonYears = horizonYears!.Value;
        foreach (var option in options)
        {
            option.DropCostsBeyond(HorizonYears);
        }

        return null;
    }

    public sealed record CriterionInput(Guid? Id, string? Name, string? Description, decimal? Weight);

    /// <summary>Replaces the criteria and weights. Weights must add up to exactly 100; removing a criterion removes its scores.</summary>
    public Errors? SetCriteria(IReadOnlyList<CriterionInput> inputs, DateTime now)
    {
        var errors = Unlocked();
        if (inputs.Count == 0)
        {
            errors.Add("criteria", "Give at least one criterion");
        }

        if (inputs.Count > OptionsAppraisal.MaxCriteria)
        {
            errors.Add("criteria", $"Give at most {OptionsAppraisal.MaxCriteria} criteria");
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var name = inputs[i].Name?.Trim() ?? "";
            if (name.Length is 0 or > 200)
            {
                errors.Add($"criteria[{i}].name", "Enter the criterion's name, up to 200 characters");
            }
            else if (inputs.Take(i).Any(c => string.Equals(c.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"criteria[{i}].name", $"There is already a criterion called {name}");
            }

            CheckText(errors, $"criteria[{i}].description", inputs[i].Description, "The description", 2000);
            if (inputs[i].Weight is not { } weight || weight < 0 || weight > 100 || decimal.Round(weight, 2) != weight)
            {
                errors.Add($"criteria[{i}].weight", "Enter a weight from 0 to 100, to at most 2 decimal places");
            }

            if (inputs[i].Id is { } id && criteria.All(c => c.Id != id))
            {
                errors.Add($"criteria[{i}].id", "There is no such criterion in this appraisal");
            }
        }

        var total = inputs.Sum(c => c.Weight ?? 0);
        if (inputs.Count > 0 && total != 100 && !errors.Any)
        {
            errors.Add("criteria", $"The weights add up to {Rounding.Plain(total)}; they must add up to 100");
        }

        if (errors.Any)
        {
            return errors;
        }

        var kept = inputs.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        criteria.RemoveAll(c => !kept.Contains(c.Id));
        foreach (var option in options)
        {
            option.DropScoresNotIn(kept);
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var existing = criteria.FirstOrDefault(c => c.Id == input.Id);
            if (existing is null)
            {
                criteria.Add(new AppraisalCriterion(this, Guid.CreateVersion7(now), input.Name!.Trim(), input.Description?.Trim() ?? "", input.Weight!.Value, i));
            }
            else
            {
                existing.Change(input.Name!.Trim(), input.Description?.Trim() ?? "", input.Weight!.Value, i);
            }
        }

        return null;
    }

    public Result<AppraisalOption> AddOption(DeliveryModels.Model model, string? name, string? description, DateTime now)
    {
        var errors = Unlocked();
        name = string.IsNullOrWhiteSpace(name) ? model.Name : name.Trim();
        if (name.Length > 200)
        {
            errors.Add("name", "The option's name can be up to 200 characters");
        }
        else if (options.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("name", $"There is already an option called {name}; give this one a name of its own");
        }

        CheckText(errors, "description", description, "The description", 4000);
        if (options.Count >= OptionsAppraisal.MaxOptions)
        {
            errors.Add("model", $"An appraisal can compare at most {OptionsAppraisal.MaxOptions} options");
        }

        if (errors.Any)
        {
            return errors;
        }

        var option = new AppraisalOption(this, Guid.CreateVersion7(now), model.Code, model.Name, name, description?.Trim() ?? "", options.Count);
        options.Add(option);
        return option;
    }

    public Errors? RemoveOption(Guid optionId)
    {
        var errors = Unlocked();
        if (errors.Any)
        {
            return errors;
        }

        options.RemoveAll(o => o.Id == optionId);
        return null;
    }

    public sealed record ScoreInput(Guid CriterionId, decimal? Score, string? Rationale, string? Evidence);

    /// <summary>Scores one option against the criteria; a blank score leaves that criterion unscored for now.</summary>
    public Errors? Score(AppraisalOption option, IReadOnlyList<ScoreInput> inputs)
    {
        var errors = Unlocked();
        foreach (var input in inputs)
        {
            var criterion = criteria.FirstOrDefault(c => c.Id == input.CriterionId);
            var field = $"scores[{input.CriterionId}]";
            if (criterion is null)
            {
                errors.Add(field, "There is no such criterion in this appraisal");
                continue;
            }

            if (input.Score is { } score && (score < 0 || score > Scale || decimal.Round(score, 1) != score))
            {
                errors.Add(field + ".score", $"Score {criterion.Name} from 0 to {Scale}, to at most one decimal place");
            }

            if (input.Score is not null && string.IsNullOrWhiteSpace(input.Rationale))
            {
                errors.Add(field + ".rationale", $"Say why {option.Name} scores {Rounding.Plain(input.Score.Value)} on {criterion.Name}");
            }

            CheckText(errors, field + ".rationale", input.Rationale, "The rationale", 4000);
            CheckText(errors, field + ".evidence", input.Evidence, "The evidence", 4000);
        }

        if (errors.Any)
        {
            return errors;
        }

        foreach (var input in inputs)
        {
            option.SetScore(input.CriterionId, input.Score, input.Rationale?.Trim() ?? "", input.Evidence?.Trim() ?? "");
        }

        return null;
    }

    /// <summary>Adds a risk to an option's register, rated likelihood × impact from 1 to 5 each.</summary>
    public Result<AppraisalRisk> AddRisk(AppraisalOption option, string? description, int? likelihood, int? impact, string? mitigation, string? owner, DateTime now)
    {
        var errors = Unlocked();
        return errors.Any ? errors : option.AddRisk(description, likelihood, impact, mitigation, owner, now);
    }

    public Errors? RemoveRisk(AppraisalOption option, Guid riskId)
    {
        var errors = Unlocked();
        if (!errors.Any && !option.RemoveRisk(riskId))
        {
            errors.Add("risk", "There is no such risk on this option");
        }

        return errors.Any ? errors : null;
    }

    public sealed record CostInput(int Year, decimal? Amount);

    /// <summary>Sets an option's costs: year 0 is the one-off transition, years 1 to the horizon the running cost.</summary>
    public Errors? Cost(AppraisalOption option, IReadOnlyList<CostInput> inputs)
    {
        var errors = Unlocked();
        foreach (var input in inputs)
        {
            if (input.Year < 0 || input.Year > HorizonYears)
            {
                errors.Add($"costs[{input.Year}]", $"Years run from 0 (one-off) to {HorizonYears}");
            }
            else if (input.Amount is { } amount && (amount < 0 || decimal.Round(amount, 2) != amount || amount > 1_000_000_000_000m))
            {
                errors.Add($"costs[{input.Year}]", $"Enter year {input.Year}'s cost in pounds and pence, £0 or more");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        option.SetCosts(inputs.Where(i => i.Amount is not null).Select(i => (i.Year, i.Amount!.Value)));
        return null;
    }

    /// <summary>
    /// The weighted scores, ranks, present-value costs and sensitivity, worked out by <see cref="OptionsAppraisal"/>;
    /// null until every option is scored on every criterion (with what is missing in <see cref="Gaps"/>).
    /// </summary>
    public OptionsAppraisal.Appraised? Calculate()
    {
        if (options.Count == 0 || criteria.Count == 0 || Gaps().Count > 0)
        {
            return null;
        }

        var input = new OptionsAppraisal.Input(
            Scale,
            criteria.OrderBy(c => c.Order).Select(c => new OptionsAppraisal.Criterion(c.Id.ToString(), c.Weight, c.Name)).ToList(),
            options.OrderBy(o => o.Order).Select(o => new OptionsAppraisal.Option(
                o.Id.ToString(),
                o.Scores.ToDictionary(s => s.CriterionId.ToString(), s => (decimal?)s.Score),
                o.Costs.Count == 0 ? null : o.Costs.OrderBy(c => c.Year).Select(c => new OptionsAppraisal.Cost(c.Year, c.Amount)).ToList(),
                o.Name)).ToList(),
            DiscountRate,
            OptimismBias);
        var result = OptionsAppraisal.Calculate(input);
        return result.Succeeded ? result.Value : null;
    }

    /// <summary>What stops the appraisal being calculated or decided, in words a commissioner can act on.</summary>
    public IReadOnlyList<string> Gaps()
    {
        var gaps = new List<string>();
        if (criteria.Count == 0)
        {
            gaps.Add("Add the criteria and their weights");
        }
        else if (criteria.Sum(c => c.Weight) != 100)
        {
            gaps.Add("Make the criteria's weights add up to 100");
        }

        if (options.Count < 2)
        {
            gaps.Add("Add at least two options to compare, one of them the current arrangement");
        }

        foreach (var option in options.OrderBy(o => o.Order))
        {
            var missing = criteria.OrderBy(c => c.Order).Where(c => option.Scores.All(s => s.CriterionId != c.Id)).Select(c => c.Name).ToList();
            if (missing.Count > 0)
            {
                gaps.Add($"Score {option.Name} on {string.Join(", ", missing)}");
            }
        }

        return gaps;
    }

    /// <summary>
    /// Members' decision: the chosen option, with date, decision makers and reasons. The appraisal must be complete,
    /// with an exit strategy agreed at the same time; afterwards it is the business case and no longer changes.
    /// </summary>
    public Errors? Decide(Guid? optionId, DateOnly? decidedOn, string? decisionMakers, string? summary, string? papersUrl, DateTime now)
    {
        var errors = Unlocked();
        foreach (var gap in Gaps())
        {
            errors.Add("appraisal", gap);
        }

        if (string.IsNullOrWhiteSpace(ExitStrategy))
        {
            errors.Add("exitStrategy", "Agree the exit strategy before the decision: how the service would be handed back or moved on");
        }

        var chosen = options.FirstOrDefault(o => o.Id == optionId);
        if (chosen is null)
        {
            errors.Add("option", "Choose the option members decided on");
        }

        var check = ProgrammeDecision.Check(decidedOn, "Options appraisal", decisionMakers, summary, papersUrl, now);
        if (check is not null)
        {
            foreach (var (field, messages) in check.ByField)
            {
                foreach (var message in messages)
                {
                    errors.Add(field, message);
                }
            }
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            errors.Add("summary", "Give the reasons for the decision");
        }

        if (errors.Any)
        {
            return errors;
        }

        ChosenOptionId = chosen!.Id;
        DecidedOn = decidedOn;
        DecisionMakers = decisionMakers!.Trim();
        DecisionSummary = summary!.Trim();
        PapersUrl = string.IsNullOrWhiteSpace(papersUrl) ? null : papersUrl.Trim();
        checks.Clear();
        foreach (var (item, source) in DueDiligence.For(chosen.ModelCode))
        {
            checks.Add(new DueDiligenceCheck(this, Guid.CreateVersion7(now), item, source, checks.Count));
        }

        return null;
    }

    /// <summary>Ticks off a due-diligence check for the chosen model: the one thing that still changes after the decision.</summary>
    public Errors? Tick(Guid checkId, bool done, string? note)
    {
        var check = checks.FirstOrDefault(c => c.Id == checkId);
        if (check is null)
        {
            return Errors.For("check", "There is no such check in this appraisal");
        }

        if (note?.Length > 2000)
        {
            return Errors.For("note", "The note can be up to 2,000 characters");
        }

        check.Record(done, note?.Trim() ?? "");
        return null;
    }

    private Errors Unlocked() => IsDecided
        ? Errors.For("appraisal", "Members have decided on this appraisal; it is now the business case and cannot change. Start a new appraisal to revisit it.")
        : new Errors();

    private static void CheckTitle(Errors errors, string? title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            errors.Add("title", "Enter the appraisal's title, up to 200 characters");
        }
    }

    internal static void CheckText(Errors errors, string field, string? text, string what, int max)
    {
        if (text?.Length > max)
        {
            errors.Add(field, $"{what} can be up to {max:#,##0} characters");
        }
    }
}
