using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Appraisals;
using Placeshaper.Common;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Shared;
using Placeshaper.Shared.Charts;

namespace Placeshaper.Calculators;

/// <summary>
/// The options appraisal calculator as a what-if tool: type criteria, weights and scores, or start from one of your
/// appraisals and try other weights without changing it.
/// </summary>
public sealed class OptionsAppraisalModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public const int CriteriaRows = 8;
    public const int OptionColumns = 6;

    public sealed class CriterionRow
    {
        public string? Name { get; set; }

        public string? Weight { get; set; }
    }

    public sealed class OptionRow
    {
        public string? Name { get; set; }

        public List<string?> Scores { get; set; } = [];

        public string? OneOff { get; set; }

        public string? Yearly { get; set; }

        public string? Years { get; set; }
    }

    [BindProperty]
    public List<CriterionRow> Criteria { get; set; } = [];

    [BindProperty]
    public List<OptionRow> Options { get; set; } = [];

    [BindProperty]
    public string? DiscountRate { get; set; } = "3.5";

    public OptionsAppraisal.Appraised? Result { get; private set; }

    public string? ScoresChart { get; private set; }

    public string? SensitivityChart { get; private set; }

    public string Slug => context.Slug;

    public string? StartedFrom { get; private set; }

    public async Task OnGetAsync(Guid? programmeId, Guid? appraisalId, CancellationToken cancellationToken)
    {
        if (programmeId is { } p && appraisalId is { } a && context.Current.HasAny(Roles.Officers)
            && await ProgrammeAccess.FindLedAsync(db, p, context.Id, cancellationToken) is not null
            && await AppraisalQueries.FindAsync(db, p, a, cancellationToken) is { } appraisal)
        {
            StartFrom(appraisal);
        }

        Pad();
    }

    public IActionResult OnPost()
    {
        // Only the rows the page shows: a crafted post with more is cut down rather than trusted.
        Criteria = Criteria.Take(CriteriaRows).ToList();
        Options = Options.Take(OptionColumns).ToList();
        foreach (var option in Options)
        {
            option.Scores = option.Scores.Take(CriteriaRows).ToList();
        }

        Pad();
        var usedCriteria = Enumerable.Range(0, Criteria.Count).Where(i => !string.IsNullOrWhiteSpace(Criteria[i].Name)).ToList();
        var usedOptions = Enumerable.Range(0, Options.Count).Where(j => !string.IsNullOrWhiteSpace(Options[j].Name)).ToList();
        var criteria = usedCriteria.Select(i => new OptionsAppraisal.Criterion(
            Criteria[i].Name!.Trim(),
            RequiredNumber(Criteria[i].Weight, $"criterion-{i}-weight", "Enter the weight as a number from 0 to 100"))).ToList();
        var options = usedOptions.Select(j =>
        {
            var row = Options[j];
            var scores = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            foreach (var i in usedCriteria)
            {
                scores[Criteria[i].Name!.Trim()] = RequiredNumber(row.Scores[i], $"score-{j}-{i}", $"Enter {row.Name!.Trim()}'s score on {Criteria[i].Name!.Trim()} from 0 to 10");
            }

            return new OptionsAppraisal.Option(row.Name!.Trim(), scores, Costs(row, j));
        }).ToList();
        var rate = RequiredNumber(DiscountRate, "discountRate", "Enter the discount rate as a percentage, like 3.5") / 100;
        if (HasErrors)
        {
            return Page();
        }

        var result = OptionsAppraisal.Calculate(new OptionsAppraisal.Input(10, criteria, options, rate));
        if (!result.Succeeded)
        {
            AddErrors(result.Errors, field => FieldId(field, usedCriteria, usedOptions, criteria));
            return Page();
        }

        Result = result.Value;
        ScoresChart = SvgCharts.Bars("scores-chart", "Weighted score out of 100", "points",
            Result.Options.OrderBy(o => o.Rank).Select(o => new SvgCharts.Bar(o.Id, Rounding.ToTwoPlaces(o.WeightedScore), o.Rank == 1)).ToList(), "options");
        var moving = Result.Sensitivity.Where(s => s.ChangesLeader).ToList();
        SensitivityChart = moving.Count == 0 ? null : SvgCharts.Bars("sensitivity-chart", "Change of weight that changes the leading option", "percentage points",
            moving.Select(s => new SvgCharts.Bar(s.Criterion, Rounding.ToTwoPlaces(s.WeightChangeToChangeLeader!.Value), Math.Abs(s.WeightChangeToChangeLeader.Value) < 5)).ToList(), "criteria");
        return Page();
    }

    private List<OptionsAppraisal.Cost>? Costs(OptionRow row, int j)
    {
        if (string.IsNullOrWhiteSpace(row.OneOff) && string.IsNullOrWhiteSpace(row.Yearly))
        {
            return null;
        }

        var costs = new List<OptionsAppraisal.Cost>();
        if (!string.IsNullOrWhiteSpace(row.OneOff))
        {
            costs.Add(new OptionsAppraisal.Cost(0, Money.TryParse(row.OneOff, out var oneOff) ? oneOff : Invalid($"option-{j}-oneOff", "Enter the one-off cost in pounds")));
        }

        if (!string.IsNullOrWhiteSpace(row.Yearly))
        {
            var yearly = Money.TryParse(row.Yearly, out var y) ? y : Invalid($"option-{j}-yearly", "Enter the yearly cost in pounds");
            if (!int.TryParse(row.Years?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) || years is < 1 or > Discounting.MaxYears)
            {
                AddError($"option-{j}-years", $"Enter for how many years the yearly cost runs, from 1 to {Discounting.MaxYears}");
                years = 0;
            }

            costs.AddRange(Enumerable.Range(1, years).Select(year => new OptionsAppraisal.Cost(year, yearly)));
        }

        return costs;
    }

    private decimal? RequiredNumber(string? text, string field, string message)
    {
        if (decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return Invalid(field, message);
    }

    private decimal? Invalid(string field, string message)
    {
        AddError(field, message);
        return null;
    }

    private void StartFrom(Appraisal appraisal)
    {
        StartedFrom = appraisal.Title;
        var criteria = appraisal.Criteria.OrderBy(c => c.Order).Take(CriteriaRows).ToList();
        Criteria = criteria.Select(c => new CriterionRow { Name = c.Name, Weight = Rounding.Plain(c.Weight) }).ToList();
        Options = appraisal.Options.OrderBy(o => o.Order).Take(OptionColumns).Select(o => new OptionRow
        {
            Name = o.Name,
            Scores = criteria.Select(c => o.ScoreFor(c.Id) is { } s ? Rounding.Plain(s.Score) : null).ToList(),
        }).ToList();
        DiscountRate = Rounding.Plain(appraisal.DiscountRate * 100);
    }

    private void Pad()
    {
        while (Criteria.Count < CriteriaRows)
        {
            Criteria.Add(new CriterionRow());
        }

        while (Options.Count < OptionColumns)
        {
            Options.Add(new OptionRow());
        }

        foreach (var option in Options)
        {
            while (option.Scores.Count < CriteriaRows)
            {
                option.Scores.Add(null);
            }
        }
    }

    /// <summary>The calculator names fields by position among the rows used; the page by row and column.</summary>
    private static string FieldId(string field, List<int> criteriaRows, List<int> optionColumns, List<OptionsAppraisal.Criterion> criteria)
    {
        static int Index(string field, int open) => int.Parse(field[(open + 1)..field.IndexOf(']', open)], CultureInfo.InvariantCulture);
        if (field.StartsWith("criteria[", StringComparison.Ordinal))
        {
            return $"criterion-{criteriaRows[Index(field, 8)]}-{(field.EndsWith("weight", StringComparison.Ordinal) ? "weight" : "name")}";
        }

        if (field.StartsWith("options[", StringComparison.Ordinal))
        {
            var j = optionColumns[Index(field, 7)];
            var scoreOf = field.IndexOf(".scores.", StringComparison.Ordinal);
            if (scoreOf > 0)
            {
                var criterion = criteria.FindIndex(c => c.Id == field[(scoreOf + 8)..]);
                return criterion < 0 ? $"option-{j}-name" : $"score-{j}-{criteriaRows[criterion]}";
            }

            return $"option-{j}-name";
        }

        return field switch
        {
            "criteria" => "criterion-0-weight",
            "options" => "option-0-name",
            _ => field,
        };
    }
}
