using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Outcomes;

namespace Placeshaper.Demo;

/// <summary>Anytown's outcomes framework: two themes, outcomes linked to the needs indicators and the older people's programme.</summary>
internal static class DemoOutcomes
{
    public static async Task SeedAsync(PlaceshaperDb db, Guid anytown, Guid icb, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.OutcomeThemes.IgnoreQueryFilters().AnyAsync(t => t.OrganisationId == anytown, cancellationToken))
        {
            return;
        }

        var indicators = await db.Indicators.IgnoreQueryFilters().Where(i => i.OrganisationId == anytown).ToDictionaryAsync(i => i.Code, cancellationToken);
        var borough = await db.Areas.IgnoreQueryFilters().SingleAsync(a => a.OrganisationId == anytown && a.Code == DemoAreas.AuthorityCode, cancellationToken);
        var older = await db.Programmes.IgnoreQueryFilters().Where(p => p.OrganisationId == anytown && p.Name == "Older people living independently").Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);

        var laterLife = OutcomeTheme.New(anytown, "Living well in later life", now);
        var connected = OutcomeTheme.New(anytown, "Connected communities", now);
        db.OutcomeThemes.AddRange(laterLife, connected);

        var independent = Outcome.New(anytown, laterLife.Id, "Older people live independently at home for longer", older, now);
        var lonely = Outcome.New(anytown, connected.Id, "Fewer residents feel lonely", null, now);
        db.Outcomes.AddRange(independent, lonely);

        db.OutcomeMeasures.Add(OutcomeMeasure.Define(independent, "Emergency admissions due to falls, 65 and over, Anytown", indicators["falls-65"], borough.Id, null, Polarity.LowerIsBetter,
            2_180m, new DateOnly(2019, 1, 1), 1_900m, new DateOnly(2027, 3, 31), anytown, now).Value!);
        var reablement = OutcomeMeasure.Define(independent, "Older people still at home 91 days after leaving hospital into reablement", null, null, "%", Polarity.HigherIsBetter,
            78.5m, new DateOnly(2023, 4, 1), 85m, new DateOnly(2027, 3, 31), icb, now).Value!;
        reablement.Report(81.2m, new DateOnly(2025, 9, 30));
        db.OutcomeMeasures.Add(reablement);
        db.OutcomeMeasures.Add(OutcomeMeasure.Define(lonely, "Adults who feel lonely often or always, Anytown", indicators["lonely-adults"], borough.Id, null, Polarity.LowerIsBetter,
            6.8m, new DateOnly(2019, 1, 1), 6.0m, new DateOnly(2026, 12, 31), anytown, now).Value!);
        await db.SaveChangesAsync(cancellationToken);
    }
}
