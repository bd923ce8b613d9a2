using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Needs;

namespace Placeshaper.Demo;

/// <summary>
/// Fictional needs evidence for Anytown's wards, shaped like the public health figures councils use, with England as
/// the comparator. The figures are invented for the demonstration and say so in their source.
/// </summary>
internal static class DemoNeeds
{
    private const string Source = "Fictional figures for the Anytown demonstration, shaped like OHID Fingertips indicators";

    public static async Task SeedAsync(PlaceshaperDb db, Guid anytown, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Indicators.IgnoreQueryFilters().AnyAsync(i => i.OrganisationId == anytown, cancellationToken))
        {
            return;
        }

        var areas = await db.Areas.IgnoreQueryFilters().Where(a => a.OrganisationId == anytown).ToDictionaryAsync(a => a.Code, cancellationToken);
        var england = Area.New(anytown, "E92000001", "England", AreaLevel.Comparator, now);
        db.Areas.Add(england);
        areas[england.Code] = england;

        string[] years = ["2019", "2020", "2021", "2022", "2023", "2024"];
        Add(db, anytown, now, areas, years, "falls-65", "Emergency hospital admissions due to falls, people aged 65 and over", "per 100,000", Polarity.LowerIsBetter,
            new()
            {
                [DemoAreas.AuthorityCode] = [2_180, 2_050, 1_990, 2_240, 2_310, 2_360],
                ["E05999001"] = [1_960, 1_880, 1_820, 1_990, 2_040, 2_010],
                ["E05999002"] = [2_540, 2_410, 2_300, 2_650, 2_790, 2_880],
                ["E05999003"] = [2_310, 2_200, 2_150, 2_380, 2_460, 2_520],
                ["E05999004"] = [1_870, 1_760, 1_700, 1_930, 1_980, 1_990],
                ["E05999005"] = [2_090, 1_990, 1_950, 2_140, 2_200, 2_260],
                ["E05999006"] = [2_200, 2_050, 2_010, 2_300, 2_380, 2_480],
                ["E92000001"] = [2_220, 2_020, 1_940, 2_100, 2_150, 2_170],
            });
        Add(db, anytown, now, areas, years, "lonely-adults", "Adults who feel lonely often or always", "%", Polarity.LowerIsBetter,
            new()
            {
                [DemoAreas.AuthorityCode] = [6.8m, 7.9m, 8.4m, 7.6m, 7.2m, 7.1m],
                ["E05999002"] = [8.9m, 10.2m, 10.8m, 9.9m, 9.4m, 9.6m],
                ["E05999004"] = [5.1m, 6.0m, 6.6m, 5.9m, 5.5m, 5.2m],
                ["E92000001"] = [6.4m, 7.2m, 7.5m, 7.0m, 6.8m, 6.9m],
            });
        db.NeedsAssessments.Add(NeedsAssessment.Write(
            anytown,
            "Falls and frailty in later life",
            "Emergency admissions for falls among people aged 65 and over have risen since 2021 and are now above the England rate. "
                + "Riverside and Northgate have the highest rates; both have older housing and fewer ground-floor homes. "
                + "Residents' groups report that changes to the bus network have left older people in Westmoor more isolated.",
            ["falls-65", "lonely-adults"],
            ["falls-65", "lonely-adults"],
            "https://www.gov.uk/government/publications/falls-applying-all-our-health",
            new DateOnly(2027, 3, 31),
            now).Value!);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Add(PlaceshaperDb db, Guid organisationId, DateTime now, Dictionary<string, Area> areas, string[] years, string code, string name, string unit, Polarity polarity, Dictionary<string, decimal[]> figures)
    {
        var indicator = Indicator.Define(organisationId, code, name, unit, polarity, Source, null, "Open Government Licence v3.0 (fictional data)", now).Value!;
        db.Indicators.Add(indicator);
        foreach (var (areaCode, values) in figures)
        {
            for (var i = 0; i < years.Length; i++)
            {
                var period = Period.TryParse(years[i], out var parsed) ? parsed : throw new InvalidOperationException(years[i]);
                db.IndicatorValues.Add(IndicatorValue.New(organisationId, indicator.Id, areas[areaCode].Id, period, values[i], now));
            }
        }
    }
}
