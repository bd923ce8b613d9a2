using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Programmes;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class MoveModel(OrganisationContext context, PlaceshaperDb db, MoveProgramme move) : FormPage
{
    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public string Slug => context.Slug;

    public Guid ProgrammeId { get; private set; }

    public string ProgrammeName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await LeadProgrammeAsync(programmeId, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        Chosen = programme.Stages.Select(s => s.ToString()).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await LeadProgrammeAsync(programmeId, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        var result = await move.HandleAsync(programme, new MoveProgramme.Command(Chosen, Reason), cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result.Errors);
            return Page();
        }

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
