using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Outcomes;
using Placeshaper.Programmes;
using Placeshaper.Reviews;
using Placeshaper.Shared;

namespace Placeshaper.Scrutiny;

/// <summary>A committee report on a programme: where it is on the wheel, its outcomes against targets, its contracts and the questions asked.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class ProgrammeReportModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public string OrganisationName => context.Current.Name;

    public Programme Programme { get; private set; } = null!;

    public IReadOnlyList<StageChange> History { get; private set; } = [];

    public IReadOnlyList<OutcomeQueries.OutcomeView> Outcomes { get; private set; } = [];

    public IReadOnlyList<(ContractQueries.Listed Listed, RatingSummary? Rating)> Contracts { get; private set; } = [];

    public IReadOnlyList<ScrutinyQuestion> Questions { get; private set; } = [];

    public DateTime GeneratedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        if (programme is null || (programme.OrganisationId != context.Id && !await db.ProgrammePartners.AnyAsync(p => p.ProgrammeId == programmeId && p.OrganisationId == context.Id, cancellationToken)))
        {
            return NotFound();
        }

        Programme = programme;
        GeneratedAt = db.Clock.GetUtcNow().UtcDateTime;
        History = (await ProgrammeQueries.HistoryAsync(db, programmeId, cancellationToken)).TakeLast(5).ToList();
        Outcomes = (await OutcomeQueries.FrameworkAsync(db, context.Id, cancellationToken)).SelectMany(t => t.Outcomes).Where(o => o.ProgrammeId == programmeId).ToList();
        var ratings = await ReviewQueries.SummariesAsync(db, context.Id, cancellationToken);
        Contracts = (await ContractQueries.RegisterAsync(db, context.Id, new(), cancellationToken)).Contracts
            .Where(l => l.Contract.ProgrammeId == programmeId)
            .Select(l => (l, l.Contract.ProviderId is { } p ? ratings.GetValueOrDefault(p) : null)).ToList();
        var about = Contracts.Select(c => c.Listed.Contract.Id).Concat(Outcomes.Select(o => o.Id)).Append(programmeId).ToList();
        Questions = await db.ScrutinyQuestions.AsNoTracking().Include(q => q.Entries)
            .Where(q => q.OrganisationId == context.Id && q.SubjectId != null && about.Contains(q.SubjectId.Value)).ToListAsync(cancellationToken);
        return Page();
    }
}
