using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Outcomes;
using Placeshaper.Programmes;
using Placeshaper.Reviews;
using Placeshaper.Specifications;

namespace Placeshaper.Scrutiny;

/// <summary>
/// Committee reports on a contract or a programme, made from live data when asked for (issue 8, item 3): the pages print
/// them for committee papers and the API gives the same content.
/// </summary>
public static class CommitteeReports
{
    /// <summary>A KPI with its latest approved value and that value's red, amber or green rating; nulls when none is approved yet.</summary>
    public sealed record KpiResult(int Number, string Definition, string Unit, decimal Target, decimal Minimum, KpiFrequency Frequency, DateOnly? Period, decimal? Latest, Rag? Rating);

    public sealed record ContractReport(ContractQueries.Listed Listed, IReadOnlyList<KpiResult> Kpis, RatingSummary Rating, IReadOnlyList<ScrutinyQuestion> Questions, DateTime GeneratedAt);

    /// <summary>A programme's contract with the worst KPI rating in its latest period with approved values, and residents' rating of its supplier.</summary>
    public sealed record ProgrammeContract(ContractQueries.Listed Listed, DateOnly? Period, Rag? Worst, RatingSummary? Rating);

    public sealed record ProgrammeReport(Programme Programme, IReadOnlyList<StageChange> History, IReadOnlyList<OutcomeQueries.OutcomeView> Outcomes,
        IReadOnlyList<ProgrammeContract> Contracts, IReadOnlyList<ScrutinyQuestion> Questions, DateTime GeneratedAt);

    public static async Task<ContractReport?> ContractAsync(PlaceshaperDb db, Guid organisationId, Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.DetailAsync(db, organisationId, contractId, cancellationToken) is not { } listed)
        {
            return null;
        }

        var performance = DeliveryQueries.PerformanceOf(listed.Contract, await DeliveryQueries.ObservationsAsync(db, contractId, cancellationToken));
        var kpis = performance.Rows.Select(r =>
        {
            var latest = r.Cells.Count == 0 ? (DateOnly?)null : r.Cells.Keys.Max();
            var cell = latest is { } l ? r.Cells[l] : null;
            return new KpiResult(r.Kpi.Number, r.Kpi.Definition, r.Kpi.Unit, r.Kpi.Target, r.Kpi.Minimum, r.Kpi.Frequency, latest, cell?.Value, cell?.Rag);
        }).ToList();
        var reviews = await ReviewQueries.PublishedForContractAsync(db, organisationId, contractId, cancellationToken);
        var questions = await db.ScrutinyQuestions.AsNoTracking().Include(q => q.Entries)
            .Where(q => q.OrganisationId == organisationId && q.Subject == ScrutinySubject.Contract && q.SubjectId == contractId).OrderBy(q => q.Number).ToListAsync(cancellationToken);
        return new ContractReport(listed, kpis, RatingSummary.Of(reviews.Select(r => r.Scores).ToList()), questions, db.Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The report on a programme the organisation leads or is a partner in; null otherwise.</summary>
    public static async Task<ProgrammeReport?> ProgrammeAsync(PlaceshaperDb db, Guid organisationId, Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        if (programme is null || (programme.OrganisationId != organisationId && !await db.ProgrammePartners.AnyAsync(p => p.ProgrammeId == programmeId && p.OrganisationId == organisationId, cancellationToken)))
        {
            return null;
        }

        var history = (await ProgrammeQueries.HistoryAsync(db, programmeId, cancellationToken)).TakeLast(5).ToList();
        var outcomes = (await OutcomeQueries.FrameworkAsync(db, organisationId, cancellationToken)).SelectMany(t => t.Outcomes).Where(o => o.ProgrammeId == programmeId).ToList();
        var ratings = await ReviewQueries.SummariesAsync(db, organisationId, cancellationToken);
        var listed = (await ContractQueries.RegisterAsync(db, organisationId, new(), cancellationToken)).Contracts.Where(l => l.Contract.ProgrammeId == programmeId).ToList();
        var ids = listed.Select(l => l.Contract.Id).ToList();
        var observations = (await db.Set<KpiObservation>().AsNoTracking().Where(o => ids.Contains(o.ContractId) && o.Status == ObservationStatus.Approved).ToListAsync(cancellationToken))
            .ToLookup(o => o.ContractId);
        var contracts = listed.Select(l =>
        {
            var performance = DeliveryQueries.PerformanceOf(l.Contract, observations[l.Contract.Id]);
            var latest = performance.Periods.Count == 0 ? (DateOnly?)null : performance.Periods[^1];
            var rags = latest is { } p ? performance.Rows.Where(r => r.Cells.ContainsKey(p)).Select(r => r.Cells[p].Rag).ToList() : [];
            Rag? worst = rags.Contains(Rag.Red) ? Rag.Red : rags.Contains(Rag.Amber) ? Rag.Amber : rags.Contains(Rag.Green) ? Rag.Green : null;
            return new ProgrammeContract(l, latest, worst, l.Contract.ProviderId is { } provider ? ratings.GetValueOrDefault(provider) : null);
        }).ToList();
        var about = ids.Concat(outcomes.Select(o => o.Id)).Append(programmeId).ToList();
        var questions = await db.ScrutinyQuestions.AsNoTracking().Include(q => q.Entries)
            .Where(q => q.OrganisationId == organisationId && q.SubjectId != null && about.Contains(q.SubjectId.Value)).OrderBy(q => q.Number).ToListAsync(cancellationToken);
        return new ProgrammeReport(programme, history, outcomes, contracts, questions, db.Clock.GetUtcNow().UtcDateTime);
    }
}
