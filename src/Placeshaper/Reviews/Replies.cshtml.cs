using Microsoft.AspNetCore.Mvc;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Reviews;

/// <summary>A provider's own published reviews, with its right of reply. Reviewers' email addresses are never kept, so never shown.</summary>
[RequiresRole(Role.Provider)]
public sealed class RepliesModel(OrganisationContext context, PlaceshaperDb db) : FormPage
{
    public string Slug => context.Slug;

    public Guid ProviderId => context.Current.ProviderId!.Value;

    public RatingSummary Rating { get; private set; } = null!;

    public IReadOnlyList<ReviewQueries.Published> Reviews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReplyAsync(Guid reviewId, string? reply, CancellationToken cancellationToken)
    {
        if (await ReviewDecisions.ReplyAsync(db, context.Id, ProviderId, reviewId, reply, cancellationToken) is not { } replied)
        {
            return NotFound();
        }

        if (!replied.Succeeded)
        {
            AddErrors(replied.Errors, _ => "reply-" + reviewId);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/o/{context.Slug}/portal/reviews#review-{reviewId}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rating = await ReviewQueries.SummaryAsync(db, context.Id, ProviderId, cancellationToken);
        Reviews = await ReviewQueries.PublishedAsync(db, context.Id, ProviderId, cancellationToken);
    }
}
