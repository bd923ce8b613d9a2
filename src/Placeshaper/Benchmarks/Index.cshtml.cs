using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Benchmarks;

/// <summary>A service category's pooled benchmark figures as the organisation may see them, against GMCA reference unit costs.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Provider { get; set; }

    public string Slug => context.Slug;

    public bool CanManage => context.Current.HasAny(BenchmarkAccess.Managers);

    public ServiceCategories.Category Chosen { get; private set; } = ServiceCategories.All[0];

    public BenchmarkPublishing.Published Published { get; private set; } = null!;

    public IReadOnlyList<ReferenceUnitCosts.Reference> References { get; private set; } = [];

    public string DownloadPath => $"/o/{Slug}/benchmarks?category={Uri.EscapeDataString(Chosen.Code)}&handler=Download&format=";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (ServiceCategories.Find(Category) is { } found)
        {
            Chosen = found;
        }
        else
        {
            var settings = await BenchmarkQueries.SettingsAsync(db, context.Id, cancellationToken);
            Chosen = ServiceCategories.Find(settings.FirstOrDefault(s => s.Choice != SharingChoice.NotShared)?.Category) ?? ServiceCategories.All[0];
        }

        Published = await BenchmarkQueries.PublishedAsync(db, context.Id, Chosen.Code, new(Measure, Period, Provider), cancellationToken);
        References = ReferenceUnitCosts.For(Chosen.Code);
    }

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        return new Exports.Table($"benchmarks {Chosen.Code}", ["category", "measure", "unit", "period", "contributors", "contributor", "provider", "value", "place", "lower_quartile", "median", "upper_quartile"],
            Published.Groups.SelectMany(g => g.Figures.Select(f => (IReadOnlyList<object?>)[Chosen.Code, g.Measure, g.Unit, g.Period, g.Contributors, f.Contributor, f.Provider, f.Value, f.Place,
                g.Distribution.LowerQuartile, g.Distribution.Median, g.Distribution.UpperQuartile])).ToList())
            .ToFile(format);
    }

    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.GetCultureInfo("en-GB"));
}
