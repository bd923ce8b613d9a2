using Microsoft.EntityFrameworkCore;
using Placeshaper.Appraisals;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;

namespace Placeshaper.Demo;

/// <summary>
/// Anytown's home care programme and the options appraisal that chose its delivery model: six models scored on the
/// suggested criteria, costed over five years, with risks, an exit strategy and Cabinet's decision, so the business
/// case is there to read.
/// </summary>
internal static class DemoAppraisals
{
    public const string ProgrammeName = "Home care that helps people live at home";

    private static readonly (string Model, string Name, string Description, decimal[] Scores, decimal OneOff, decimal Yearly, string[] Why)[] Options =
    [
        ("in-house", "In-house as now", "The council's home care team continues with time-and-task visits.",
            [4, 6, 5, 6, 8, 9, 5, 4], 0m, 9_400_000m,
            ["Highest unit cost of the options (£27.40 an hour)", "Reliable but rushed 15-minute visits", "Little reablement; admissions to care homes rising", "Local jobs, London Living Wage paid", "Known service, low transition risk", "Running today", "Does not match the prevention strategy", "Hard to change terms and conditions"]),
        ("in-house-redesigned", "In-house, redesigned around reablement", "The council's team moves to outcome-based visits with reablement first.",
            [5, 7, 7, 6, 6, 6, 7, 5], 350_000m, 8_900_000m,
            ["Savings from reablement partly offset by retraining", "Better continuity with named workers", "Reablement evidence from the pilot in Northgate", "Local jobs kept", "Change programme risk in a stretched team", "Needs 18 months of workforce change", "Fits the prevention strategy", "Some flexibility through rota redesign"]),
        ("outsource", "Outsource to a private provider", "One or two large providers on a block contract.",
            [8, 5, 5, 4, 5, 7, 5, 6], 420_000m, 8_150_000m,
            ["Lowest cost in soft market testing", "Quality concerns in CQC ratings of bidders' branches", "Contracts priced on time, not outcomes", "Profits and head offices outside Anytown", "Provider failure risk in a thin market", "Mature market nationally", "Partial fit", "Break clauses and re-tendering possible"]),
        ("vcse", "Neighbourhood care alliance", "An alliance of local charities and social enterprises per neighbourhood, paid partly on outcomes.",
            [7, 7, 8, 9, 5, 5, 8, 6], 380_000m, 8_450_000m,
            ["Competitive cost with outcome payments capped", "Strong user feedback from the carers' charities", "Neighbourhood teams link care with community support", "Money and jobs stay in Anytown", "Smaller providers carry less financial buffer", "Alliance needs 9 months to form", "Closest fit to the place-based strategy", "Lots can be re-let neighbourhood by neighbourhood"]),
        ("mutual", "Employee-owned mutual", "The in-house team spins out as a public service mutual.",
            [6, 8, 8, 8, 4, 4, 7, 5], 650_000m, 8_600_000m,
            ["Set-up and pension costs in year 0", "Staff ownership improves morale and retention", "Strong outcome focus in comparable mutuals", "Local ownership", "New organisation without a trading record", "Staff ballot and set-up take over a year", "Good fit", "Contract with a new body is harder to unwind"]),
        ("trading-company", "Local authority trading company", "A council-owned company delivers home care and sells to self-funders.",
            [6, 6, 6, 5, 5, 5, 6, 4], 900_000m, 8_800_000m,
            ["Company set-up costs; modest trading income", "Similar to in-house", "Similar to in-house", "Some local benefit from trading", "Trading risk stays with the council", "Company formation and governance needed", "Partial fit", "Wholly owned company is hard to exit"]),
    ];

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, Organisation icb, (Guid Id, string Name) by, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Programmes.IgnoreQueryFilters().AnyAsync(p => p.OrganisationId == anytown.Id && p.Name == ProgrammeName, cancellationToken))
        {
            return;
        }

        var (programme, first) = Programme.Start(anytown.Id, ProgrammeName,
            "Re-commission home care around reablement and neighbourhoods: the current contract ends in March 2027.",
            [icb.Id], by.Id, by.Name, now.AddDays(-160)).Value;
        db.Programmes.Add(programme);
        db.StageChanges.Add(first);
        db.StageChanges.Add(programme.MoveTo([Stage.PriorityOutcomes], "Needs assessment for adult social care complete; outcomes agreed with residents' panels.", by.Id, by.Name, now.AddDays(-120)).Value!);

        var appraisal = Appraisal.Start(programme, "Home care delivery models 2027",
            "Yes. Home care is a statutory duty under the Care Act 2014 (ss.8 and 18) for 1,150 Anytown residents with eligible needs, and the main way people avoid moving into care homes. Demand from people over 85 is forecast to grow 4% a year.",
            now.AddDays(-110)).Value!;
        appraisal.Frame(appraisal.Title, appraisal.Necessity, 0.035m, 0.10m, 5,
            "Five-year contracts with a break at year 3 and six months' notice. On exit: staff transfer under TUPE to the next provider or back in-house; care records and rotas handed over in an agreed format within 10 working days; equipment bought with council money returns to the council; the council steps in through its in-house reablement team if a provider fails (business continuity plan tested yearly).");
        var options = Options.Select(o => appraisal.AddOption(DeliveryModels.Find(o.Model)!, o.Name, o.Description, now.AddDays(-100)).Value!).ToList();
        var criteria = appraisal.Criteria.OrderBy(c => c.Order).ToList();
        for (var i = 0; i < Options.Length; i++)
        {
            appraisal.Score(options[i], criteria.Select((c, k) => new Appraisal.ScoreInput(c.Id, Options[i].Scores[k], Options[i].Why[k], k == 0 ? "Soft market testing, May 2026; unit cost benchmarking" : "")).ToList());
            appraisal.Cost(options[i], [new(0, Options[i].OneOff), .. Enumerable.Range(1, 5).Select(year => new Appraisal.CostInput(year, Options[i].Yearly))]);
        }

        appraisal.AddRisk(options[2], "A large provider exits the Anytown market at short notice", 3, 5, "Financial monitoring; contingency with the in-house reablement team", "Head of Commissioning", now);
        appraisal.AddRisk(options[3], "A small alliance member gets into financial difficulty", 3, 3, "Alliance agreement shares work among members; monthly payments in advance", "Alliance manager", now);
        appraisal.AddRisk(options[3], "Alliance takes longer to form than planned", 2, 3, "Extend the current contract by 6 months if needed", "Head of Commissioning", now);
        appraisal.AddRisk(options[4], "Staff vote against the spin-out", 3, 4, "Early engagement; fall back to in-house redesign", "Director of Adult Social Care", now);
        appraisal.AddRisk(options[0], "Cost growth outstrips the budget", 4, 3, "Savings plan", "Finance business partner", now);

        var decidedOn = DateOnly.FromDateTime(now.AddDays(-40));
        appraisal.Decide(options[3].Id, decidedOn, "Cabinet", "Cabinet chose the neighbourhood care alliance: the highest weighted score, the best contribution to outcomes and social value, at a whole-life cost 3.5% above the cheapest option. The ranking holds unless the weight on cost rises by more than 45 points.", null, now);
        appraisal.Tick(appraisal.Checks[0].Id, true, "Care Act 2014 duties confirmed by Legal Services");
        db.Appraisals.Add(appraisal);
        db.ProgrammeDecisions.Add(ProgrammeDecision.Record(programme, decidedOn, DecideAppraisal.LogTitle(appraisal.Title, options[3].Name), "Cabinet", appraisal.DecisionSummary, null, now).Value!);
        db.StageChanges.Add(programme.MoveTo([Stage.PriorityOutcomes, Stage.DesignSpecification], $"Options appraisal decided: {options[3].Name}. Specifying the service comes next.", by.Id, by.Name, now.AddDays(-40)).Value!);
        await db.SaveChangesAsync(cancellationToken);
    }
}
