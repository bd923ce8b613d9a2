using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class AddMeasureModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public MeasureForm Input { get; set; } = new();

    public string Slug => context.Slug;

    public string Statement { get; private set; } = "";

    private IReadOnlyList<(string Value, string Label)> indicators = [];
    private IReadOnlyList<(string Value, string Label)> areas = [];
    private IReadOnlyList<(string Value, string Label)> owners = [];

    public MeasureFields Fields => new(Input, IsNew: true, FromIndicator: false, indicators, areas, owners, ErrorFor);

    public async Task<IActionResult> OnGetAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        Input.Owner = context.Slug;
        return await LoadAsync(outcomeId, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(outcomeId, cancellationToken))
        {
            return NotFound();
        }

        var baseline = Number("baseline", Input.Baseline, "Enter the baseline as a number, like 78.5");
        var baselineDate = Date("baselineDate", Input.BaselineDate, "The baseline date must be a real date, like 1 4 2023");
        var target = Number("target", Input.Target, "Enter the target as a number, like 85");
        var targetDate = Date("targetDate", Input.TargetDate, "The target date must be a real date, like 31 3 2027");
        var fromIndicator = !string.IsNullOrWhiteSpace(Input.Indicator);
        if (!fromIndicator && Input.PolarityValue is null)
        {
            AddError("polarity", "Say which way is better, or neither");
        }

        var measure = await OutcomeChanges.DefineMeasureAsync(db, context.Id, new OutcomeChanges.MeasureCommand(
            outcomeId, Input.Name, Input.Indicator, fromIndicator ? Input.AreaCode : null, fromIndicator ? null : Input.Unit, Input.PolarityValue,
            baseline, baselineDate, target, targetDate, Input.Owner), cancellationToken);
        if (!measure.Succeeded || HasErrors)
        {
            AddErrors(measure.Errors ?? new Common.Errors());
            return Page();
        }

        db.OutcomeMeasures.Add(measure.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/outcomes#measure-{measure.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.AsNoTracking().SingleOrDefaultAsync(o => o.Id == outcomeId && o.OrganisationId == context.Id, cancellationToken);
        if (outcome is null)
        {
            return false;
        }

        Statement = outcome.Statement;
        indicators = (await db.Indicators.AsNoTracking().Where(i => i.OrganisationId == context.Id).OrderBy(i => i.Name).Select(i => new { i.Code, i.Name }).ToListAsync(cancellationToken))
            .Select(i => (i.Code, i.Name)).ToList();
        areas = (await db.Areas.AsNoTracking().Where(a => a.OrganisationId == context.Id).OrderBy(a => a.Name).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Code, a.Name)).ToList();
        owners = await OutcomePages.OwnersAsync(db, context.Id, cancellationToken);
        return true;
    }
}
