using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;
using Placeshaper.Programmes;
using Placeshaper.Reviews;
using Placeshaper.Scrutiny;

namespace Placeshaper.Areas;

/// <summary>
/// A councillor's view of a ward: its needs (the latest figure of each indicator beside the authority's), the
/// programmes and contracts delivered in it, the contracts' performance and residents' ratings, and the scrutiny
/// questions still open about them, and spend in the ward (<see cref="WardSpend"/>).
/// </summary>
public static class WardQueries
{
    public sealed record Listed(string Code, string Name, int Contracts);

    public sealed record Need(string Code, string Name, string Unit, string Period, decimal Value, decimal? Authority);

    public sealed record WardProgramme(Guid Id, string Name, IReadOnlyList<Stage> Stages);

    /// <summary>A contract delivered in the ward: its KPIs' ratings in the latest period with approved values, and its supplier's residents' rating.</summary>
    public sealed record WardContract(Guid Id, string Reference, string Title, string Supplier, ContractStatus Status, DateOnly? LatestPeriod, int Green, int Amber, int Red,
        int Reviews, decimal? Rating)
    {
        /// <summary>The worst rating in the latest period; null when no value is approved yet.</summary>
        public Rag? Worst => Red > 0 ? Rag.Red : Amber > 0 ? Rag.Amber : Green > 0 ? Rag.Green : null;
    }

    public sealed record Question(Guid Id, int Number, string Title, string? About, DateOnly DueOn, QuestionStatus Status, bool Overdue);

    public sealed record Ward(string Code, string Name, IReadOnlyList<Need> Needs, IReadOnlyList<WardProgramme> Programmes, IReadOnlyList<WardContract> Contracts,
        IReadOnlyList<Question> OpenQuestions, WardSpend.Summary Spend);

    public static async Task<IReadOnlyList<Listed>> ListAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var wards = await db.Areas.AsNoTracking().Where(a => a.OrganisationId == organisationId && a.Level == AreaLevel.Ward).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(cancellationToken);
        var counts = await db.ContractAreas.AsNoTracking().Where(l => l.OrganisationId == organisationId).GroupBy(l => l.AreaId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return wards.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w => new Listed(w.Code, w.Name, counts.GetValueOrDefault(w.Id))).ToList();
    }

    public static async Task<Ward?> WardAsync(PlaceshaperDb db, Guid organisationId, string code, CancellationToken cancellationToken)
    {
        var key = code.Trim().ToUpperInvariant();
        var ward = await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.OrganisationId == organisationId && a.Code == key && a.Level == AreaLevel.Ward, cancellationToken);
        if (ward is null)
        {
            return null;
        }

        var needs = await NeedsAsync(db, organisationId, ward, cancellationToken);

        var contractIds = await db.ContractAreas.AsNoTracking().Where(l => l.AreaId == ward.Id).Select(l => l.ContractId).ToListAsync(cancellationToken);
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Kpis).Where(c => c.OrganisationId == organisationId && contractIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var observations = (await db.Set<KpiObservation>().AsNoTracking().Where(o => contractIds.Contains(o.ContractId) && o.Status == ObservationStatus.Approved).ToListAsync(cancellationToken))
            .ToLookup(o => o.ContractId);
        var ratings = await ReviewQueries.SummariesAsync(db, organisationId, cancellationToken);
        var today = db.Clock.GetUtcNow().UtcDateTime.UkDate();
        var wardContracts = contracts.OrderBy(c => c.Reference, StringComparer.Ordinal).Select(c =>
        {
            var performance = DeliveryQueries.PerformanceOf(c, observations[c.Id]);
            var latest = performance.Periods.Count == 0 ? (DateOnly?)null : performance.Periods[^1];
            var rags = latest is { } l ? performance.Rows.Where(r => r.Cells.ContainsKey(l)).Select(r => r.Cells[l].Rag).ToList() : [];
            var rating = c.ProviderId is { } p ? ratings.GetValueOrDefault(p) : null;
            return new WardContract(c.Id, c.Reference, c.Title, c.SupplierName, c.StatusOn(today), latest, rags.Count(r => r == Rag.Green), rags.Count(r => r == Rag.Amber),
                rags.Count(r => r == Rag.Red), rating?.Count ?? 0, rating?.Overall);
        }).ToList();

        // Programmes: those the ward's contracts were bought for, and those with an outcome measured in the ward.
        var measured = await db.OutcomeMeasures.AsNoTracking().Where(m => m.AreaId == ward.Id)
            .Join(db.Outcomes.AsNoTracking(), m => m.OutcomeId, o => o.Id, (m, o) => o.ProgrammeId).Where(p => p != null).Select(p => p!.Value).ToListAsync(cancellationToken);
        var programmeIds = contracts.Where(c => c.ProgrammeId is not null).Select(c => c.ProgrammeId!.Value).Concat(measured).Distinct().ToList();
        var programmes = (await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToListAsync(cancellationToken))
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new WardProgramme(p.Id, p.Name, p.Stages)).ToList();

        var about = contractIds.Concat(programmeIds).ToList();
        var questions = await db.ScrutinyQuestions.AsNoTracking()
            .Where(q => q.OrganisationId == organisationId && q.SubjectId != null && about.Contains(q.SubjectId.Value) && q.Status != QuestionStatus.Closed)
            .OrderBy(q => q.Number).ToListAsync(cancellationToken);
        var names = await ScrutinyQueries.SubjectNamesAsync(db, questions, cancellationToken);
        var spend = await WardSpend.OfAsync(db, organisationId, ward, contracts, today, cancellationToken);
        return new Ward(ward.Code, ward.Name, needs, programmes, wardContracts,
            questions.Select(q => new Question(q.Id, q.Number, q.Title, names.GetValueOrDefault(q.SubjectId!.Value), q.DueOn, q.Status, q.IsOverdue(today))).ToList(), spend);
    }

    private static async Task<IReadOnlyList<Need>> NeedsAsync(PlaceshaperDb db, Guid organisationId, Area ward, CancellationToken cancellationToken)
    {
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.OrganisationId == organisationId && (v.AreaId == ward.Id || v.AreaId == ward.ParentId)).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.OrganisationId == organisationId).ToDictionaryAsync(i => i.Id, cancellationToken);
        return values.Where(v => v.AreaId == ward.Id).GroupBy(v => v.IndicatorId)
            .Select(g => g.OrderByDescending(v => v.PeriodStart).First())
            .Where(v => indicators.ContainsKey(v.IndicatorId))
            .Select(v =>
            {
                var i = indicators[v.IndicatorId];
                var authority = values.FirstOrDefault(a => a.AreaId == ward.ParentId && a.IndicatorId == v.IndicatorId && a.Period == v.Period)?.Value;
                return new Need(i.Code, i.Name, i.Unit, v.Period, v.Value, authority);
            })
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
    }
}
