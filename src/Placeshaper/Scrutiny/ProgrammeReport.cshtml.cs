using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Outcomes;
using Placeshaper.Programmes;
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

    public IReadOnlyList<CommitteeReports.ProgrammeContract> Contracts { get; private set; } = [];

    public IReadOnlyList<ScrutinyQuestion> Questions { get; private set; } = [];

    public DateTime GeneratedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (await CommitteeReports.ProgrammeAsync(db, context.Id, programmeId, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        (Programme, History, Outcomes, Contracts, Questions, GeneratedAt) = (report.Programme, report.History, report.Outcomes, report.Contracts, report.Questions, report.GeneratedAt);
        return Page();
    }
}
