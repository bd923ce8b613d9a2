namespace Placeshaper.Benchmarks;

/// <summary>
/// The service categories organisations share benchmark figures for. A fixed list, so that figures pooled from
/// different installations land in the same groups; the code is what the open file format carries.
/// </summary>
public static class ServiceCategories
{
    public sealed record Category(string Code, string Name);

    public static readonly IReadOnlyList<Category> All =
    [
        new("home-care", "Home care"),
        new("residential-care", "Residential and nursing care"),
        new("day-opportunities", "Day opportunities"),
        new("supported-living", "Supported living"),
        new("telecare", "Telecare and community alarms"),
        new("family-support", "Family support"),
        new("facilities", "Facilities management"),
    ];

    public static Category? Find(string? code) => All.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string NameOf(string code) => Find(code)?.Name ?? code;
}

/// <summary>
/// Reference unit costs from the GMCA Unit Cost Database v1.4 (New Economy Manchester; Greater Manchester Combined
/// Authority Research Team, CC BY 4.0, attribute GMCA), as extracted in <c>../shared/data/social-value-gmca-unit-costs/
/// gmca-unit-costs-full.json</c> (charlescoverdale/econstack-data @ 7108046). Costs are in the price year shown, not
/// uprated: the file's uprated figures are Excel formulas, not values. Only entries that fit a service category are
/// here; entry SS11.2 (home care per hour, £3,732) is left out as an obvious error in the source.
/// </summary>
public static class ReferenceUnitCosts
{
    public sealed record Reference(string Category, string Code, string Description, string Unit, decimal Cost, string PriceYear);

    public const string Source = "GMCA Unit Cost Database v1.4 (New Economy Manchester), Greater Manchester Combined Authority";

    public static readonly IReadOnlyList<Reference> All =
    [
        new("home-care", "SS18.7", "Local authority home care worker, cost per hour", "GBP per hour", 37.00m, "2013/14"),
        new("home-care", "SS11.0", "Average gross weekly cost of home care packages for older people, England", "GBP per week", 192.83m, "2013/14"),
        new("residential-care", "SS7.0", "Residential care for older people, average gross weekly expenditure per person, England", "GBP per week", 538.23m, "2013/14"),
        new("day-opportunities", "SS12.0", "Average gross weekly cost of day care or day services for older people, England", "GBP per week", 137.63m, "2013/14"),
        new("day-opportunities", "SS12.1", "Average gross weekly cost of day care or day services for adults and older people, England", "GBP per week", 226.63m, "2013/14"),
        new("telecare", "SS11.8", "Intensive case management for older people, cost per hour", "GBP per hour", 29.00m, "2010/11"),
        new("family-support", "SS18.10", "Family support worker, cost per hour", "GBP per hour", 30.00m, "2013/14"),
    ];

    public static IReadOnlyList<Reference> For(string category) => All.Where(r => r.Category == category).ToList();
}
