using Microsoft.AspNetCore.Mvc;
using Placeshaper.Calculators;
using Placeshaper.Data;
using Placeshaper.Exports;
using Placeshaper.Organisations;
using Placeshaper.Shared.Charts;

namespace Placeshaper.Appraisals;

/// <summary>
/// The business case members sign off: the appraisal as one printable document (print stylesheet) and as a workbook
/// with a sheet per part, generated from the live appraisal so the two never disagree.
/// </summary>
public sealed class BusinessCaseModel(OrganisationContext context, PlaceshaperDb db) : AppraisalPage(context, db)
{
    public OptionsAppraisal.Appraised? Results { get; private set; }

    public string? ScoresChart { get; private set; }

    public string OrganisationName => Context.Current.Name;

    public IReadOnlyList<AppraisalOption> OrderedOptions => Appraisal.Options.OrderBy(o => o.Order).ToList();

    public IReadOnlyList<AppraisalCriterion> OrderedCriteria => Appraisal.Criteria.OrderBy(c => c.Order).ToList();

    public OptionsAppraisal.ScoredOption? ResultFor(AppraisalOption option) => Results?.Options.FirstOrDefault(o => o.Id == option.Id.ToString());

    public string OptionName(string id) => Appraisal.Options.First(o => o.Id.ToString() == id).Name;

    public string CriterionName(string id) => Appraisal.Criteria.First(c => c.Id.ToString() == id).Name;

    /// <summary>The checks for the chosen model once decided; before that, those the leading option would need.</summary>
    public IReadOnlyList<(string Item, string Source, bool Done, string Note)> Checks =>
        Appraisal.IsDecided
            ? Appraisal.Checks.OrderBy(c => c.Order).Select(c => (c.Item, c.Source, c.Done, c.Note)).ToList()
            : Results is null ? [] : DueDiligence.For(Appraisal.Options.First(o => o.Id.ToString() == Results.Leaders[0]).ModelCode).Select(c => (c.Item, c.Source, false, "")).ToList();

    public async Task<IActionResult> OnGetAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        Results = Appraisal.Calculate();
        if (Results is not null)
        {
            ScoresChart = SvgCharts.Bars("scores-chart", "Weighted score out of 100", "points",
                Results.Options.OrderBy(o => o.Rank).Select(o => new SvgCharts.Bar(OptionName(o.Id), Rounding.ToTwoPlaces(o.WeightedScore), o.Rank == 1)).ToList(), "options");
        }

        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        Results = Appraisal.Calculate();
        var name = string.Concat(Appraisal.Title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
        return new FileContentResult(Table.ToWorkbook(Sheets()), Table.XlsxType) { FileDownloadName = $"business-case-{name}.xlsx" };
    }

    public IReadOnlyList<Table> Sheets()
    {
        var options = OrderedOptions;
        var criteria = OrderedCriteria;
        var years = Enumerable.Range(0, Appraisal.HorizonYears + 1).ToList();
        return
        [
            new Table("Options", ["option", "delivery_model", "description", "weighted_score", "rank", "npv_cost", "npv_cost_with_optimism_bias", "chosen"],
                options.Select(o => Row(o.Name, o.ModelName, o.Description, Rounded(ResultFor(o)?.WeightedScore), ResultFor(o)?.Rank, Rounded(ResultFor(o)?.NpvCost), Rounded(ResultFor(o)?.NpvCostWithOptimismBias), o.Id == Appraisal.ChosenOptionId ? "yes" : "")).ToList()),
            new Table("Criteria", ["criterion", "description", "weight"],
                criteria.Select(c => Row(c.Name, c.Description, c.Weight)).ToList()),
            new Table("Scores", ["option", "criterion", "weight", "score", "weighted_points", "rationale", "evidence"],
                options.SelectMany(o => criteria.Select(c => (o, c, s: o.ScoreFor(c.Id))))
                    .Select(x => Row(x.o.Name, x.c.Name, x.c.Weight, x.s?.Score, x.s is null ? null : Rounding.ToTwoPlaces(x.c.Weight * x.s.Score / Appraisal.Scale), x.s?.Rationale, x.s?.Evidence)).ToList()),
            new Table("Costs", ["option", .. years.Select(y => y == 0 ? "year_0_one_off" : $"year_{y}"), "discount_rate", "npv_cost"],
                options.Select(o => (IReadOnlyList<object?>)[o.Name, .. years.Select(y => (object?)o.CostIn(y)), Appraisal.DiscountRate, Rounded(ResultFor(o)?.NpvCost)]).ToList()),
            new Table("Sensitivity", ["criterion", "weight", "weight_change_to_change_leader", "new_weight", "new_leader"],
                Results?.Sensitivity.Select(s => Row(CriterionName(s.Criterion), s.Weight, Rounded(s.WeightChangeToChangeLeader), Rounded(s.NewWeight), s.NewLeader is null ? "none" : OptionName(s.NewLeader))).ToList() ?? []),
            new Table("Risks", ["option", "risk", "likelihood", "impact", "rating", "band", "mitigation", "owner"],
                options.SelectMany(o => o.Risks.OrderByDescending(r => r.Rating).Select(r => Row(o.Name, r.Description, r.Likelihood, r.Impact, r.Rating, r.Band, r.Mitigation, r.Owner))).ToList()),
            new Table("Due diligence", ["check", "source", "done", "note"],
                Checks.Select(c => Row(c.Item, c.Source, c.Done ? "yes" : "no", c.Note)).ToList()),
            new Table("Decision", ["item", "value"],
            [
                Row("Is this service necessary?", Appraisal.Necessity),
                Row("Exit strategy", Appraisal.ExitStrategy),
                Row("Chosen option", Appraisal.Chosen?.Name ?? "Not decided"),
                Row("Decided on", Appraisal.DecidedOn),
                Row("Decision makers", Appraisal.DecisionMakers),
                Row("Reasons", Appraisal.DecisionSummary),
                Row("Papers", Appraisal.PapersUrl),
                Row("Discount rate", Appraisal.DiscountRate),
                Row("Optimism bias", Appraisal.OptimismBias),
            ]),
        ];
    }

    private static decimal? Rounded(decimal? value) => Rounding.ToTwoPlaces(value);

    private static object?[] Row(params object?[] cells) => cells;
}
