using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Calculators;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Appraisals;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class CriteriaModel(OrganisationContext context, PlaceshaperDb db) : AppraisalPage(context, db)
{
    /// <summary>Blank rows offered for new criteria each time the page is shown.</summary>
    public const int SpareRows = 3;

    public sealed class Row
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Weight { get; set; }
    }

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        Rows = Appraisal.Criteria.OrderBy(c => c.Order)
            .Select(c => new Row { Id = c.Id, Name = c.Name, Description = c.Description, Weight = Rounding.Plain(c.Weight) })
            .Concat(Enumerable.Range(0, SpareRows).Select(_ => new Row()))
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid programmeId, Guid appraisalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, appraisalId, cancellationToken))
        {
            return NotFound();
        }

        // A row left with no name is a criterion removed (or a spare row not used).
        var used = Rows.Select((row, index) => (row, index)).Where(r => !string.IsNullOrWhiteSpace(r.row.Name)).ToList();
        var inputs = new List<Appraisal.CriterionInput>();
        foreach (var (row, index) in used)
        {
            decimal? weight = decimal.TryParse(row.Weight?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var w) ? w : null;
            if (weight is null)
            {
                AddError($"criteria-{index}-weight", $"Enter the weight of {row.Name!.Trim()} as a number from 0 to 100");
            }

            inputs.Add(new Appraisal.CriterionInput(row.Id, row.Name, row.Description, weight ?? 0));
        }

        var errors = Appraisal.SetCriteria(inputs, Db.Clock.GetUtcNow().UtcDateTime);
        while (Rows.Count(r => string.IsNullOrWhiteSpace(r.Name)) < SpareRows)
        {
            Rows.Add(new Row());
        }

        return await SaveOrShowAsync(errors, Home + "#criteria", cancellationToken, field => FieldId(field, used.Select(u => u.index).ToList()));
    }

    /// <summary>"criteria[2].weight" → the id of that row's weight input on this page.</summary>
    private static string FieldId(string field, List<int> rowOfInput)
    {
        if (field == "criteria" || field == "appraisal")
        {
            return "criteria-0-weight";
        }

        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            return field;
        }

        var input = int.Parse(field[(open + 1)..close], CultureInfo.InvariantCulture);
        var row = input < rowOfInput.Count ? rowOfInput[input] : input;
        return $"criteria-{row}-{field[(close + 2)..]}";
    }
}
