using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared.Charts;

namespace Placeshaper.Needs;

public sealed class ShowModel(OrganisationContext context, PlaceshaperDb db) : PageModel
{
    /// <summary>More lines than this make a trend chart unreadable; the table below still has every area.</summary>
    private const int MaxTrendLines = 6;

    public string Slug => context.Slug;

    public NeedsQueries.Grid? Grid { get; private set; }

    public string TrendChart { get; private set; } = "";

    public string AreasChart { get; private set; } = "";

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

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Grid = await NeedsQueries.GridAsync(db, context.Id, code, cancellationToken);
        if (Grid is null)
        {
            return NotFound();
        }

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
        return Page();
    }
}
