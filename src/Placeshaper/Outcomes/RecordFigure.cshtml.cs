using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class RecordFigureModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public DateInput On { get; set; } = new();

    public string Slug => context.Slug;

    public OutcomeMeasure? Measure { get; private set; }

    public string? IndicatorCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid measureId, CancellationToken cancellationToken) =>
        await LoadAsync(measureId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid measureId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(measureId, cancellationToken))
        {
            return NotFound();
        }

        var value = Number("value", Value, "Enter the figure as a number, like 81.2");
        var on = Date("on", On, "The figure's date must be a real date, like 30 9 2025");
        if (value is null)
        {
            AddError("value", "Enter the figure");
        }

        if (on is null)
        {
            AddError("on", "Enter the date of the figure");
        }

        Common.Result<OutcomeMeasure> reported = HasErrors ? new Common.Errors() : Measure!.Report(value!.Value, on!.Value);
        if (!reported.Succeeded || HasErrors)
        {
            AddErrors(reported.Errors ?? new Common.Errors());
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/outcomes#measure-{Measure!.Id}");
    }

    private async Task<bool> LoadAsync(Guid measureId, CancellationToken cancellationToken)
    {
        Measure = await db.OutcomeMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.OrganisationId == context.Id, cancellationToken);
        IndicatorCode = Measure?.IndicatorId is { } indicatorId ? await db.Indicators.Where(i => i.Id == indicatorId).Select(i => i.Code).SingleAsync(cancellationToken) : null;
        return Measure is not null;
    }
}
