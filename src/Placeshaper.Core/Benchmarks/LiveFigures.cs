using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Reviews;

namespace Placeshaper.Benchmarks;

/// <summary>
/// Benchmark figures worked out at query time from an organisation's own contracts in a service category, so they stay
/// current and nothing is copied: each KPI's latest approved value in a financial year, and residents' published
/// ratings of each provider's services in the category per financial year. Unit costs are not worked out: a contract
/// records its total and annual value but no unit price or volume, so they come from imported datasets only.
/// They go through <see cref="BenchmarkPublishing"/> like every other figure.
/// </summary>
public static class LiveFigures
{
    public const string RatingMeasure = "Residents' rating";
    public const string RatingUnit = "stars of 5";

    public sealed record LiveContract(Guid Id, Guid OrganisationId, string Category, string Reference, string Provider);

    public sealed record Kpi(Guid Id, Guid ContractId, string Definition, string Unit);

    public sealed record Observation(Guid KpiId, DateOnly PeriodStart, ObservationStatus Status, decimal Value);

    /// <summary>A published review of the service a contract delivers: when it was written and its overall stars.</summary>
    public sealed record Rated(Guid ContractId, DateOnly On, decimal Overall);

    /// <summary>A live figure of one organisation, with where it came from.</summary>
    public sealed record Figure(Guid OrganisationId, string Category, FigureKind Kind, string Measure, string Unit, string Period, string Provider, decimal Value, string Source);

    /// <summary>The UK financial year a date falls in, like 2025-26.</summary>
    public static string FinancialYear(DateOnly date)
    {
        var start = date.Month >= 4 ? date.Year : date.Year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{start}-{(start + 1) % 100:00}");
    }

    /// <summary>
    /// For each KPI and financial year, the approved value of the latest period that has one. Submitted, returned and
    /// superseded values never count: an approved correction supersedes the value it replaces.
    /// </summary>
    public static IReadOnlyList<Figure> FromKpis(IReadOnlyList<LiveContract> contracts, IReadOnlyList<Kpi> kpis, IReadOnlyList<Observation> observations)
    {
        var byId = contracts.ToDictionary(c => c.Id);
        var kpiById = kpis.Where(k => byId.ContainsKey(k.ContractId)).ToDictionary(k => k.Id);
        return observations
            .Where(o => o.Status == ObservationStatus.Approved && kpiById.ContainsKey(o.KpiId))
            .GroupBy(o => (o.KpiId, Year: FinancialYear(o.PeriodStart)))
            .Select(g =>
            {
                var latest = g.MaxBy(o => o.PeriodStart)!;
                var kpi = kpiById[g.Key.KpiId];
                var contract = byId[kpi.ContractId];
                return new Figure(contract.OrganisationId, contract.Category, FigureKind.Kpi, Clip(kpi.Definition), Clip(kpi.Unit), g.Key.Year, Clip(contract.Provider), latest.Value,
                    $"Live from contract {contract.Reference}");
            })
            .OrderBy(f => f.Measure, StringComparer.Ordinal).ThenBy(f => f.Period, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Residents' published ratings of the services in the category, averaged per organisation, provider and financial year (2 dp).</summary>
    public static IReadOnlyList<Figure> FromReviews(IReadOnlyList<LiveContract> contracts, IReadOnlyList<Rated> reviews)
    {
        var byId = contracts.ToDictionary(c => c.Id);
        return reviews
            .Where(r => byId.ContainsKey(r.ContractId))
            .GroupBy(r => (byId[r.ContractId].OrganisationId, byId[r.ContractId].Category, Provider: byId[r.ContractId].Provider.ToUpperInvariant(), Year: FinancialYear(r.On)))
            .Select(g =>
            {
                var services = g.Select(r => byId[r.ContractId]).DistinctBy(c => c.Id).OrderBy(c => c.Reference, StringComparer.Ordinal).ToList();
                return new Figure(g.Key.OrganisationId, g.Key.Category, FigureKind.Rating, RatingMeasure, RatingUnit, g.Key.Year, Clip(services[0].Provider),
                    Math.Round(g.Average(r => r.Overall), 2, MidpointRounding.AwayFromZero),
                    $"Live from residents' reviews of contract{(services.Count == 1 ? "" : "s")} {string.Join(", ", services.Select(c => c.Reference))}");
            })
            .ToList();
    }

    /// <summary>The live figures of the given organisations' contracts in the category (or in any category when it is null).</summary>
    public static async Task<IReadOnlyList<Figure>> ForAsync(PlaceshaperDb db, string? category, IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken)
    {
        if (organisationIds.Count == 0)
        {
            return [];
        }

        var ids = organisationIds.ToList();
        var contracts = await db.Contracts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ServiceCategory != null && (category == null || c.ServiceCategory == category) && ids.Contains(c.OrganisationId))
            .Select(c => new LiveContract(c.Id, c.OrganisationId, c.ServiceCategory!, c.Reference, c.SupplierName))
            .ToListAsync(cancellationToken);
        if (contracts.Count == 0)
        {
            return [];
        }

        var contractIds = contracts.Select(c => c.Id).ToList();
        var kpis = await db.Set<ContractKpi>().IgnoreQueryFilters().AsNoTracking().Where(k => contractIds.Contains(k.ContractId))
            .Select(k => new Kpi(k.Id, k.ContractId, k.Definition, k.Unit)).ToListAsync(cancellationToken);
        var observations = await db.Set<KpiObservation>().IgnoreQueryFilters().AsNoTracking()
            .Where(o => contractIds.Contains(o.ContractId) && o.Status == ObservationStatus.Approved)
            .Select(o => new Observation(o.KpiId, o.PeriodStart, o.Status, o.Value)).ToListAsync(cancellationToken);
        var reviews = (await db.Reviews.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.Status == ReviewStatus.Published && r.ContractId != null && contractIds.Contains(r.ContractId.Value))
                .Select(r => new { ContractId = r.ContractId!.Value, r.SubmittedAt, r.Quality, r.Reliability, r.Respect, r.Value })
                .ToListAsync(cancellationToken))
            .Select(r => new Rated(r.ContractId, r.SubmittedAt.UkDate(), new RatingSummary.Scores(r.Quality, r.Reliability, r.Respect, r.Value).Overall))
            .ToList();
        return [.. FromKpis(contracts, kpis, observations), .. FromReviews(contracts, reviews)];
    }

    private static string Clip(string text) => text.Length > BenchmarkFigure.MaxText ? text[..BenchmarkFigure.MaxText].TrimEnd() : text;
}
