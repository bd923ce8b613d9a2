using Microsoft.AspNetCore.Mvc;
using Placeshaper.Calculators;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared.Charts;

namespace Placeshaper.Appraisals;

public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db) : AppraisalPage(context, db)
{
    public OptionsAppraisal.Appraised? Results { get; private set; }

    public string? ScoresChart { get; private set; }

    public string? SensitivityChart { get; private set; }

    public string OptionName(string id) => Appraisal.Options.First(o => o.Id.ToString() == id).Name;

    public string CriterionName(string id) => Appraisal.Criteria.First(c => c.Id.ToString() == id).Name;

    public OptionsAppraisal.ScoredOption? ResultFor(AppraisalOption option) => Results?.Options.FirstOrDefault(o => o.Id == option.Id.ToString());

    public async Task<IActionResult> OnGetAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        Describe();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveOptionAsync(Guid programmeId, Guid appraisalId, Guid optionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Describe();
        return await SaveOrShowAsync(Appraisal.RemoveOption(optionId), Home, cancellationToken);
    }

    public async Task<IActionResult> OnPostTickAsync(Guid programmeId, Guid appraisalId, Guid checkId, bool done, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Describe();
        return await SaveOrShowAsync(Appraisal.Tick(checkId, done, note), Home + "#due-diligence", cancellationToken, _ => "check-" + checkId);
    }

    private void Describe()
    {
        Results = Appraisal.Calculate();
        if (Results is null)
        {
            return;
        }

        ScoresChart = SvgCharts.Bars(
            "scores-chart",
            "Weighted score out of 100",
            "points",
            Results.Options.OrderBy(o => o.Rank).Select(o => new SvgCharts.Bar(OptionName(o.Id), Rounding.ToTwoPlaces(o.WeightedScore), o.Rank == 1)).ToList(),
            "options");
        var moving = Results.Sensitivity.Where(s => s.ChangesLeader).ToList();
        if (moving.Count > 0)
        {
            SensitivityChart = SvgCharts.Bars(
                "sensitivity-chart",
                "Change of weight that changes the leading option",
                "percentage points",
                moving.Select(s => new SvgCharts.Bar(CriterionName(s.Criterion), Rounding.ToTwoPlaces(s.WeightChangeToChangeLeader!.Value), Math.Abs(s.WeightChangeToChangeLeader.Value) < 5)).ToList(),
                "criteria");
        }
    }
}
