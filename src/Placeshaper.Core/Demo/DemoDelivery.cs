using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Payments;
using Placeshaper.Specifications;

namespace Placeshaper.Demo;

/// <summary>
/// A year of delivery on the three demo contracts: the providers' KPI values, approved by the commissioner (one
/// returned and resubmitted, one waiting), payment terms (the facilities contract's changed six months ago, so it has
/// a second version), and each past period calculated and paid. One facilities month had service credits due that the
/// payment did not deduct, so the schedule flags it, as the PFI contracts that levied no deductions were not.
/// </summary>
internal static class DemoDelivery
{
    public static async Task SeedAsync(PlaceshaperDb db, Organisation anytown, DateTime now, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.IgnoreQueryFilters().Include(c => c.Kpis)
            .Where(c => c.OrganisationId == anytown.Id && (c.Reference == DemoContracts.FamilySupport || c.Reference == DemoContracts.Telecare || c.Reference == DemoContracts.Facilities))
            .ToDictionaryAsync(c => c.Reference, cancellationToken);
        if (contracts.Count != 3 || await db.Set<PaymentTermsVersion>().IgnoreQueryFilters().AnyAsync(v => v.OrganisationId == anytown.Id, cancellationToken))
        {
            return;
        }

        var people = await db.Users.Where(p => p.Email == "commissioner@anytown.example" || p.Email == "hello@brightside.example"
            || p.Email == "care@anytown-community-care.example" || p.Email == "bids@northgate-facilities.example").ToDictionaryAsync(p => p.Email!, p => p.Id, cancellationToken);
        var officer = new KpiObservation.Actor(people["commissioner@anytown.example"], null);
        var today = now.UkDate();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);

        // Family support: payment by results on families turned around, counted each quarter.
        var family = contracts[DemoContracts.FamilySupport];
        var turnedAround = Kpi(family, now, new("Families turned around: significant and sustained progress on every problem they had when they started", "families", Polarity.HigherIsBetter, 15m, 10m, KpiFrequency.Quarterly, "Provider's case records, verified by the council's troubled families team"));
        var familyFrom = KpiPeriods.StartOf(KpiFrequency.Quarterly, family.StartDate!.Value);
        var familyTerms = Terms(db, family, familyFrom, new(KpiFrequency.Quarterly, PaymentByResults: new(
            [new PaymentByResults.YearTerms(1, 400_000m, 0.2m), new PaymentByResults.YearTerms(2, 400_000m, 0.4m), new PaymentByResults.YearTerms(3, 400_000m, 0.6m), new PaymentByResults.YearTerms(4, 400_000m, 0.6m)],
            [new PaymentTermsVersion.OutcomeRate(turnedAround.Id, 1_000m)])), officer.PersonId, now, []);
        var familyProvider = new KpiObservation.Actor(people["hello@brightside.example"], family.ProviderId);
        decimal[] families = [14m, 18m, 23m, 21m, 19m];
        decimal[] progress = [52m, 58m, 61m, 63m, 62m];
        decimal[] absent = [18m, 15m, 12m, 9m, 11m];
        var familyValues = new List<KpiObservation>();
        var quarters = KpiPeriods.Between(KpiFrequency.Quarterly, familyFrom, today);
        for (var i = 0; i < quarters.Count && i < families.Length; i++)
        {
            if (KpiPeriods.EndOf(KpiFrequency.Quarterly, quarters[i]) >= today)
            {
                continue;
            }

            familyValues.Add(Approved(db, family, turnedAround, quarters[i], families[i], familyProvider, officer, now));
            familyValues.Add(Approved(db, family, family.Kpis.Single(k => k.Number == 1), quarters[i], progress[i], familyProvider, officer, now));
            familyValues.Add(Approved(db, family, family.Kpis.Single(k => k.Number == 3), quarters[i], absent[i], familyProvider, officer, now));
        }

        Monthly(db, family, family.Kpis.Single(k => k.Number == 2), thisMonth, [93m, 96m, 95m, 91m, 97m, 95m, 96m, 94m, 98m, 95m, 96m, 97m], familyProvider, officer, now, familyValues);
        Calculate(db, family, [familyTerms], quarters.Where(q => KpiPeriods.EndOf(KpiFrequency.Quarterly, q) < today), familyValues, officer.PersonId, now, paidShort: null);

        // Telecare: gain-share on the quarterly cost of care and admissions against the baseline.
        var telecare = contracts[DemoContracts.Telecare];
        var cost = Kpi(telecare, now, new("Cost of home care and emergency admissions for the pilot's users", "£ a quarter", Polarity.LowerIsBetter, 95_000m, 120_000m, KpiFrequency.Quarterly, "Council's adult social care payments and the ICB's hospital activity costs"));
        var telecareFrom = KpiPeriods.StartOf(KpiFrequency.Quarterly, telecare.StartDate!.Value);
        var telecareTerms = Terms(db, telecare, telecareFrom, new(KpiFrequency.Quarterly, GainShare: new(
            BaselineCostPerPeriod: 120_000m, ActualCostKpiId: cost.Id, ProviderInvestment: 60_000m, ProviderShareAfterRecovery: 0.5m)), officer.PersonId, now, []);
        var careProvider = new KpiObservation.Actor(people["care@anytown-community-care.example"], telecare.ProviderId);
        decimal[] costs = [112_400m, 97_850m, 88_200m, 86_900m];
        decimal[] admissions = [23m, 20m, 17m, 16m];
        var telecareValues = new List<KpiObservation>();
        var telecareQuarters = KpiPeriods.Between(KpiFrequency.Quarterly, telecareFrom, today).Where(q => KpiPeriods.EndOf(KpiFrequency.Quarterly, q) < today).ToList();
        for (var i = 0; i < telecareQuarters.Count && i < costs.Length; i++)
        {
            telecareValues.Add(Approved(db, telecare, cost, telecareQuarters[i], costs[i], careProvider, officer, now));
            telecareValues.Add(Approved(db, telecare, telecare.Kpis.Single(k => k.Number == 2), telecareQuarters[i], admissions[i], careProvider, officer, now));
        }

        Monthly(db, telecare, telecare.Kpis.Single(k => k.Number == 1), thisMonth, [91m, 93m, 95m, 96m, 94m, 97m, 96m, 95m, 98m], careProvider, officer, now, telecareValues);
        Calculate(db, telecare, [telecareTerms], telecareQuarters, telecareValues, officer.PersonId, now, paidShort: null);

        // Facilities: an indexed monthly price less service credits; the cap was raised from 5% to 8% six months ago.
        var facilities = contracts[DemoContracts.Facilities];
        var credits = facilities.Kpis.OrderBy(k => k.Number).Select(k => new PaymentTermsVersion.CreditKpi(k.Id, k.Number == 3 ? 0.5m : 1m, k.Number == 3 ? 2m : 3m)).ToList();
        var firstTerms = Terms(db, facilities, thisMonth.AddMonths(-12), new(KpiFrequency.Monthly, Fixed: new(45_000m, UpliftRate: 0.03m), ServiceCredits: new(5m, credits)), officer.PersonId, now, []);
        var secondTerms = Terms(db, facilities, thisMonth.AddMonths(-6), new(KpiFrequency.Monthly, Fixed: new(45_000m, UpliftRate: 0.03m), ServiceCredits: new(8m, credits)), officer.PersonId, now, [firstTerms]);
        var northgate = new KpiObservation.Actor(people["bids@northgate-facilities.example"], facilities.ProviderId);
        var facilitiesValues = new List<KpiObservation>();
        Monthly(db, facilities, facilities.Kpis.Single(k => k.Number == 1), thisMonth, [99m, 98.5m, 97m, 99m, 96m, 98m, 99m, 94m, 98m, 99m, 98m, 97.5m], northgate, officer, now, facilitiesValues);
        Monthly(db, facilities, facilities.Kpis.Single(k => k.Number == 2), null, [96m, 95m, 93m, 96m, 95m, 97m, 88m, 95m, 96m, 95m, 94m, 96m], northgate, officer, now, facilitiesValues, thisMonth);
        Monthly(db, facilities, facilities.Kpis.Single(k => k.Number == 3), null, [1m, 2m, 3m, 1m, 2m, 1m, 2m, 6m, 1m, 2m, 1m, 1.5m], northgate, officer, now, facilitiesValues, thisMonth);
        Calculate(db, facilities, [firstTerms, secondTerms], KpiPeriods.Between(KpiFrequency.Monthly, thisMonth.AddMonths(-12), thisMonth.AddMonths(-1)), facilitiesValues, officer.PersonId, now,
            paidShort: thisMonth.AddMonths(-5));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ContractKpi Kpi(Contract contract, DateTime now, ContractKpi.Input input) =>
        contract.Kpis.SingleOrDefault(k => k.Definition == input.Definition) ?? contract.AddKpi(input, now).Value!;

    private static PaymentTermsVersion Terms(PlaceshaperDb db, Contract contract, DateOnly from, PaymentTermsVersion.Terms terms, Guid? personId, DateTime now, IReadOnlyCollection<PaymentTermsVersion> existing)
    {
        var version = PaymentTermsVersion.Create(contract, from, terms, existing, personId, now);
        if (!version.Succeeded)
        {
            throw new InvalidOperationException($"Demo terms of {contract.Reference}: {version.Errors}");
        }

        db.Set<PaymentTermsVersion>().Add(version.Value!);
        return version.Value!;
    }

    private static KpiObservation Submitted(PlaceshaperDb db, Contract contract, ContractKpi kpi, DateOnly period, decimal value, KpiObservation.Actor provider, DateTime now, IReadOnlyCollection<KpiObservation> history, string comment = "")
    {
        var submitted = KpiObservation.Submit(contract, new KpiObservation.Input(kpi.Id, period, value, comment), provider, "demo", history, now);
        if (!submitted.Succeeded)
        {
            throw new InvalidOperationException($"Demo value of {contract.Reference} KPI {kpi.Number} for {period}: {submitted.Errors}");
        }

        db.Set<KpiObservation>().Add(submitted.Value!);
        return submitted.Value!;
    }

    private static KpiObservation Approved(PlaceshaperDb db, Contract contract, ContractKpi kpi, DateOnly period, decimal value, KpiObservation.Actor provider, KpiObservation.Actor officer, DateTime now)
    {
        var observation = Submitted(db, contract, kpi, period, value, provider, now, []);
        _ = observation.Approve(officer, [], now);
        return observation;
    }

    /// <summary>
    /// A monthly KPI's last twelve months (from the contract's start) approved; when <paramref name="waiting"/> is given, last month's
    /// first figure was returned and resubmitted, and this month's waits for approval.
    /// </summary>
    private static void Monthly(
        PlaceshaperDb db, Contract contract, ContractKpi kpi, DateOnly? waiting, decimal[] values, KpiObservation.Actor provider, KpiObservation.Actor officer, DateTime now, List<KpiObservation> into, DateOnly? thisMonth = null)
    {
        var current = waiting ?? thisMonth!.Value;
        var months = Enumerable.Range(1, values.Length).Select(n => current.AddMonths(-n)).Where(m => m >= KpiPeriods.StartOf(KpiFrequency.Monthly, contract.StartDate!.Value)).Reverse().ToList();
        for (var i = 0; i < months.Count; i++)
        {
            var value = values[values.Length - months.Count + i];
            if (waiting is not null && i == months.Count - 1)
            {
                var first = Submitted(db, contract, kpi, months[i], value + (kpi.HigherIsBetter ? 3 : -1), provider, now, []);
                _ = first.Return(officer, "This figure does not match the monthly report you sent: please check it and send it again", now);
                var again = Submitted(db, contract, kpi, months[i], value, provider, now, [first], "Corrected: the first figure counted the month before's cases too");
                _ = again.Approve(officer, [first], now);
                into.Add(again);
                continue;
            }

            into.Add(Approved(db, contract, kpi, months[i], value, provider, officer, now));
        }

        if (waiting is { } month)
        {
            _ = Submitted(db, contract, kpi, month, values[^1], provider, now, [], "Month to date");
        }
    }

    private static void Calculate(
        PlaceshaperDb db, Contract contract, IReadOnlyList<PaymentTermsVersion> terms, IEnumerable<DateOnly> periods, IReadOnlyCollection<KpiObservation> approved, Guid? personId, DateTime now, DateOnly? paidShort)
    {
        decimal recovered = 0;
        foreach (var period in periods)
        {
            var version = PaymentTermsVersion.InForce(terms, period)!;
            var worked = PaymentSchedule.Work(contract, version, period, approved, recovered);
            if (!worked.Succeeded)
            {
                throw new InvalidOperationException($"Demo schedule of {contract.Reference} for {period}: {worked.Errors}");
            }

            recovered += worked.Value!.InvestmentRecovered;
            var calculation = PaymentCalculation.From(contract, version, worked.Value, 1, personId, now);
            db.Set<PaymentCalculation>().Add(calculation);

            // The month whose credits were not deducted: the full price was paid as if nobody had worked them out.
            var paid = period == paidShort ? calculation.FixedElement + calculation.OutcomePayments : calculation.Due;
            var paidOn = calculation.PeriodEnd.AddDays(30) < now.UkDate() ? calculation.PeriodEnd.AddDays(30) : now.UkDate();
            db.Set<ContractPayment>().Add(ContractPayment.Record(contract, period, new ContractPayment.Input(paid, paidOn, $"{contract.Reference}/{period:yyyyMM}"), personId, now).Value!);
        }
    }
}
