using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Calculators;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Appraisals;

public sealed class OptionModel(OrganisationContext context, PlaceshaperDb db) : AppraisalPage(context, db)
{
    public sealed class ScoreRow
    {
        public Guid CriterionId { get; set; }

        public string? Score { get; set; }

        public string? Rationale { get; set; }

        public string? Evidence { get; set; }
    }

    [BindProperty]
    public List<ScoreRow> Scores { get; set; } = [];

    [BindProperty]
    public List<string?> Costs { get; set; } = [];

    [BindProperty]
    public string? RiskDescription { get; set; }

    [BindProperty]
    public string? Likelihood { get; set; }

    [BindProperty]
    public string? Impact { get; set; }

    [BindProperty]
    public string? Mitigation { get; set; }

    [BindProperty]
    public string? Owner { get; set; }

    public AppraisalOption Option { get; private set; } = null!;

    public bool Editable => CanEdit && !Appraisal.IsDecided;

    public async Task<IActionResult> OnGetAsync(Guid programmeId, Guid appraisalId, Guid optionId, CancellationToken cancellationToken)
    {
        if (!await LoadOptionAsync(programmeId, appraisalId, optionId, cancellationToken))
        {
            return NotFound();
        }

        FillScores();
        FillCosts();
        return Page();
    }

    public async Task<IActionResult> OnPostScoresAsync(Guid programmeId, Guid appraisalId, Guid optionId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(programmeId, appraisalId, optionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var inputs = new List<Appraisal.ScoreInput>();
        foreach (var row in Scores)
        {
            decimal? score = null;
            if (!string.IsNullOrWhiteSpace(row.Score))
            {
                if (decimal.TryParse(row.Score.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
                {
                    score = parsed;
                }
                else
                {
                    AddError("score-" + row.CriterionId, "Enter the score as a number from 0 to 10, like 7 or 6.5");
                    continue;
                }
            }

            inputs.Add(new Appraisal.ScoreInput(row.CriterionId, score, row.Rationale, row.Evidence));
        }

        FillCosts();
        return await SaveOrShowAsync(Appraisal.Score(Option, inputs), Home + "#options", cancellationToken, ScoreField);
    }

    public async Task<IActionResult> OnPostCostsAsync(Guid programmeId, Guid appraisalId, Guid optionId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(programmeId, appraisalId, optionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var inputs = new List<Appraisal.CostInput>();
        for (var year = 0; year <= Appraisal.HorizonYears && year < Costs.Count; year++)
        {
            if (string.IsNullOrWhiteSpace(Costs[year]))
            {
                inputs.Add(new Appraisal.CostInput(year, null));
            }
            else if (Money.TryParse(Costs[year], out var amount))
            {
                inputs.Add(new Appraisal.CostInput(year, amount));
            }
            else
            {
                AddError($"cost-{year}", $"Enter year {year}'s cost in pounds, like 250000 or £1,250,000.50");
            }
        }

        FillScores();
        return await SaveOrShowAsync(Appraisal.Cost(Option, inputs), Home + "#options", cancellationToken, f => f.StartsWith("costs[", StringComparison.Ordinal) ? "cost-" + f[6..^1] : "cost-0");
    }

    public async Task<IActionResult> OnPostRiskAsync(Guid programmeId, Guid appraisalId, Guid optionId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(programmeId, appraisalId, optionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var added = Appraisal.AddRisk(Option, RiskDescription, ParseRating(Likelihood), ParseRating(Impact), Mitigation, Owner, Db.Clock.GetUtcNow().UtcDateTime);
        FillScores();
        FillCosts();
        return await SaveOrShowAsync(added.Errors, $"{Home}/options/{Option.Id}#risks", cancellationToken, f => "risk-" + f);
    }

    public async Task<IActionResult> OnPostRemoveRiskAsync(Guid programmeId, Guid appraisalId, Guid optionId, Guid riskId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(programmeId, appraisalId, optionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        FillScores();
        FillCosts();
        return await SaveOrShowAsync(Appraisal.RemoveRisk(Option, riskId), $"{Home}/options/{Option.Id}#risks", cancellationToken, _ => "risk-description");
    }

    public static readonly IReadOnlyList<(string Value, string Label)> LikelihoodScale =
        [("1", "1 Rare"), ("2", "2 Unlikely"), ("3", "3 Possible"), ("4", "4 Likely"), ("5", "5 Almost certain")];

    public static readonly IReadOnlyList<(string Value, string Label)> ImpactScale =
        [("1", "1 Negligible"), ("2", "2 Minor"), ("3", "3 Moderate"), ("4", "4 Major"), ("5", "5 Severe")];

    private static int? ParseRating(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string ScoreField(string field)
    {
        // "scores[<criterion id>].rationale" → "rationale-<criterion id>"
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < 0)
        {
            return field == "appraisal" ? "scores" : field;
        }

        var id = field[(open + 1)..close];
        var part = close + 2 < field.Length ? field[(close + 2)..] : "score";
        return $"{part}-{id}";
    }

    /// <summary>Not found for another organisation's option; forbidden to change a decided appraisal or without the role.</summary>
    private async Task<IActionResult?> RefuseAsync(Guid programmeId, Guid appraisalId, Guid optionId, CancellationToken cancellationToken) =>
        !await LoadOptionAsync(programmeId, appraisalId, optionId, cancellationToken) ? NotFound()
        : !Editable ? StatusCode(StatusCodes.Status403Forbidden)
        : null;

    private async Task<bool> LoadOptionAsync(Guid programmeId, Guid appraisalId, Guid optionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken) || Appraisal.Options.FirstOrDefault(o => o.Id == optionId) is not { } option)
        {
            return false;
        }

        Option = option;
        return true;
    }

    private void FillScores() => Scores = Appraisal.Criteria.OrderBy(c => c.Order).Select(c =>
    {
        var score = Option.ScoreFor(c.Id);
        return new ScoreRow { CriterionId = c.Id, Score = score is null ? null : Rounding.Plain(score.Score), Rationale = score?.Rationale, Evidence = score?.Evidence };
    }).ToList();

    private void FillCosts() => Costs = Enumerable.Range(0, Appraisal.HorizonYears + 1)
        .Select(year => Option.CostIn(year) is { } amount ? amount.ToString("0.00", CultureInfo.InvariantCulture) : null).ToList();
}
