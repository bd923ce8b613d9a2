using Microsoft.EntityFrameworkCore;
using Placeshaper.Budgets;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Demo;

/// <summary>
/// Two realistic joint-commissioning programmes for Anytown: the council leads one with the ICB (a Better Care Fund
/// heading for a small overspend), the police lead the other with the council (a community budget with an underspend).
/// </summary>
internal static class DemoProgrammes
{
    public static async Task SeedAsync(PlaceshaperDb db, IReadOnlyDictionary<string, Organisation> organisations, Func<string, Task<(Guid Id, string Name)>> person, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Programmes.IgnoreQueryFilters().AnyAsync(cancellationToken))
        {
            return;
        }

        var anytown = organisations["anytown"];
        var icb = organisations["anytown-icb"];
        var police = organisations["anytown-police"];
        var chris = await person("commissioner@anytown.example");
        var pat = await person("commissioner@anytown-police.example");

        var older = Start(db, anytown.Id, "Older people living independently",
            "Help older residents stay well and independent at home: reablement, telecare, carers' support and falls prevention, commissioned jointly with the ICB through the Better Care Fund.",
            [icb.Id], chris, now.AddDays(-230));
        Move(db, older, [Stage.AssessNeeds, Stage.PriorityOutcomes], "Joint strategic needs assessment refreshed; Health and Wellbeing Board workshop on priorities with residents' groups.", chris, now.AddDays(-200));
        Move(db, older, [Stage.PriorityOutcomes, Stage.DesignSpecification], "Outcomes agreed with the ICB; options appraisal of reablement delivery models begins.", chris, now.AddDays(-150));
        Move(db, older, [Stage.DesignSpecification, Stage.SourceProviders], "Cabinet approved the business case; procurement of the reablement service is under way, in lots small providers can bid for.", chris, now.AddDays(-120));
        Decide(db, older, new DateOnly(2026, 3, 12), "Better Care Fund plan 2026/27 approved", "Anytown Health and Wellbeing Board", "The council and the ICB pool £12.4m for 2026/27, shared in proportion to contributions.", now);
        Decide(db, older, new DateOnly(2026, 6, 18), "Business case for a jointly commissioned reablement service approved", "Cabinet", "Preferred option: commission the voluntary and community sector, with an in-house fallback.", now);
        var bcf = SetUp(db, older, 2026, "Better Care Fund 2026/27", PooledBudgetKind.BetterCareFund, RiskShareRule.InProportionToContributions, RiskShareRule.InProportionToContributions,
            [new(anytown.Id, 4_960_000m, null, null), new(icb.Id, 7_440_000m, null, null)], now);
        Line(db, bcf, BudgetLineKind.Spend, new DateOnly(2026, 6, 30), "Reablement service, April to June", 1_650_000m, now);
        Line(db, bcf, BudgetLineKind.Spend, new DateOnly(2026, 7, 15), "Disabled facilities grants, quarter 1", 412_500m, now);
        Line(db, bcf, BudgetLineKind.Spend, new DateOnly(2026, 9, 30), "Carers' breaks and support", 238_750m, now);
        Line(db, bcf, BudgetLineKind.Commitment, new DateOnly(2026, 7, 1), "Reablement service, July to March (call-off)", 4_950_000m, now);
        Line(db, bcf, BudgetLineKind.Commitment, new DateOnly(2026, 8, 3), "Telecare equipment and monitoring", 1_310_000m, now);
        Line(db, bcf, BudgetLineKind.Commitment, new DateOnly(2026, 8, 20), "Falls prevention programme", 3_900_000m, now);

        var nights = Start(db, police.Id, "Safer nights in Anytown town centre",
            "Reduce alcohol-related harm and violence in the night-time economy with street marshals, safe spaces and better lighting and CCTV.",
            [anytown.Id], pat, now.AddDays(-180));
        Move(db, nights, [Stage.AssessNeeds, Stage.ManageDelivery], "Street marshal pilot running while the evidence review continues.", pat, now.AddDays(-90));
        var community = SetUp(db, nights, 2026, "Safer nights community budget 2026/27", PooledBudgetKind.CommunityBudget, RiskShareRule.AgreedPercentages, RiskShareRule.InProportionToContributions,
            [new(police.Id, 300_000m, 50m, null), new(anytown.Id, 180_000m, 50m, null)], now);
        Line(db, community, BudgetLineKind.Spend, new DateOnly(2026, 9, 30), "Street marshals, April to September", 96_400m, now);
        Line(db, community, BudgetLineKind.Commitment, new DateOnly(2026, 10, 5), "Night-time economy CCTV upgrade", 120_000m, now);

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Programme Start(PlaceshaperDb db, Guid lead, string name, string summary, Guid[] partners, (Guid Id, string Name) by, DateTime at)
    {
        var (programme, first) = Programme.Start(lead, name, summary, partners, by.Id, by.Name, at).Value;
        db.Programmes.Add(programme);
        db.StageChanges.Add(first);
        return programme;
    }

    private static void Move(PlaceshaperDb db, Programme programme, Stage[] stages, string reason, (Guid Id, string Name) by, DateTime at) =>
        db.StageChanges.Add(programme.MoveTo(stages, reason, by.Id, by.Name, at).Value!);

    private static void Decide(PlaceshaperDb db, Programme programme, DateOnly on, string title, string makers, string summary, DateTime now) =>
        db.ProgrammeDecisions.Add(ProgrammeDecision.Record(programme, on, title, makers, summary, null, now).Value!);

    private static PooledBudget SetUp(PlaceshaperDb db, Programme programme, int year, string name, PooledBudgetKind kind, RiskShareRule overspend, RiskShareRule underspend, PooledBudget.ContributionTerms[] terms, DateTime now)
    {
        var budget = PooledBudget.SetUp(programme, new FinancialYear(year), name, kind, terms.Sum(t => t.Amount), overspend, underspend, terms, now).Value!;
        db.PooledBudgets.Add(budget);
        return budget;
    }

    private static void Line(PlaceshaperDb db, PooledBudget budget, BudgetLineKind kind, DateOnly on, string description, decimal amount, DateTime now) =>
        db.BudgetLines.Add(BudgetLine.Record(budget, kind, on, description, amount, now).Value!);
}
