using Microsoft.EntityFrameworkCore;
using Placeshaper.Budgets;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Outcomes;
using Placeshaper.Reviews;
using Placeshaper.SocialValue.Delivery;

namespace Placeshaper.Programmes;

/// <summary>
/// What a programme review looks at, read live: outcomes against targets, its contracts' performance and residents'
/// ratings of their suppliers, spend (payments recorded on its contracts) against its pooled budgets by financial
/// year, and the reviews decided before.
/// </summary>
public static class ProgrammeReviewQueries
{
    public sealed record OutcomeLine(string Outcome, string Measure, string Unit, decimal Baseline, decimal? Latest, decimal Target, DateOnly TargetDate, bool? OnTrack);

    public sealed record ContractLine(Guid Id, string Reference, string Title, string Supplier, DateOnly? LatestPeriod, int Green, int Amber, int Red, int Reviews, decimal? Rating, decimal Paid,
        decimal SocialValueCommitted, decimal SocialValueDelivered);

    public sealed record BudgetLine(string Budget, string Year, decimal Total, decimal Paid)
    {
        public decimal Remaining => Total - Paid;
    }

    public sealed record PastReview(Guid Id, ReviewDecision Decision, string Lessons, string Reason, IReadOnlyList<Stage> ToStages, string By, DateTime At);

    public sealed record Review(Guid ProgrammeId, string Name, IReadOnlyList<Stage> Stages, DateTime? ClosedAt, IReadOnlyList<OutcomeLine> Outcomes, IReadOnlyList<ContractLine> Contracts,
        IReadOnlyList<BudgetLine> Budgets, decimal PaidOutsideBudgetYears, IReadOnlyList<PastReview> Reviews);

    public static async Task<Review> ForAsync(PlaceshaperDb db, Programme programme, CancellationToken cancellationToken)
    {
        var organisationId = programme.OrganisationId;
        var outcomes = (await OutcomeQueries.FrameworkAsync(db, organisationId, cancellationToken)).SelectMany(t => t.Outcomes).Where(o => o.ProgrammeId == programme.Id)
            .SelectMany(o => o.Measures.Select(m => new OutcomeLine(o.Statement, m.Name, m.Unit, m.Baseline, m.Latest, m.Target, m.TargetDate, m.Progress?.OnTrack))).ToList();

        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Kpis).Where(c => c.OrganisationId == organisationId && c.ProgrammeId == programme.Id).ToListAsync(cancellationToken);
        var ids = contracts.Select(c => c.Id).ToList();
        var observations = (await db.Set<KpiObservation>().AsNoTracking().Where(o => ids.Contains(o.ContractId) && o.Status == ObservationStatus.Approved).ToListAsync(cancellationToken))
            .ToLookup(o => o.ContractId);
        var payments = await db.Set<ContractPayment>().AsNoTracking().Where(p => ids.Contains(p.ContractId)).ToListAsync(cancellationToken);
        var ratings = await ReviewQueries.SummariesAsync(db, organisationId, cancellationToken);
        var obligations = await db.Set<SocialValueObligation>().AsNoTracking().Where(o => ids.Contains(o.ContractId)).ToListAsync(cancellationToken);
        var deliveryReports = await db.Set<DeliveryReport>().AsNoTracking().Where(r => ids.Contains(r.ContractId)).ToListAsync(cancellationToken);
        var socialValue = DeliveryLedger.For(obligations, deliveryReports).ToLookup(l => l.Obligation.ContractId);
        var lines = contracts.OrderBy(c => c.Reference, StringComparer.Ordinal).Select(c =>
        {
            var performance = DeliveryQueries.PerformanceOf(c, observations[c.Id]);
            var latest = performance.Periods.Count == 0 ? (DateOnly?)null : performance.Periods[^1];
            var rags = latest is { } l ? performance.Rows.Where(r => r.Cells.ContainsKey(l)).Select(r => r.Cells[l].Rag).ToList() : [];
            var rating = c.ProviderId is { } p ? ratings.GetValueOrDefault(p) : null;
            var delivered = DeliveryLedger.Totals.Of(socialValue[c.Id]);
            return new ContractLine(c.Id, c.Reference, c.Title, c.SupplierName, latest, rags.Count(r => r == Rag.Green), rags.Count(r => r == Rag.Amber), rags.Count(r => r == Rag.Red),
                rating?.Count ?? 0, rating?.Overall, payments.Where(x => x.ContractId == c.Id).Sum(x => x.Amount),
                delivered.CommittedValue, delivered.DeliveredValue);
        }).ToList();

        var budgets = await BudgetQueries.ForProgrammeAsync(db, programme.Id, cancellationToken);
        var budgetLines = budgets.OrderBy(b => b.FinancialYearStart).ThenBy(b => b.Name, StringComparer.Ordinal).Select(b =>
        {
            var year = new FinancialYear(b.FinancialYearStart);
            // Payments in a year with several budgets count against each: the review shows the year's spend beside each budget.
            return new BudgetLine(b.Name, year.Label, b.Total, payments.Where(p => year.Contains(p.PaidOn)).Sum(p => p.Amount));
        }).ToList();
        var years = budgets.Select(b => new FinancialYear(b.FinancialYearStart)).ToList();
        var outside = payments.Where(p => !years.Any(y => y.Contains(p.PaidOn))).Sum(p => p.Amount);

        var reviews = (await db.ProgrammeReviews.AsNoTracking().Where(r => r.ProgrammeId == programme.Id).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.ReviewedAt)
            .Select(r => new PastReview(r.Id, r.Decision, r.Lessons, r.Reason, Stages.FromStored(r.ToStages), r.ByName, r.ReviewedAt)).ToList();
        return new Review(programme.Id, programme.Name, programme.Stages, programme.ClosedAt, outcomes, lines, budgetLines, outside, reviews);
    }
}
