using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Reviews;

/// <summary>Residents' reviews for officers and councillors: the moderation queue, the providers' ratings and what was published.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.FinanceOfficer, Role.Councillor)]
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public bool CanModerate => context.Current.HasAny([Role.Commissioner, Role.Administrator]);

    public IReadOnlyList<ReviewQueries.Held> Held { get; private set; } = [];

    public IReadOnlyList<ReviewQueries.RatedProvider> Providers { get; private set; } = [];

    public IReadOnlyList<ReviewQueries.Published> Published { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string format, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return new Exports.Table("residents' ratings", ["provider", "reviews", "quality", "reliability", "respect", "value", "overall", "ranking_score", "stars_1", "stars_2", "stars_3", "stars_4", "stars_5"],
            Providers.Select(p => (IReadOnlyList<object?>)[p.Name, p.Rating.Count, p.Rating.Quality, p.Rating.Reliability, p.Rating.Respect, p.Rating.Value, p.Rating.Overall,
                p.Rating.BayesianAverageShown, .. p.Rating.Stars.Cast<object?>()]).ToList())
            .ToFile(format);
    }

    public async Task<IActionResult> OnPostModerateAsync(Guid reviewId, string? decision, string? note, CancellationToken cancellationToken)
    {
        if (!CanModerate)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await ReviewDecisions.ModerateAsync(db, context.Id, reviewId, decision == "publish", note, cancellationToken) is not { } moderated)
        {
            return NotFound();
        }

        if (!moderated.Succeeded)
        {
            AddErrors(moderated.Errors, _ => "note-" + reviewId);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/reviews");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Held = await ReviewQueries.HeldAsync(db, context.Id, cancellationToken);
        Providers = await ReviewQueries.DirectoryAsync(db, context.Id, cancellationToken);
        Published = await ReviewQueries.PublishedAsync(db, context.Id, null, cancellationToken);
    }
}
