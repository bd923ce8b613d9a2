using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Needs;

[RequiresRole(Role.Commissioner, Role.Administrator)]
public sealed class EditAssessmentModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Narrative { get; set; }

    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    [BindProperty]
    public string? EvidenceLinks { get; set; }

    [BindProperty]
    public DateInput ReviewBy { get; set; } = new();

    public string Slug => context.Slug;

    public Guid AssessmentId { get; private set; }

    public bool Archived { get; private set; }

    public Dictionary<string, string> IndicatorNames { get; private set; } = [];

    public AssessmentFields Fields => new(Topic, Narrative, Chosen, EvidenceLinks, ReviewBy, IndicatorNames, ErrorFor);

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(assessmentId, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        (Topic, Narrative, Chosen, EvidenceLinks, ReviewBy) =
            (assessment.Topic, assessment.Narrative, assessment.Indicators.ToList(), string.Join("\n", assessment.Links), DateInput.From(assessment.ReviewBy));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await LoadAsync(assessmentId, cancellationToken);
        if (assessment is null)
        {
            return NotFound();
        }

        var reviewBy = Date("reviewBy", ReviewBy, "The review date must be a real date, like 31 3 2027");

        // Revise changes the assessment only when it keeps the rules; nothing is saved while any field has an error.
        var revised = assessment.Revise(Topic, Narrative, Chosen, IndicatorNames.Keys, EvidenceLinks, reviewBy, db.Clock.GetUtcNow().UtcDateTime);
        if (!revised.Succeeded || HasErrors)
        {
            AddErrors(revised.Errors ?? new Common.Errors());
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/needs/assessments#assessment-{assessment.Id}");
    }

    private async Task<NeedsAssessment?> LoadAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        var assessment = await db.NeedsAssessments.SingleOrDefaultAsync(a => a.Id == assessmentId && a.OrganisationId == context.Id, cancellationToken);
        if (assessment is not null)
        {
            (AssessmentId, Archived) = (assessment.Id, assessment.IsArchived);
            IndicatorNames = await db.Indicators.AsNoTracking().Where(i => i.OrganisationId == context.Id).OrderBy(i => i.Name).ToDictionaryAsync(i => i.Code, i => i.Name, cancellationToken);
        }

        return assessment;
    }
}
