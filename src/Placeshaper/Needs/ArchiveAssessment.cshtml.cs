using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Needs;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class ArchiveAssessmentModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Reason { get; set; }

    public string Slug => context.Slug;

    public string Topic { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken) =>
        await LoadAsync(assessmentId, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(assessmentId, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        var archived = await AssessmentChanges.ArchiveAsync(db, assessment, Reason, cancellationToken);
        if (!archived.Succeeded)
        {
            AddErrors(archived.Errors);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/needs/assessments?archived=true#assessment-{assessment.Id}");
    }

    private async Task<NeedsAssessment?> LoadAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await db.NeedsAssessments.SingleOrDefaultAsync(a => a.Id == assessmentId && a.OrganisationId == context.Id, cancellationToken);
        Topic = assessment?.Topic ?? "";
        return assessment;
    }
}
