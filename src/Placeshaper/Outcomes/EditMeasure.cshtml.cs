using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class EditMeasureModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public MeasureForm Input { get; set; } = new();

    public string Slug => context.Slug;

    public Guid MeasureId { get; private set; }

    public string Statement { get; private set; } = "";

    public string? IndicatorCode { get; private set; }

    public bool Retired { get; private set; }

    private IReadOnlyList<(string Value, string Label)> owners = [];

    public MeasureFields Fields => new(Input, IsNew: false, FromIndicator: IndicatorCode is not null, [], [], owners, ErrorFor);

    public async Task<IActionResult> OnGetAsync(Guid measureId, CancellationToken cancellationToken)
    {
        var measure = await LoadAsync(measureId, cancellationToken);
        if (measure is null)
        {
            return NotFound();
        }

        var owner = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == measure.OwnerOrganisationId).Select(o => o.Slug).SingleAsync(cancellationToken);
        Input = MeasureForm.From(measure, owner);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid measureId, CancellationToken cancellationToken)
    {
        var measure = await LoadAsync(measureId, cancellationToken);
        if (measure is null)
        {
            return NotFound();
        }

        var baseline = Number("baseline", Input.Baseline, "Enter the baseline as a number, like 78.5");
        var baselineDate = Date("baselineDate", Input.BaselineDate, "The baseline date must be a real date, like 1 4 2023");
        var target = Number("target", Input.Target, "Enter the target as a number, like 85");
        var targetDate = Date("targetDate", Input.TargetDate, "The target date must be a real date, like 31 3 2027");
        var polarity = IndicatorCode is null ? Input.PolarityValue : measure.Polarity;
        if (polarity is null)
        {
            AddError("polarity", "Say which way is better, or neither");
        }

        var errors = new Common.Errors();
        var owner = await OutcomeChanges.OwnerAsync(db, context.Id, Input.Owner, errors, cancellationToken);

        // Revise changes the measure only when it keeps the rules; nothing is saved while any field has an error.
        var revised = measure.Revise(Input.Name, IndicatorCode is null ? Input.Unit : measure.Unit, polarity ?? measure.Polarity,
            baseline, baselineDate, target, targetDate, owner);
        AddErrors(errors);
        if (!revised.Succeeded || HasErrors)
        {
            AddErrors(revised.Errors ?? new Common.Errors());
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/outcomes#measure-{measure.Id}");
    }

    private async Task<OutcomeMeasure?> LoadAsync(Guid measureId, CancellationToken cancellationToken)
    {
        var measure = await db.OutcomeMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.OrganisationId == context.Id, cancellationToken);
        if (measure is not null)
        {
            MeasureId = measure.Id;
            Retired = measure.IsRetired;
            Statement = await db.Outcomes.Where(o => o.Id == measure.OutcomeId).Select(o => o.Statement).SingleAsync(cancellationToken);
            IndicatorCode = measure.IndicatorId is { } indicatorId ? await db.Indicators.Where(i => i.Id == indicatorId).Select(i => i.Code).SingleAsync(cancellationToken) : null;
            owners = await OutcomePages.OwnersAsync(db, context.Id, cancellationToken);
        }

        return measure;
    }
}
