using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Programmes;

/// <summary>A programme's review, printable: what it achieved and cost, and the decision that sends it back round the wheel.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class ReviewModel(OrganisationContext context, PlaceshaperDb db, ReviewProgramme review) : FormPage
{
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Lessons { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string Slug => context.Slug;

    public bool CanDecide => context.Current.HasAny(ProgrammeReviewApi.Deciders);

    public ProgrammeReviewQueries.Review Review { get; private set; } = null!;

    public DateTime GeneratedAt { get; private set; }

    public static IReadOnlyList<(string Value, string Label)> Decisions =>
        Enum.GetValues<ReviewDecision>().Select(d => (d.ToString(), $"{ProgrammeReview.Describe(d)}: to {string.Join(" and ", ProgrammeReview.StagesFor(d).Select(s => s.Describe().ToLowerInvariant()))}"
            + (d == ReviewDecision.Decommission ? ", and close the programme" : ""))).ToList();

    public async Task<IActionResult> OnGetAsync(Guid programmeId, CancellationToken cancellationToken) =>
        await LoadAsync(programmeId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        if (!CanDecide)
        {
            return Forbid();
        }

        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }

        ReviewDecision? decision = Enum.TryParse<ReviewDecision>(Decision, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var done = await review.HandleAsync(programme, new(decision, Lessons, Reason), cancellationToken);
        if (!done.Succeeded)
        {
            foreach (var (field, messages) in done.Errors!.ByField)
            {
                AddError(field, messages[0]);
            }

            await LoadAsync(programmeId, cancellationToken);
            return Page();
        }

        return Redirect($"/o/{Slug}/programmes/{programmeId}/review#decided");
    }

    private async Task<bool> LoadAsync(Guid programmeId, CancellationToken cancellationToken)
    {
        var programme = await ProgrammeAccess.FindLedAsync(db, programmeId, context.Id, cancellationToken);
        if (programme is null)
        {
            return false;
        }

        Review = await ProgrammeReviewQueries.ForAsync(db, programme, cancellationToken);
        GeneratedAt = db.Clock.GetUtcNow().UtcDateTime;
        return true;
    }
}
