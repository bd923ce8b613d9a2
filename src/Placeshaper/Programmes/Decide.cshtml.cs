using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Programmes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class DecideModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateInput DecidedOn { get; set; } = new();

    [BindProperty]
    public string? DecisionMakers { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? PapersUrl { get; set; }

    public string Slug => context.Slug;

    public Guid ProgrammeId { get; private set; }

    public string ProgrammeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken) =>
        await LeadProgrammeAsync(programmeId, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await LeadProgrammeAsync(programmeId, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        if (!DecidedOn.IsEmpty && DecidedOn.Value is null)
        {
            AddError("decidedOn", "The date of the decision must be a real date, like 27 3 2026");
        }

        var result = ProgrammeDecision.Record(programme, DecidedOn.Value, Title, DecisionMakers, Summary, PapersUrl, db.Clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded || HasErrors)
        {
            AddErrors(result.Errors ?? new Common.Errors());
            return Page();
        }

        db.ProgrammeDecisions.Add(result.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/programmes/{programmeId}");
    }

    private async Task<Programme?> LeadProgrammeAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken);
        if (programme is null)
        {
            return null;
        }

        (ProgrammeId, ProgrammeName) = (programme.Id, programme.Name);
        return programme;
    }
}
