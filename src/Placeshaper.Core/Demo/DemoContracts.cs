using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Specifications;

namespace Placeshaper.Demo;

/// <summary>
/// Three contracts in Anytown's register, each with its KPIs, for the payment mechanisms to work on: family support
/// paid partly by results (Brightside), a telecare pilot whose savings are shared (the CIC), and an older conventional
/// facilities contract with service credits whose decision to extend falls due soon. Nothing is imported from
/// Salford's register into the demo.
/// </summary>
internal static class DemoContracts
{
    public const string FamilySupport = "ANYTOWN-2025-021";
    public const string Telecare = "ANYTOWN-2025-034";
    public const string Facilities = "ANYTOWN-2023-007";

    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.OrganisationId == anytown.Id && c.Reference == FamilySupport, cancellationToken))
        {
            return;
        }

        var providers = await db.Providers.IgnoreQueryFilters().Where(p => p.OrganisationId == anytown.Id).ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var older = await db.Programmes.IgnoreQueryFilters().Where(p => p.OrganisationId == anytown.Id && p.Name == "Older people living independently").Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var independent = await db.Outcomes.IgnoreQueryFilters().Where(o => o.OrganisationId == anytown.Id && o.Statement == "Older people live independently at home for longer").Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (!providers.TryGetValue("Brightside Family Support", out var brightside) || !providers.TryGetValue("Anytown Community Care CIC", out var cic)
            || !providers.TryGetValue("Northgate Facilities Ltd", out var northgate))
        {
            return;
        }

        var known = Contract.Known.Nothing with
        {
            Providers = providers.ToDictionary(p => p.Value, p => p.Key),
            Programmes = older is { } o ? new HashSet<Guid> { o } : [],
            Outcomes = independent is { } i ? new HashSet<Guid> { i } : [],
        };
        var today = now.UkDate();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);

        // Payment by results, as Troubled Families paid councils: an attachment fee, then 40% only for families' outcomes.
        var familyStart = thisMonth.AddMonths(-12);
        Add(db, anytown, known, now, new Contract.Details(
            FamilySupport, "Family support for families facing several disadvantages",
            "Key workers who stay with a family until its problems are turned around: school attendance, work, crime and anti-social behaviour, domestic abuse and health.",
            brightside, null, "AT2 5BF", null, 1_200_000m, 400_000m, familyStart, familyStart.AddMonths(36).AddDays(-1),
            Extensions: [new Contract.ExtensionInput(12)],
            Procedure: "Below-threshold competition", Advertised: true, Directorate: "Children's services",
            PaymentMechanism: PaymentMechanism.PaymentByResults, ReviewDate: thisMonth.AddMonths(1), ServiceCategory: "family-support"),
        [
            new("Families achieving significant and sustained progress on every problem they had when they started", "% of families", Polarity.HigherIsBetter, 60m, 45m, KpiFrequency.Quarterly, "Provider's case records, checked against the council's children's services system"),
            new("Families first seen by their key worker within 10 working days of referral", "% of families", Polarity.HigherIsBetter, 95m, 85m, KpiFrequency.Monthly, "Provider's case records"),
            new("Children in the families persistently absent from school", "% of children", Polarity.LowerIsBetter, 10m, 20m, KpiFrequency.Quarterly, "Schools' attendance returns"),
        ]);

        // Gain-share, as Hertfordshire's telecare: the provider recovers its investment, then the savings are shared 50/50.
        var telecareStart = thisMonth.AddMonths(-9);
        Add(db, anytown, known, now, new Contract.Details(
            Telecare, "Telecare pilot: sensors and a responder service for older people at home",
            "A two-year pilot of telecare with a mobile responder for people leaving hospital, paid from the savings in home care and admissions against a control group.",
            cic, null, "AT1 3CC", "99000101", 310_000m, 155_000m, telecareStart, telecareStart.AddMonths(24).AddDays(-1),
            Procedure: "Competitive flexible procedure", Advertised: true, Directorate: "Adult social care", ProgrammeId: older, OutcomeIds: independent is { } outcome ? [outcome] : [],
            PaymentMechanism: PaymentMechanism.GainShare, ReviewDate: telecareStart.AddMonths(12), ServiceCategory: "telecare"),
        [
            new("Alarm calls answered by a responder at the door within 45 minutes", "% of calls", Polarity.HigherIsBetter, 95m, 90m, KpiFrequency.Monthly, "Monitoring centre call logs"),
            new("Pilot users admitted to hospital as an emergency", "admissions per 100 users a year", Polarity.LowerIsBetter, 18m, 24m, KpiFrequency.Quarterly, "Anytown Integrated Care Board's hospital episode statistics"),
            new("Home care hours per pilot user, against the control group", "hours a week", Polarity.LowerIsBetter, 6m, 8m, KpiFrequency.Quarterly, "Council's adult social care system"),
        ]);

        // A conventional fixed-price contract with service credits, let before Placeshaper; its decision to extend is due soon.
        var facilitiesStart = thisMonth.AddMonths(-43);
        Add(db, anytown, known, now, new Contract.Details(
            Facilities, "Cleaning and maintenance of council buildings",
            "Cleaning, planned and reactive maintenance and a helpdesk for the town hall, libraries and community centres.",
            northgate, null, "OT4 1NF", "99000301", 3_360_000m, 560_000m, facilitiesStart, facilitiesStart.AddMonths(48).AddDays(-1),
            Extensions: [new Contract.ExtensionInput(12), new Contract.ExtensionInput(12)],
            BreakClauses: [new Contract.BreakClauseInput(facilitiesStart.AddMonths(36), 6)],
            Procedure: "Open procedure", Advertised: true, Directorate: "Corporate services", ClassificationCode: "90911200", ClassificationDescription: "Building-cleaning services (CPV)",
            PaymentMechanism: PaymentMechanism.FixedPrice, ReviewDate: thisMonth.AddMonths(2), ServiceCategory: "facilities"),
        [
            new("Urgent repairs made safe within 4 hours", "% of repairs", Polarity.HigherIsBetter, 98m, 95m, KpiFrequency.Monthly, "Helpdesk system"),
            new("Planned maintenance tasks completed in the month they were due", "% of tasks", Polarity.HigherIsBetter, 95m, 90m, KpiFrequency.Monthly, "Computer-aided facilities management system"),
            new("Cleaning audits failed", "% of audits", Polarity.LowerIsBetter, 2m, 5m, KpiFrequency.Monthly, "Council's monthly cleaning audits"),
        ]);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Add(PlaceshaperDb db, Organisation anytown, Contract.Known known, DateTime now, Contract.Details details, ContractKpi.Input[] kpis)
    {
        var contract = Contract.Create(anytown.Id, details, known, now).Value!;
        foreach (var kpi in kpis)
        {
            _ = contract.AddKpi(kpi, now).Value!;
        }

        db.Contracts.Add(contract);
    }
}
