using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.SocialValue;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.Demo;

/// <summary>
/// Social value obligations on the three demo contracts, against Anytown's own (fictional) measures, and up to a year
/// of quarterly delivery reports: most verified by the commissioner, one returned and sent again, and the facilities
/// contract's latest quarter waiting to be verified.
/// </summary>
internal static class DemoSocialValueDelivery
{
    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.IgnoreQueryFilters()
            .Where(c => c.OrganisationId == anytown.Id && (c.Reference == DemoContracts.FamilySupport || c.Reference == DemoContracts.Telecare || c.Reference == DemoContracts.Facilities))
            .ToDictionaryAsync(c => c.Reference, cancellationToken);
        var ids = contracts.Values.Select(c => c.Id).ToList();
        if (contracts.Count != 3 || await db.Set<SocialValueObligation>().IgnoreQueryFilters().AnyAsync(o => ids.Contains(o.ContractId), cancellationToken))
        {
            return;
        }

        var measures = await db.SocialValueMeasures.IgnoreQueryFilters().Where(m => m.OrganisationId == anytown.Id).ToDictionaryAsync(m => m.Code, cancellationToken);
        var people = await db.Users.Where(p => p.Email == "commissioner@anytown.example" || p.Email == "hello@brightside.example"
            || p.Email == "care@anytown-community-care.example" || p.Email == "bids@northgate-facilities.example").ToDictionaryAsync(p => p.Email!, p => p.Id, cancellationToken);
        var officer = new KpiObservation.Actor(people["commissioner@anytown.example"], null);
        var today = now.UkDate();

        // Quantities reported each quarter, oldest first; the obligations run to the end of each contract.
        Seed(db, contracts[DemoContracts.FamilySupport], new(people["hello@brightside.example"], contracts[DemoContracts.FamilySupport].ProviderId), officer, measures, today, now,
            [("ANY-01", 4m, [1m, 0m, 1m, 1m]), ("ANY-02", 200m, [30m, 25m, 40m, 35m]), ("ANY-04", 2m, [0m, 1m, 0m, 0m])], returnAt: 1, pendingLast: false);
        Seed(db, contracts[DemoContracts.Telecare], new(people["care@anytown-community-care.example"], contracts[DemoContracts.Telecare].ProviderId), officer, measures, today, now,
            [("ANY-03", 300m, [45m, 60m, 52.5m]), ("ANY-01", 3m, [1m, 0m, 1m])], returnAt: null, pendingLast: false);
        Seed(db, contracts[DemoContracts.Facilities], new(people["bids@northgate-facilities.example"], contracts[DemoContracts.Facilities].ProviderId), officer, measures, today, now,
            [("ANY-01", 6m, [1m, 1m, 0m, 1m]), ("ANY-02", 400m, [50m, 45m, 60m, 55m])], returnAt: null, pendingLast: true);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Seed(
        PlaceshaperDb db, Contract contract, KpiObservation.Actor provider, KpiObservation.Actor officer, Dictionary<string, SocialValueMeasure> measures, DateOnly today, DateTime now,
        (string Code, decimal Committed, decimal[] Delivered)[] obligations, int? returnAt, bool pendingLast)
    {
        var first = contract.StartDate!.Value > today.AddMonths(-12) ? contract.StartDate.Value : new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        var quarters = Enumerable.Range(0, 4).Select(n => first.AddMonths(3 * n)).Where(q => q.AddMonths(3).AddDays(-1) < today).ToList();
        var history = new List<DeliveryReport>();
        foreach (var (code, committed, delivered) in obligations)
        {
            var created = SocialValueObligation.Create(contract, new SocialValueObligation.Input(code, null, null, null, committed, null, null), measures[code], "demo", now);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo social value obligation of {contract.Reference}: {created.Errors}");
            }

            var obligation = created.Value!;
            db.Set<SocialValueObligation>().Add(obligation);
            for (var i = 0; i < quarters.Count && i < delivered.Length; i++)
            {
                var input = new DeliveryReport.Input(obligation.Id, quarters[i], quarters[i].AddMonths(3).AddDays(-1), delivered[i], $"{delivered[i]:0.##} {obligation.Unit} this quarter; details in our quarterly social value return.");
                if (returnAt == i && code == obligations[0].Code)
                {
                    var wrong = Report(db, contract, [obligation], input with { Quantity = delivered[i] + 2 }, provider, history, now);
                    _ = wrong.Return(officer, "The payroll extract you sent shows fewer Anytown residents than this: please check the count and send it again", now);
                }

                var report = Report(db, contract, [obligation], input, provider, history, now);
                if (!(pendingLast && i == quarters.Count - 1))
                {
                    _ = report.Verify(officer, history, now);
                }
            }
        }
    }

    private static DeliveryReport Report(PlaceshaperDb db, Contract contract, IReadOnlyCollection<SocialValueObligation> obligations, DeliveryReport.Input input, KpiObservation.Actor provider, List<DeliveryReport> history, DateTime now)
    {
        var submitted = DeliveryReport.Submit(contract, obligations, input, provider, "demo", history, now);
        if (!submitted.Succeeded)
        {
            throw new InvalidOperationException($"Demo social value report of {contract.Reference} for {input.PeriodStart}: {submitted.Errors}");
        }

        db.Set<DeliveryReport>().Add(submitted.Value!);
        history.Add(submitted.Value!);
        return submitted.Value!;
    }
}
