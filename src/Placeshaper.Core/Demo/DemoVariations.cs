using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Organisations;

namespace Placeshaper.Demo;

/// <summary>
/// What has happened to the demo contracts since they were let: the facilities contract was varied beyond the 10%
/// limit for more buildings (approved on a recorded legal basis) and has a deep-clean variation waiting for a decision;
/// family support had a missed KPI, resolved after a remedy notice; each contract has an exit plan, the facilities
/// contract's overdue for review.
/// </summary>
internal static class DemoVariations
{
    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.IgnoreQueryFilters().Include(c => c.Extensions).Where(c => c.OrganisationId == anytown.Id)
            .Where(c => c.Reference == DemoContracts.FamilySupport || c.Reference == DemoContracts.Telecare || c.Reference == DemoContracts.Facilities)
            .ToDictionaryAsync(c => c.Reference, cancellationToken);
        if (contracts.Count < 3 || await db.ContractVariations.IgnoreQueryFilters().AnyAsync(v => v.OrganisationId == anytown.Id, cancellationToken))
        {
            return;
        }

        var people = await db.Users.Where(p => p.Email == "procurement@anytown.example" || p.Email == "commissioner@anytown.example")
            .ToDictionaryAsync(p => p.Email!, p => (p.Id, p.DisplayName), cancellationToken);
        var (procurementId, procurementName) = people["procurement@anytown.example"];
        var (commissionerId, commissionerName) = people["commissioner@anytown.example"];
        var today = now.UkDate();

        var facilities = contracts[DemoContracts.Facilities];
        var buildings = Variation.Request(facilities, 1, new(386_400m, 0,
            "Cleaning and maintenance of the two new family hubs and the refurbished market hall",
            "The council took on three more buildings in 2025, which the original specification did not cover"), procurementId, procurementName, now.AddDays(-60)).Value!;
        db.ContractVariations.Add(buildings);
        _ = buildings.Approve(facilities, [], commissionerId, commissionerName, "unforeseeable", now.AddDays(-55));
        var deepClean = Variation.Request(facilities, 2, new(24_000m, 0,
            "A quarterly deep clean of the library's children's area",
            "Infection-control advice from public health after an outbreak"), procurementId, procurementName, now.AddDays(-3)).Value!;
        db.ContractVariations.Add(deepClean);

        var family = contracts[DemoContracts.FamilySupport];
        var occurred = today.AddMonths(-5);
        db.ContractBreaches.Add(Breach.Record(family, new(occurred, "KPI 2: families first seen within 10 working days",
            "Only 71% of families were seen within 10 working days in the month, against a minimum of 85%, after two key workers left.",
            BreachSeverity.Moderate, occurred.AddDays(7), occurred.AddDays(37), occurred.AddDays(30)), commissionerName, now.AddDays(-150)).Value!);

        db.ExitPlans.Add(ExitPlan.Create(family, new(
            "The council's early help team takes on the families of highest risk within a week; the rest move to a short-term contract with the second-placed bidder.",
            "Case records move to the council's children's system under the data-sharing agreement; laptops and phones are the provider's own.",
            "Twelve key workers would transfer under TUPE to a new provider or to the council.",
            "Second-placed bidder in the 2025 competition; two neighbouring councils' in-house teams.",
            "Head of early help", today.AddMonths(-3), null), now).Value!);
        db.ExitPlans.Add(ExitPlan.Create(contracts[DemoContracts.Telecare], new(
            "The monitoring centre contract is held by the council; the ICB's rapid response team covers call-outs while a new responder is found.",
            "Sensors are council property and are collected or left in place; users' data is returned and deleted within 30 days.",
            "Six responders would transfer under TUPE.", "The ICB's rapid response service; Westmoor Telecare.", "Adult social care commissioning manager", today.AddMonths(-6), null), now).Value!);
        db.ExitPlans.Add(ExitPlan.Create(facilities, new(
            "The council's building services team keeps urgent repairs going; cleaning is bought through the regional framework for up to six months.",
            "Helpdesk data and asset registers are exported monthly to the council; tools and stock in council stores belong to the council.",
            "About forty cleaning and maintenance staff would transfer under TUPE.", "Regional facilities framework suppliers.", "Corporate property manager",
            today.AddMonths(-14), today.AddMonths(-2)), now).Value!);
        await db.SaveChangesAsync(cancellationToken);
    }
}
