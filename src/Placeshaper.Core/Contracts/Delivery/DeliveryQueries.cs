using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Contracts.Delivery;

/// <summary>Reads of a contract's KPI values, performance, terms and payment schedule.</summary>
public static class DeliveryQueries
{
    /// <summary>A KPI's value in a period, with its ratings.</summary>
    public sealed record Cell(Guid ObservationId, decimal Value, Rag Rag, string ActRating);

    public sealed record PerformanceRow(ContractKpi Kpi, IReadOnlyDictionary<DateOnly, Cell> Cells);

    /// <summary>The approved values in force of each KPI by period (columns, latest 12), rated.</summary>
    public sealed record Performance(IReadOnlyList<DateOnly> Periods, IReadOnlyList<PerformanceRow> Rows);

    /// <summary>One payment period of the schedule: its latest calculation, the one before, what was paid and whether a deduction was not levied.</summary>
    public sealed record SchedulePeriod(
        Contract Contract,
        DateOnly PeriodStart,
        PaymentCalculation? Latest,
        PaymentCalculation? Previous,
        IReadOnlyList<PaymentCalculation> Revisions,
        IReadOnlyList<ContractPayment> Payments)
    {
        /// <summary>The last day of the period: its calculation's, or as the terms in force count periods.</summary>
        public DateOnly? PeriodEnd { get; init; }

        /// <summary>What the organisation's imported spend says was paid to the provider in the period (see <see cref="SpendAttribution"/>).</summary>
        public PeriodSpend Spend { get; init; } = PeriodSpend.None;

        /// <summary>What was paid as recorded by hand.</summary>
        public decimal? Paid => Payments.Count == 0 ? null : Payments.Sum(p => p.Amount);

        /// <summary>What spend attributes to the contract in the period; null when no payment is.</summary>
        public decimal? SpendPaid => Spend.Attributed.Count == 0 ? null : Spend.Attributed.Sum(p => p.Amount);

        /// <summary>The payment the flag is checked against: the one recorded by hand when there is one, otherwise spend's.</summary>
        public decimal? KnownPaid => Paid ?? SpendPaid;

        public bool CreditNotLevied => Latest is { } l && PaymentSchedule.CreditNotLevied(l.Credits, l.Due, KnownPaid);

        /// <summary>Paid (by hand) minus due, when both are known.</summary>
        public decimal? Difference => Latest is { } l && Paid is { } p ? p - l.Due : null;

        /// <summary>Spend's paid minus due, when both are known.</summary>
        public decimal? SpendDifference => Latest is { } l && SpendPaid is { } p ? p - l.Due : null;

        /// <summary>Payments to the provider in the period that could not be told to be this contract's.</summary>
        public decimal? UnattributedSpend => Spend.Unattributed.Count == 0 ? null : Spend.Unattributed.Sum(p => p.Amount);
    }

    /// <summary>A spend payment with the reason it was, or was not, attributed to the contract.</summary>
    public sealed record SpendLine(SpendAttribution.Payment Payment, string Reason)
    {
        public decimal Amount => Payment.Amount;
    }

    /// <summary>The provider's spend payments dated in a period: those attributed to the contract and those not attributed to any.</summary>
    public sealed record PeriodSpend(IReadOnlyList<SpendLine> Attributed, IReadOnlyList<SpendLine> Unattributed)
    {
        public static readonly PeriodSpend None = new([], []);
    }

    public static async Task<List<KpiObservation>> ObservationsAsync(PlaceshaperDb db, Guid contractId, CancellationToken cancellationToken) =>
        await db.Set<KpiObservation>().AsNoTracking().Include(o => o.Evidence)
            .Where(o => o.ContractId == contractId)
            .OrderByDescending(o => o.PeriodStart).ThenByDescending(o => o.SubmittedAt)
            .ToListAsync(cancellationToken);

    public static Task<KpiObservation?> FindObservationAsync(PlaceshaperDb db, Guid contractId, Guid observationId, CancellationToken cancellationToken) =>
        db.Set<KpiObservation>().Include(o => o.Evidence).SingleOrDefaultAsync(o => o.ContractId == contractId && o.Id == observationId, cancellationToken);

    public static Performance PerformanceOf(Contract contract, IEnumerable<KpiObservation> observations, int most = 12)
    {
        var approved = observations.Where(o => o.Status == ObservationStatus.Approved).ToList();
        var periods = approved.Select(o => o.PeriodStart).Distinct().OrderDescending().Take(most).Order().ToList();
        var rows = contract.Kpis.OrderBy(k => k.Number).Select(k => new PerformanceRow(k, approved
            .Where(o => o.KpiId == k.Id && periods.Contains(o.PeriodStart))
            .GroupBy(o => o.PeriodStart)
            .ToDictionary(g => g.Key, g =>
            {
                var o = g.OrderByDescending(x => x.ReviewedAt).First();
                var rating = PerformanceRatings.Rate(k, o.Value);
                return new Cell(o.Id, o.Value, rating.Rag, rating.ActRating);
            }))).ToList();
        return new Performance(periods, rows);
    }

    public static async Task<List<PaymentTermsVersion>> TermsAsync(PlaceshaperDb db, Guid contractId, CancellationToken cancellationToken) =>
        await db.Set<PaymentTermsVersion>().AsNoTracking().Where(v => v.ContractId == contractId).OrderBy(v => v.Version).ToListAsync(cancellationToken);

    /// <summary>
    /// Every payment period from the first terms' effective date to the current period, latest first; a period with
    /// calculations or payments outside that span is listed too.
    /// </summary>
    public static async Task<IReadOnlyList<SchedulePeriod>> ScheduleAsync(PlaceshaperDb db, Contract contract, CancellationToken cancellationToken)
    {
        var terms = await TermsAsync(db, contract.Id, cancellationToken);
        var calculations = await db.Set<PaymentCalculation>().AsNoTracking().Where(c => c.ContractId == contract.Id).ToListAsync(cancellationToken);
        var payments = await db.Set<ContractPayment>().AsNoTracking().Where(p => p.ContractId == contract.Id).ToListAsync(cancellationToken);
        var spend = terms.Count == 0 ? null : await SpendAsync(db, contract.OrganisationId, [contract], terms.Min(t => t.EffectiveFrom), cancellationToken);
        return Assemble(contract, terms, calculations, payments, db.Clock.GetUtcNow().UtcDateTime.UkDate(), spend?.GetValueOrDefault(contract.Id));
    }

    /// <summary>
    /// The organisation's spend payments to suppliers resolved to each contract's provider, attributed per
    /// <see cref="SpendAttribution"/>: by contract, those attributed to it and those to its provider that were not
    /// attributed to any contract. A query over the spend tables; spend is never changed.
    /// </summary>
    /// <param name="from">The first day of the earliest period asked about: earlier payments are not read.</param>
    public static async Task<IReadOnlyDictionary<Guid, ContractSpend>> SpendAsync(PlaceshaperDb db, Guid organisationId, IReadOnlyCollection<Contract> contracts, DateOnly from, CancellationToken cancellationToken)
    {
        var providers = contracts.Where(c => c.ProviderId is not null).Select(c => c.ProviderId!.Value).Distinct().ToList();
        if (providers.Count == 0)
        {
            return new Dictionary<Guid, ContractSpend>();
        }

        var suppliers = await db.SpendSuppliers.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.Status == Spend.SupplierStatus.Resolved && s.ProviderId != null && providers.Contains(s.ProviderId.Value))
            .Select(s => new { s.SupplierKey, ProviderId = s.ProviderId!.Value }).ToListAsync(cancellationToken);
        if (suppliers.Count == 0)
        {
            return new Dictionary<Guid, ContractSpend>();
        }

        var keys = suppliers.Select(s => s.SupplierKey).Distinct().ToList();
        var providerOf = suppliers.ToDictionary(s => s.SupplierKey, s => s.ProviderId, StringComparer.Ordinal);
        var rows = await db.SpendTransactions.AsNoTracking()
            .Where(t => t.OrganisationId == organisationId && t.Date >= from && keys.Contains(t.SupplierKey))
            .Select(t => new { t.Id, t.Date, t.Amount, t.SupplierKey, t.TransactionNumber, t.Description, t.ServiceArea, t.ExpenseType })
            .ToListAsync(cancellationToken);
        var theirs = await db.Contracts.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.ProviderId != null && providers.Contains(c.ProviderId.Value))
            .ToListAsync(cancellationToken);
        var byProvider = theirs.GroupBy(c => c.ProviderId!.Value).ToDictionary(g => g.Key, g => g.Select(SpendAttribution.ProviderContract.Of).ToList());
        var attributed = new Dictionary<Guid, List<SpendLine>>();
        var unattributed = new Dictionary<Guid, List<SpendLine>>();
        foreach (var row in rows)
        {
            var provider = providerOf[row.SupplierKey];
            var payment = new SpendAttribution.Payment(row.Id, row.Date, row.Amount, string.Join(" ", row.TransactionNumber, row.Description, row.ServiceArea, row.ExpenseType));
            var attribution = SpendAttribution.Attribute(payment, byProvider.GetValueOrDefault(provider) ?? []);
            var into = attribution.ContractId is null ? unattributed : attributed;
            var key = attribution.ContractId ?? provider;
            if (!into.TryGetValue(key, out var list))
            {
                into[key] = list = [];
            }

            list.Add(new SpendLine(payment, attribution.Reason));
        }

        return contracts.ToDictionary(c => c.Id, c => new ContractSpend(
            attributed.GetValueOrDefault(c.Id) ?? [],
            c.ProviderId is { } p ? unattributed.GetValueOrDefault(p) ?? [] : []));
    }

    /// <summary>A contract's spend payments, attributed to it or to its provider without a contract.</summary>
    public sealed record ContractSpend(IReadOnlyList<SpendLine> Attributed, IReadOnlyList<SpendLine> Unattributed)
    {
        public PeriodSpend Between(DateOnly from, DateOnly to) => new(
            Attributed.Where(l => l.Payment.Date >= from && l.Payment.Date <= to).OrderBy(l => l.Payment.Date).ToList(),
            Unattributed.Where(l => l.Payment.Date >= from && l.Payment.Date <= to).OrderBy(l => l.Payment.Date).ToList());
    }

    /// <summary>Every contract's payment periods that have a calculation or a payment, flagged ones first.</summary>
    public static async Task<IReadOnlyList<SchedulePeriod>> AcrossContractsAsync(PlaceshaperDb db, Guid organisationId, Guid? providerId, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Kpis)
            .Where(c => c.OrganisationId == organisationId && (providerId == null || c.ProviderId == providerId)).ToListAsync(cancellationToken);
        var ids = contracts.Select(c => c.Id).ToList();
        var terms = await db.Set<PaymentTermsVersion>().AsNoTracking().Where(v => ids.Contains(v.ContractId)).ToListAsync(cancellationToken);
        var calculations = await db.Set<PaymentCalculation>().AsNoTracking().Where(c => ids.Contains(c.ContractId)).ToListAsync(cancellationToken);
        var payments = await db.Set<ContractPayment>().AsNoTracking().Where(p => ids.Contains(p.ContractId)).ToListAsync(cancellationToken);
        var today = db.Clock.GetUtcNow().UtcDateTime.UkDate();
        var spend = terms.Count == 0 ? new Dictionary<Guid, ContractSpend>() : await SpendAsync(db, organisationId, contracts, terms.Min(t => t.EffectiveFrom), cancellationToken);
        return contracts
            .SelectMany(c => Assemble(c, terms.Where(t => t.ContractId == c.Id).ToList(), calculations.Where(x => x.ContractId == c.Id).ToList(), payments.Where(p => p.ContractId == c.Id).ToList(), today, spend.GetValueOrDefault(c.Id)))
            .Where(p => p.Latest is not null || p.Payments.Count > 0)
            .OrderByDescending(p => p.CreditNotLevied).ThenBy(p => p.Contract.Reference, StringComparer.OrdinalIgnoreCase).ThenByDescending(p => p.PeriodStart)
            .ToList();
    }

    public static IReadOnlyList<SchedulePeriod> Assemble(
        Contract contract, IReadOnlyList<PaymentTermsVersion> terms, IReadOnlyList<PaymentCalculation> calculations, IReadOnlyList<ContractPayment> payments, DateOnly today, ContractSpend? spend = null)
    {
        var starts = new SortedSet<DateOnly>(calculations.Select(c => c.PeriodStart).Concat(payments.Select(p => p.PeriodStart)));
        foreach (var version in terms.OrderBy(v => v.EffectiveFrom))
        {
            var frequency = version.Read().Frequency!.Value;
            var next = terms.Where(v => v.EffectiveFrom > version.EffectiveFrom).Select(v => (DateOnly?)v.EffectiveFrom).Min();
            var until = today;
            if (contract.CurrentExpiry is { } expiry && expiry < until)
            {
                until = expiry;
            }

            foreach (var start in KpiPeriods.Between(frequency, version.EffectiveFrom, until).Where(s => next is null || s < next))
            {
                starts.Add(start);
            }
        }

        return starts.Reverse().Select(start =>
        {
            var revisions = calculations.Where(c => c.PeriodStart == start).OrderByDescending(c => c.Revision).ToList();
            var end = revisions.FirstOrDefault()?.PeriodEnd
                ?? (PaymentTermsVersion.InForce(terms, start)?.Read().Frequency is { } frequency ? KpiPeriods.EndOf(frequency, start) : null);
            return new SchedulePeriod(contract, start, revisions.FirstOrDefault(), revisions.Skip(1).FirstOrDefault(), revisions,
                payments.Where(p => p.PeriodStart == start).OrderBy(p => p.PaidOn).ToList())
            {
                PeriodEnd = end,
                Spend = spend is not null && end is { } last ? spend.Between(start, last) : PeriodSpend.None,
            };
        }).ToList();
    }
}
