using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;

namespace Placeshaper.Needs;

public static class NeedsQueries
{
    public sealed record Listed(string Code, string Name, string Unit, Polarity Polarity, string Source, string? LatestPeriod, int Figures);

    public sealed record AreaRow(string Code, string Name, AreaLevel Level, IReadOnlyList<decimal?> Values);

    /// <summary>An indicator's figures as a grid: areas (authority, its parts, then comparators) by periods in time order.</summary>
    public sealed record Grid(Indicator Indicator, IReadOnlyList<string> Periods, IReadOnlyList<AreaRow> Areas)
    {
        public string? LatestPeriod => Periods.Count == 0 ? null : Periods[^1];
    }

    public static async Task<IReadOnlyList<Listed>> IndicatorsAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.OrganisationId == organisationId).OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var stats = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.OrganisationId == organisationId)
            .GroupBy(v => v.IndicatorId)
            .Select(g => new { IndicatorId = g.Key, Count = g.Count(), Latest = g.Max(v => v.PeriodStart) })
            .ToListAsync(cancellationToken);
        var latestPeriods = new Dictionary<Guid, string>();
        foreach (var s in stats)
        {
            latestPeriods[s.IndicatorId] = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.IndicatorId == s.IndicatorId && v.PeriodStart == s.Latest).Select(v => v.Period).FirstAsync(cancellationToken);
        }

        var counts = stats.ToDictionary(s => s.IndicatorId, s => s.Count);
        return indicators.Select(i => new Listed(i.Code, i.Name, i.Unit, i.Polarity, i.Source, latestPeriods.GetValueOrDefault(i.Id), counts.GetValueOrDefault(i.Id))).ToList();
    }

    public static async Task<Grid?> GridAsync(PlaceshaperDb db, Guid organisationId, string code, CancellationToken cancellationToken)
    {
        var key = code.ToLowerInvariant();
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.OrganisationId == organisationId && i.Code == key, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicator.Id).ToListAsync(cancellationToken);
        var periods = values.GroupBy(v => v.Period).OrderBy(g => g.First().PeriodStart).Select(g => g.Key).ToList();
        var areas = await AreaQueries.ForOrganisationAsync(db, organisationId, cancellationToken);
        var byArea = values.ToLookup(v => v.AreaId);
        var rows = areas
            .Where(a => byArea[a.Id].Any())
            .OrderBy(a => a.Level == AreaLevel.Comparator)
            .Select(a =>
            {
                var forArea = byArea[a.Id].ToDictionary(v => v.Period, v => v.Value);
                return new AreaRow(a.Code, a.Name, a.Level, periods.Select(p => forArea.TryGetValue(p, out var v) ? v : (decimal?)null).ToList());
            })
            .ToList();
        return new Grid(indicator, periods, rows);
    }
}
