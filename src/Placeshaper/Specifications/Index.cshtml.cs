using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Shared;
using Placeshaper.Tenders;

namespace Placeshaper.Specifications;

/// <summary>A programme's outcome-based specifications, and a form to start one from the outcomes it serves.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Evaluator, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public List<Guid> OutcomeIds { get; set; } = [];

    public string Slug => context.Slug;

    public Programme Programme { get; private set; } = null!;

    public IReadOnlyList<SpecificationQueries.Listed> Specifications { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Statement)> Outcomes { get; private set; } = [];

    public bool CanStart => context.Current.HasAny(TendersApi.Buyers);

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        OutcomeIds = Outcomes.Count == 1 ? [Outcomes[0].Id] : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanStart)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var started = Specification.Start(Programme, Title, Purpose, OutcomeIds, Outcomes.Select(o => o.Id).ToHashSet(), db.Clock.GetUtcNow().UtcDateTime);
        if (!started.Succeeded)
        {
            AddErrors(started.Errors, f => f == "outcomeIds" ? "outcomes" : f);
            return Page();
        }

        db.Specifications.Add(started.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{Slug}/specifications/{started.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken) is not { } programme)
        {
            return false;
        }

        Programme = programme;
        Specifications = await SpecificationQueries.ListAsync(db, context.Id, programmeId, cancellationToken);
        Outcomes = await SpecificationPage.OutcomeChoicesAsync(db, context.Id, cancellationToken);
        return true;
    }
}
