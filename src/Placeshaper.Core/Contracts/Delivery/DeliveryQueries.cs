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
        public decimal? Paid => Payments.Count == 0 ? null : Payments.Sum(p => p.Amount);

        public bool CreditNotLevied => Latest is { } l && PaymentSchedule.CreditNotLevied(l.Credits, l.Due, Paid);

        /// <summary>Paid minus due, when both are known.</summary>
        public decimal? Difference => Latest is { } l && Paid is { } p ? p - l.Due : null;
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
        return Assemble(contract, terms, calculations, payments, db.Clock.GetUtcNow().UtcDateTime.UkDate());
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
        return contracts
            .SelectMany(c => Assemble(c, terms.Where(t => t.ContractId == c.Id).ToList(), calculations.Where(x => x.ContractId == c.Id).ToList(), payments.Where(p => p.ContractId == c.Id).ToList(), today))
            .Where(p => p.Latest is not null || p.Payments.Count > 0)
            .OrderByDescending(p => p.CreditNotLevied).ThenBy(p => p.Contract.Reference, StringComparer.OrdinalIgnoreCase).ThenByDescending(p => p.PeriodStart)
            .ToList();
    }

    public static IReadOnlyList<SchedulePeriod> Assemble(Contract contract, IReadOnlyList<PaymentTermsVersion> terms, IReadOnlyList<PaymentCalculation> calculations, IReadOnlyList<ContractPayment> payments, DateOnly today)
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
            return new SchedulePeriod(contract, start, revisions.FirstOrDefault(), revisions.Skip(1).FirstOrDefault(), revisions,
                payments.Where(p => p.PeriodStart == start).OrderBy(p => p.PaidOn).ToList());
        }).ToList();
    }
}
