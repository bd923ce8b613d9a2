using Placeshaper.Calculators;
using Placeshaper.Payments;

namespace Placeshaper.Contracts.Delivery;

/// <summary>
/// Works out what one payment period of a contract owes, from the terms version in force and the approved KPI values,
/// through the payment calculators, so the formulas live in one place: <see cref="Indexation"/> for the fixed price,
/// <see cref="PaymentByResults"/> for the attachment fee and outcome payments, <see cref="GainShare"/> for savings,
/// <see cref="ServiceCredits"/> for deductions and <see cref="Combination"/> to add them up. Each part is rounded to
/// the penny, half away from zero, before it is added, as it is invoiced. Pure: the stored calculations in
/// <see cref="PaymentCalculation"/> keep what it returned.
/// </summary>
public static class PaymentSchedule
{
    public sealed record Input(Guid ObservationId, Guid KpiId, int KpiNumber, DateOnly PeriodStart, decimal Value);

    public sealed record Worked(
        DateOnly PeriodStart,
        DateOnly PeriodEnd,
        int ContractYear,
        decimal FixedElement,
        decimal OutcomePayments,
        decimal Credits,
        decimal Due,
        decimal InvestmentRecovered,
        IReadOnlyList<Input> Inputs,
        IReadOnlyList<string> Working);

    /// <summary>
    /// The period's payment. <paramref name="approved"/> are the approved values in force for the contract's KPIs
    /// (any periods); <paramref name="investmentRecoveredBefore"/> is what gain-share has already repaid of the
    /// provider's investment in earlier periods, so that it is recovered once.
    /// </summary>
    public static Result<Worked> Work(Contract contract, PaymentTermsVersion version, DateOnly periodStart, IReadOnlyCollection<KpiObservation> approved, decimal investmentRecoveredBefore = 0)
    {
        var terms = version.Read();
        var frequency = terms.Frequency!.Value;
        if (KpiPeriods.Check(frequency, periodStart) is { } wrong)
        {
            return Errors.For("periodStart", wrong);
        }

        var periodEnd = KpiPeriods.EndOf(frequency, periodStart);
        var perYear = 12 / KpiPeriods.Months(frequency);
        var year = ContractYear(contract, periodStart);
        var kpis = contract.Kpis.ToDictionary(k => k.Id);
        var inPeriod = approved
            .Where(o => o.Status == ObservationStatus.Approved && o.PeriodStart >= periodStart && o.PeriodStart <= periodEnd && kpis.ContainsKey(o.KpiId))
            .OrderBy(o => kpis[o.KpiId].Number).ThenBy(o => o.PeriodStart)
            .ToList();
        var used = new List<Input>();
        var working = new List<string>
        {
            $"Period {periodStart:d MMMM yyyy} to {periodEnd:d MMMM yyyy}, contract year {year}, terms version {version.Version} (effective from {version.EffectiveFrom:d MMMM yyyy})",
        };
        decimal fixedElement = 0;
        var outcomes = new List<Combination.Part>();
        var credits = new List<Combination.Part>();
        decimal recovered = 0;

        List<KpiObservation> ValuesOf(Guid? kpiId)
        {
            var values = inPeriod.Where(o => o.KpiId == kpiId).ToList();
            used.AddRange(values.Where(v => used.All(u => u.ObservationId != v.Id)).Select(v => new Input(v.Id, v.KpiId, kpis[v.KpiId].Number, v.PeriodStart, v.Value)));
            return values;
        }

        if (terms.Fixed is { } price)
        {
            var indexed = Indexation.Calculate(new Indexation.Input(price.AmountPerPeriod, year, perYear, price.Index is null ? price.UpliftRate ?? 0m : price.UpliftRate, price.Index));
            if (!indexed.Succeeded)
            {
                return Errors.For("terms", $"Terms version {version.Version} cannot price contract year {year}: " + indexed.Errors);
            }

            var thisYear = indexed.Value!.Years[year - 1];
            fixedElement += thisYear.PricePerPeriod;
            working.Add("Fixed price: " + thisYear.Working);
        }

        if (terms.PaymentByResults is { } results)
        {
            if (results.Years?.SingleOrDefault(y => y?.Year == year) is not { } yearTerms)
            {
                return Errors.For("terms", $"Terms version {version.Version} gives no payment-by-results budget for contract year {year}");
            }

            var budget = yearTerms.Budget!.Value / perYear;
            var rates = results.Outcomes ?? [];
            var achieved = rates.Select(r => (Rate: r!, Values: ValuesOf(r!.KpiId))).ToList();
            var pbr = PaymentByResults.Calculate(new PaymentByResults.Input(
                [new PaymentByResults.YearTerms(year, budget, yearTerms.OutcomeShare)],
                achieved.Select(a => new PaymentByResults.Outcome(Label(kpis, a.Rate.KpiId), a.Rate.Rate, new Dictionary<int, decimal?> { [year] = a.Values.Sum(v => v.Value) })).ToList()));
            if (!pbr.Succeeded)
            {
                return Errors.For("terms", $"Terms version {version.Version} cannot pay results: " + pbr.Errors);
            }

            var paid = pbr.Value!.InPence().Years[0];
            working.Add($"Payment by results: contract year {year}'s budget {Rounding.Pounds(yearTerms.Budget!.Value)} ÷ {perYear} periods = {Rounding.Pounds(budget)} this period, {Rounding.Percent(yearTerms.OutcomeShare!.Value)} of it paid only for outcomes");
            foreach (var (rate, values) in achieved)
            {
                working.Add($"{Label(kpis, rate.KpiId)}: {Rounding.Plain(values.Sum(v => v.Value))} achieved (approved) × {Rounding.Pounds(rate.Rate!.Value)}");
            }

            working.AddRange(pbr.Value.Years[0].Working);
            fixedElement += paid.Attachment;
            outcomes.Add(new Combination.Part("payment by results", paid.OutcomePaid));
        }

        if (terms.GainShare is { } gain)
        {
            var remaining = Math.Max(0, (gain.ProviderInvestment ?? 0) - investmentRecoveredBefore);
            GainShare.Input? input = null;
            if (gain.ActualCostKpiId is { } costKpi)
            {
                var actual = ValuesOf(costKpi);
                input = actual.Count == 0 ? null : new GainShare.Input(gain.BaselineCostPerPeriod, actual.Sum(a => a.Value), ProviderInvestment: remaining, ProviderShareAfterRecovery: gain.ProviderShareAfterRecovery);
            }
            else
            {
                var cost = ValuesOf(gain.PilotCostPerUserKpiId);
                var users = ValuesOf(gain.PilotUsersKpiId);
                input = cost.Count == 0 || users.Count == 0 ? null : new GainShare.Input(
                    Control: new GainShare.ControlGroup(gain.ControlCostPerUser), Pilot: new GainShare.PilotGroup(cost[^1].Value, users[^1].Value),
                    ProviderInvestment: remaining, ProviderShareAfterRecovery: gain.ProviderShareAfterRecovery);
            }

            if (input is null)
            {
                working.Add("Gain-share: no approved cost figures for this period, so no savings can be worked out yet");
            }
            else
            {
                var shared = GainShare.Calculate(input);
                if (!shared.Succeeded)
                {
                    return Errors.For("terms", "Gain-share cannot be worked out from the approved values: " + shared.Errors);
                }

                var share = shared.Value!.InPence();
                working.Add($"Gain-share: investment still to recover {Rounding.Pounds(remaining)} of {Rounding.Pounds(gain.ProviderInvestment ?? 0)}");
                working.AddRange(shared.Value.Working);
                recovered = share.InvestmentRecovered;
                outcomes.Add(new Combination.Part("gain-share", share.ProviderPayment));
            }
        }

        if (terms.ServiceCredits is { } creditTerms)
        {
            var rated = new List<ServiceCredits.Kpi>();
            foreach (var line in creditTerms.Kpis ?? [])
            {
                var kpi = kpis[line!.KpiId!.Value];
                var values = ValuesOf(kpi.Id);
                if (values.Count == 0)
                {
                    working.Add($"KPI {kpi.Number}: no approved value for this period, so no credit is worked out for it yet");
                }

                rated.AddRange(values.Select(v => new ServiceCredits.Kpi(
                    $"KPI {kpi.Number} {KpiPeriods.Name(kpi.Frequency, v.PeriodStart)}", kpi.Target, kpi.Minimum, v.Value, kpi.HigherIsBetter, line.CreditPercentPerUnit, line.MaxCreditPercent, line.Inadequate)));
            }

            if (rated.Count > 0)
            {
                var credit = ServiceCredits.Calculate(new ServiceCredits.Input(fixedElement, creditTerms.CapPercent, rated));
                if (!credit.Succeeded)
                {
                    return Errors.For("terms", "Service credits cannot be worked out: " + credit.Errors);
                }

                foreach (var kpi in credit.Value!.Kpis)
                {
                    working.Add($"{kpi.Id}: " + string.Join("; ", kpi.Working));
                }

                working.AddRange(credit.Value.Working);
                var amount = Rounding.ToTwoPlaces(credit.Value.Credit);
                if (amount > 0)
                {
                    credits.Add(new Combination.Part("service credits", amount));
                }
            }
        }

        var combined = Combination.Calculate(new Combination.Input(Rounding.ToTwoPlaces(fixedElement), outcomes, credits));
        if (!combined.Succeeded)
        {
            return Errors.For("terms", "The parts cannot be added up: " + combined.Errors);
        }

        working.AddRange(combined.Value!.Working);
        var c = combined.Value;
        return new Worked(periodStart, periodEnd, year, c.FixedElement, c.OutcomePayments, c.Credits, c.Due, recovered, used, working);
    }

    /// <summary>1 in the twelve months from the contract's start, 2 in the next twelve, and so on; 1 when the start is not known.</summary>
    public static int ContractYear(Contract contract, DateOnly periodStart)
    {
        if (contract.StartDate is not { } start || periodStart <= start)
        {
            return 1;
        }

        var months = ((periodStart.Year - start.Year) * 12) + periodStart.Month - start.Month - (periodStart.Day < start.Day ? 1 : 0);
        return (months / 12) + 1;
    }

    /// <summary>
    /// A deduction due but not levied: the period's latest calculation has a service credit and what was paid is more
    /// than what was due after it (many contracts levied no deductions because nobody worked them out).
    /// </summary>
    public static bool CreditNotLevied(decimal credits, decimal due, decimal? paid) => credits > 0 && paid is { } p && p > due;

    private static string Label(Dictionary<Guid, ContractKpi> kpis, Guid? kpiId) =>
        kpiId is { } id && kpis.TryGetValue(id, out var kpi) ? $"KPI {kpi.Number} ({kpi.Unit})" : "an outcome";
}
