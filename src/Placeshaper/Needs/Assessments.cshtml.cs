using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Needs;

public sealed class AssessmentsModel(OrganisationContext context, PlaceshaperDb db) : FormPage
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

    public bool CanWrite => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    public DateOnly Today => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    public IReadOnlyList<NeedsAssessment> Assessments { get; private set; } = [];

    /// <summary>Whether archived assessments are listed beside the current ones.</summary>
    public bool ShowArchived { get; private set; }

    public AssessmentFields Fields => new(Topic, Narrative, Chosen, EvidenceLinks, ReviewBy, IndicatorNames, ErrorFor);

    public Dictionary<string, string> IndicatorNames { get; private set; } = [];

    public async Task OnGetAsync(bool archived, CancellationToken cancellationToken)
    {
        ShowArchived = archived;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync(cancellationToken);
        if (!ReviewBy.IsEmpty && ReviewBy.Value is null)
        {
            AddError("reviewBy", "The review date must be a real date, like 31 3 2027");
        }

        var written = NeedsAssessment.Write(context.Id, Topic, Narrative, Chosen, IndicatorNames.Keys, EvidenceLinks, ReviewBy.Value, db.Clock.GetUtcNow().UtcDateTime);
        if (!written.Succeeded || HasErrors)
        {
            AddErrors(written.Errors ?? new Common.Errors());
            return Page();
        }

        db.NeedsAssessments.Add(written.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/o/{context.Slug}/needs/assessments");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Assessments = await db.NeedsAssessments.AsNoTracking().Where(a => a.OrganisationId == context.Id && (ShowArchived || a.ArchivedAt == null))
            .OrderBy(a => a.ArchivedAt != null).ThenBy(a => a.Topic).ToListAsync(cancellationToken);
        IndicatorNames = await db.Indicators.AsNoTracking().Where(i => i.OrganisationId == context.Id).OrderBy(i => i.Name).ToDictionaryAsync(i => i.Code, i => i.Name, cancellationToken);
    }
}
