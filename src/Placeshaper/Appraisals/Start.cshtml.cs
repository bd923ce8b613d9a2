using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Programmes;
using Placeshaper.Shared;

namespace Placeshaper.Appraisals;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class StartModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Necessity { get; set; }

    public string Slug => context.Slug;

    public Programme Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        Title ??= $"Options appraisal: {Programme.Name}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(programmeId, cancellationToken))
        {
            return NotFound();
        }

        var started = Appraisal.Start(Programme, Title, Necessity, db.Clock.GetUtcNow().UtcDateTime);
        if (!started.Succeeded)
        {
            AddErrors(started.Errors);
            return Page();
        }

        db.Appraisals.Add(started.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{Slug}/programmes/{programmeId}/appraisals/{started.Value.Id}");
    }

    private async Task<bool> LoadAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken);
        if (programme is null)
        {
            return false;
        }

        Programme = programme;
        return true;
    }
}
