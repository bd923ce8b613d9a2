using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Outcomes;

public static class OutcomeQueries
{
    public sealed record MeasureView(
        Guid Id, string Name, string Unit, string? IndicatorCode, string? AreaName, string Owner,
        decimal Baseline, DateOnly BaselineDate, decimal Target, DateOnly TargetDate,
        decimal? Latest, DateOnly? LatestDate, OutcomeProgress? Progress,
        DateTime? RetiredAt = null, string? RetiredReason = null);

    public sealed record OutcomeView(
        Guid Id, string Statement, Guid? ProgrammeId, IReadOnlyList<MeasureView> Measures, DateTime? RetiredAt = null, string? RetiredReason = null);

    public sealed record ThemeView(Guid Id, string Name, IReadOnlyList<OutcomeView> Outcomes);

    /// <summary>
    /// The organisation's outcomes framework with each measure's progress worked out from its latest figure. The
    /// active framework leaves out retired outcomes and measures; with <paramref name="includeRetired"/> they are
    /// there too, each with when and why it was retired.
    /// </summary>
    public static async Task<IReadOnlyList<ThemeView>> FrameworkAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken, bool includeRetired = false)
    {
        var themes = await db.OutcomeThemes.AsNoTracking().Where(t => t.OrganisationId == organisationId).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.OrganisationId == organisationId && (includeRetired || o.RetiredAt == null))
            .OrderBy(o => o.Statement).ToListAsync(cancellationToken);
        var measures = await db.OutcomeMeasures.AsNoTracking().Where(m => m.OrganisationId == organisationId && (includeRetired || m.RetiredAt == null))
            .OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.OrganisationId == organisationId).ToDictionaryAsync(i => i.Id, cancellationToken);
        var areas = await db.Areas.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var owners = await db.Organisations.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        var linked = measures.Where(m => m.IndicatorId is not null).Select(m => m.IndicatorId!.Value).Distinct().ToList();
        var figures = (await db.IndicatorValues.AsNoTracking().Where(v => linked.Contains(v.IndicatorId)).ToListAsync(cancellationToken))
            .GroupBy(v => (v.IndicatorId, v.AreaId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.PeriodStart).First());

        MeasureView View(OutcomeMeasure m)
        {
            decimal? latest = m.LatestValue;
            var latestDate = m.LatestDate;
            if (m.IndicatorId is { } indicatorId && figures.TryGetValue((indicatorId, m.AreaId!.Value), out var figure))
            {
                // A figure for a period counts from the period's start: 2024 is read as at 1 January 2024.
                (latest, latestDate) = (figure.Value, figure.PeriodStart);
            }

            var progress = latest is not null && latestDate is not null
                ? OutcomeProgress.Of(m.Baseline, m.BaselineDate, m.Target, m.TargetDate, latest.Value, latestDate.Value, m.Polarity)
                : null;
            return new MeasureView(
                m.Id, m.Name, m.Unit,
                m.IndicatorId is { } id && indicators.TryGetValue(id, out var indicator) ? indicator.Code : null,
                m.AreaId is { } areaId ? areas.GetValueOrDefault(areaId) : null,
                owners.GetValueOrDefault(m.OwnerOrganisationId, ""),
                m.Baseline, m.BaselineDate, m.Target, m.TargetDate, latest, latestDate, progress, m.RetiredAt, m.RetiredReason);
        }

        var measuresByOutcome = measures.ToLookup(m => m.OutcomeId);
        var outcomesByTheme = outcomes.ToLookup(o => o.ThemeId);
        return themes.Select(t => new ThemeView(
                t.Id,
                t.Name,
                outcomesByTheme[t.Id].Select(o => new OutcomeView(o.Id, o.Statement, o.ProgrammeId, measuresByOutcome[o.Id].Select(View).ToList(), o.RetiredAt, o.RetiredReason)).ToList()))
            .ToList();
    }
}
