using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;
using Placeshaper.Shared.Charts;

namespace Placeshaper.Needs;

public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db, RecordIndicatorValue record) : FormPage
{
    /// <summary>More lines than this make a trend chart unreadable; the table below still has every area.</summary>
    private const int MaxTrendLines = 6;

    public string Slug => context.Slug;

    public NeedsQueries.Grid? Grid { get; private set; }

    public string TrendChart { get; private set; } = "";

    public string AreasChart { get; private set; } = "";

    [BindProperty]
    public string? AreaCode { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    public bool CanRecord => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    /// <summary>The organisation's areas, to choose the one a figure is for.</summary>
    public IReadOnlyList<(string Value, string Label)> AreaOptions { get; private set; } = [];

    /// <summary>What was just saved, said back after the redirect: "Riverside, 2024: corrected to 2,900 (was 2,880)".</summary>
    [TempData]
    public string? Saved { get; set; }

    public Intelligence.TaggedIntelligence? WhatPeopleTellUs { get; private set; }

    public async Task<IActionResult> OnGetDownloadAsync(string code, string format, CancellationToken cancellationToken)
    {
        var grid = await NeedsQueries.GridAsync(db, context.Id, code, cancellationToken);
        if (grid is null)
        {
            return NotFound();
        }

        // The long layout, which imports back in as it is.
        var rows = grid.Areas
            .SelectMany(a => a.Values.Select((v, i) => (a, v, i)).Where(x => x.v is not null)
                .Select(x => (IReadOnlyList<object?>)[a.Code, grid.Periods[x.i], grid.Indicator.Code, x.v!.Value]))
            .ToList();
        return new Exports.Table(grid.Indicator.Code, ["area_code", "period", "indicator", "value"], rows).ToFile(format);
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    /// <summary>Adds one figure, or corrects the one already held for that area and period; audited as it saves.</summary>
    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!CanRecord)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var key = code.ToLowerInvariant();
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.OrganisationId == context.Id && i.Code == key, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }

        var areaCode = AreaCode?.Trim().ToUpperInvariant();
        var period = Needs.Period.TryParse(Period, out var p) ? p.Label : null;
        var before = period is null || areaCode is null
            ? null
            : await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Period == period)
                .Join(db.Areas.Where(a => a.Code == areaCode), v => v.AreaId, a => a.Id, (v, a) => (decimal?)v.Value)
                .SingleOrDefaultAsync(cancellationToken);

        // The same rules as an import: the area must be one of the organisation's, the period in a known form, the value a number.
        var value = IndicatorValue.Parse(Value);
        var result = await record.HandleAsync(indicator, new RecordIndicatorValue.Command(AreaCode, Period, value), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            await LoadAsync(code, cancellationToken);
            return Page();
        }

        var areaName = await db.Areas.Where(a => a.Id == result.Value.AreaId).Select(a => a.Name).SingleAsync(cancellationToken);
        var now = SvgCharts.Number(result.Value.Value);
        Saved = before is null ? $"{areaName}, {result.Value.Period}: {now} added"
            : before == result.Value.Value ? $"{areaName}, {result.Value.Period}: {now}, unchanged"
            : $"{areaName}, {result.Value.Period}: corrected to {now} (was {SvgCharts.Number(before.Value)})";
        return Redirect($"/o/{context.Slug}/needs/{indicator.Code}#figures");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        Grid = await NeedsQueries.GridAsync(db, context.Id, code, cancellationToken);
        if (Grid is null)
        {
            return false;
        }

        AreaOptions = (await db.Areas.AsNoTracking().Where(a => a.OrganisationId == context.Id).OrderBy(a => a.Name).Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Code, a.Name)).ToList();
        var indicator = Grid.Indicator;
        WhatPeopleTellUs = new(context.Slug, await Intelligence.IntelligenceQueries.TaggedAsync(db, context.Id, indicator.Id, cancellationToken));

        // The trend shows the whole authority against its comparators first, then as many parts as stay readable.
        var trend = Grid.Areas
            .OrderBy(a => a.Level switch { AreaLevel.Authority => 0, AreaLevel.Comparator => 1, _ => 2 })
            .Take(MaxTrendLines)
            .Select(a => new SvgCharts.Series(a.Name, a.Values, a.Level == AreaLevel.Comparator))
            .ToList();
        TrendChart = SvgCharts.Line("trend", indicator.Name, indicator.Unit, Grid.Periods, trend);
        var latest = Grid.Periods.Count - 1;
        var bars = Grid.Areas
            .Where(a => a.Values[latest] is not null)
            .OrderByDescending(a => a.Values[latest])
            .Select(a => new SvgCharts.Bar(a.Name, a.Values[latest]!.Value, a.Level is AreaLevel.Authority or AreaLevel.Comparator))
            .ToList();
        AreasChart = SvgCharts.Bars("areas", $"{indicator.Name}, {Grid.LatestPeriod}", indicator.Unit, bars);
        return true;
    }
}
