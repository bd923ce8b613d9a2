using Microsoft.AspNetCore.Mvc;
using Placeshaper.Contracts;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Reviews;
using Placeshaper.Shared;

namespace Placeshaper.Scrutiny;

/// <summary>A committee report on one contract, made from live data when it is opened: print it for the papers.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class ContractReportModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public string OrganisationName => context.Current.Name;

    public ContractQueries.Listed Listed { get; private set; } = null!;

    public IReadOnlyList<CommitteeReports.KpiResult> Kpis { get; private set; } = [];

    public RatingSummary? Rating { get; private set; }

    public IReadOnlyList<ScrutinyQuestion> Questions { get; private set; } = [];

    public DateTime GeneratedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await CommitteeReports.ContractAsync(db, context.Id, contractId, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        (Listed, Kpis, Rating, Questions, GeneratedAt) = (report.Listed, report.Kpis, report.Rating, report.Questions, report.GeneratedAt);
        return Page();
    }
}
