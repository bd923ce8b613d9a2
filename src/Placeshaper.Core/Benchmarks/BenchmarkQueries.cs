using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Benchmarks;

/// <summary>
/// Reads of the pooled benchmark data. The one place that reads other organisations' figures and settings (past the
/// organisation filter), and it hands them straight to <see cref="BenchmarkPublishing"/>, which decides what may be shown.
/// </summary>
public static class BenchmarkQueries
{
    public sealed record Filter(string? Measure = null, string? Period = null, string? Provider = null);

    public sealed record Setting(string Category, string Name, SharingChoice Choice, DateTime? UpdatedAt, string? UpdatedBy);

    public static async Task<BenchmarkPublishing.Published> PublishedAsync(PlaceshaperDb db, Guid viewerId, string category, Filter filter, CancellationToken cancellationToken)
    {
        var sharers = await db.BenchmarkSharings.IgnoreQueryFilters().AsNoTracking().Where(s => s.Category == category)
            .Join(db.Organisations.IgnoreQueryFilters(), s => s.OrganisationId, o => o.Id, (s, o) => new BenchmarkPublishing.Sharer(s.OrganisationId, o.Name, s.Choice))
            .ToListAsync(cancellationToken);
        var figures = await db.BenchmarkFigures.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Category == category && (f.Contributor == null || f.OrganisationId == viewerId))
            .Select(f => new { f.OrganisationId, f.Contributor, f.ContributorNamed, f.Measure, f.Unit, f.Kind, f.Period, f.Provider, f.ProviderNamed, f.Value, f.RecordedAt })
            .ToListAsync(cancellationToken);

        // Live figures only of organisations that share the category: one that does not is never even read.
        var live = await LiveFigures.ForAsync(db, category, sharers.Where(s => s.Choice != SharingChoice.NotShared).Select(s => s.OrganisationId).ToList(), cancellationToken);
        var pooled = figures
            .Select(f => new BenchmarkPublishing.Pooled(f.OrganisationId, f.Contributor, f.ContributorNamed, f.Measure, f.Unit, f.Kind, f.Period, f.Provider, f.ProviderNamed, f.Value,
                f.Contributor is null ? ImportedSource(f.RecordedAt) : null))
            .Concat(live.Select(f => new BenchmarkPublishing.Pooled(f.OrganisationId, null, false, f.Measure, f.Unit, f.Kind, f.Period, f.Provider, false, f.Value, f.Source)))
            .ToList();
        var published = BenchmarkPublishing.For(viewerId, category, sharers, pooled);
        var groups = published.Groups
            .Where(g => string.IsNullOrWhiteSpace(filter.Measure) || g.Measure.Equals(filter.Measure.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(g => string.IsNullOrWhiteSpace(filter.Period) || g.Period == filter.Period.Trim())
            .Where(g => string.IsNullOrWhiteSpace(filter.Provider) || g.Figures.Any(f => f.Provider.Equals(filter.Provider.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return published with { Groups = groups };
    }

    public static async Task<IReadOnlyList<Setting>> SettingsAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var stored = await db.BenchmarkSharings.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToListAsync(cancellationToken);
        return ServiceCategories.All
            .Select(c => stored.SingleOrDefault(s => s.Category == c.Code) is { } s
                ? new Setting(c.Code, c.Name, s.Choice, s.UpdatedAt, s.UpdatedBy)
                : new Setting(c.Code, c.Name, SharingChoice.NotShared, null, null))
            .ToList();
    }

    /// <summary>Where an organisation's own imported figure came from, for the page.</summary>
    public static string ImportedSource(DateTime recordedAt) => $"Imported file, {recordedAt.UkDate():d MMMM yyyy}";

    /// <summary>The organisation's own figures and those it imported, for export in the open format.</summary>
    public static async Task<IReadOnlyList<BenchmarkFigure>> DatasetAsync(PlaceshaperDb db, Guid organisationId, bool ownOnly, CancellationToken cancellationToken) =>
        (await db.BenchmarkFigures.AsNoTracking().Where(f => f.OrganisationId == organisationId && (!ownOnly || f.Contributor == null)).ToListAsync(cancellationToken))
            .OrderBy(f => f.Category, StringComparer.Ordinal).ThenBy(f => f.Period, StringComparer.Ordinal).ThenBy(f => f.Measure, StringComparer.Ordinal)
            .ThenBy(f => f.Contributor ?? "", StringComparer.Ordinal).ThenBy(f => f.Provider, StringComparer.Ordinal).ToList();
}
