using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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

    public RatingSummary? Rating { get; private set; }

    public IReadOnlyList<ScrutinyQuestion> Questions { get; private set; } = [];

    public DateTime GeneratedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid contractId, CancellationToken cancellationToken)
    {
        if (await ContractQueries.DetailAsync(db, context.Id, contractId, cancellationToken) is not { } listed)
        {
            return NotFound();
        }

        Listed = listed;
        GeneratedAt = db.Clock.GetUtcNow().UtcDateTime;
        var reviews = await ReviewQueries.PublishedForContractAsync(db, context.Id, contractId, cancellationToken);
        Rating = RatingSummary.Of(reviews.Select(r => r.Scores).ToList());
        Questions = await db.ScrutinyQuestions.AsNoTracking().Include(q => q.Entries)
            .Where(q => q.OrganisationId == context.Id && q.Subject == ScrutinySubject.Contract && q.SubjectId == contractId).ToListAsync(cancellationToken);
        return Page();
    }
}
