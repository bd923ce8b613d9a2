using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Benchmarks;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Demo;

/// <summary>
/// Three demo councils pooling benchmark figures. Anytown and Borsetshire share home care and agreed to be named, so
/// each sees the other by name; Felpersham shares anonymously, so both see it as a "Council" letter, and it sees them
/// the same way. Day opportunities are shared by only two councils, so that group is suppressed for everyone.
/// Providers are fictional.
/// </summary>
internal static class DemoBenchmarks
{
    private static readonly (string Org, string Category, SharingChoice Choice)[] Sharing =
    [
        ("anytown", "home-care", SharingChoice.Named),
        ("anytown", "day-opportunities", SharingChoice.Named),
        ("borsetshire", "home-care", SharingChoice.Named),
        ("borsetshire", "day-opportunities", SharingChoice.Anonymous),
        ("felpersham", "home-care", SharingChoice.Anonymous),
    ];

    // org, category, measure, kind, unit, provider, provider named, value
    private static readonly (string Org, string Category, string Measure, string Kind, string Unit, string Provider, bool ProviderNamed, string Value)[] Figures =
    [
        ("anytown", "home-care", "Cost per hour of home care", "unit-cost", "GBP per hour", "Anytown Community Care CIC", true, "24.10"),
        ("anytown", "home-care", "Cost per hour of home care", "unit-cost", "GBP per hour", "Meadow Homecare Ltd", false, "22.80"),
        ("anytown", "home-care", "Visits on time", "kpi", "%", "Anytown Community Care CIC", true, "94.5"),
        ("anytown", "home-care", "Residents' rating", "rating", "stars of 5", "Anytown Community Care CIC", true, "4.3"),
        ("borsetshire", "home-care", "Cost per hour of home care", "unit-cost", "GBP per hour", "Borchester Home Help Ltd", true, "23.50"),
        ("borsetshire", "home-care", "Cost per hour of home care", "unit-cost", "GBP per hour", "Ambridge Care Services", false, "25.20"),
        ("borsetshire", "home-care", "Visits on time", "kpi", "%", "Borchester Home Help Ltd", true, "91.0"),
        ("borsetshire", "home-care", "Residents' rating", "rating", "stars of 5", "Borchester Home Help Ltd", true, "4.0"),
        ("felpersham", "home-care", "Cost per hour of home care", "unit-cost", "GBP per hour", "Felpersham Homecare", true, "21.90"),
        ("felpersham", "home-care", "Cost per hour of home care", "unit-cost", "GBP per hour", "Loxley Barrett Care", false, "26.40"),
        ("felpersham", "home-care", "Visits on time", "kpi", "%", "Felpersham Homecare", true, "88.2"),
        ("felpersham", "home-care", "Residents' rating", "rating", "stars of 5", "Felpersham Homecare", true, "3.8"),
        ("anytown", "day-opportunities", "Cost per day of day opportunities", "unit-cost", "GBP per day", "Brightside Family Support", true, "62.00"),
        ("borsetshire", "day-opportunities", "Cost per day of day opportunities", "unit-cost", "GBP per day", "Borchester Day Centre", true, "58.50"),
    ];

    public static async Task SeedAsync(PlaceshaperDb db, IReadOnlyDictionary<string, Organisation> organisations, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.BenchmarkSharings.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var (org, category, choice) in Sharing)
        {
            db.BenchmarkSharings.Add(BenchmarkSharing.Create(organisations[org].Id, category, choice, "Demo", now).Value!);
        }

        var year = DemoYear(now);
        foreach (var f in Figures)
        {
            var organisation = organisations[f.Org];
            db.BenchmarkFigures.Add(BenchmarkFigure.From(organisation.Id, organisation.Name,
                new(f.Category, year, f.Measure, f.Kind, f.Unit, f.Value, f.Provider, f.ProviderNamed ? "yes" : "no", null, null), now).Value!);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The last complete financial year, like 2025-26.</summary>
    public static string DemoYear(DateTime now)
    {
        var start = (now.Month >= 4 ? now.Year : now.Year - 1) - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{start}-{(start + 1) % 100:00}");
    }
}
