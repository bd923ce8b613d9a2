using Microsoft.AspNetCore.Mvc;
using Placeshaper.Bids;
using Placeshaper.Clarifications;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Portal;

/// <summary>A published tender as bidders see it, with the provider's own bid: its receipt before the deadline, its content after.</summary>
[RequiresRole(Role.Provider)]
public sealed class TenderModel(OrganisationContext context, PlaceshaperDb db, SubmitBid submit, SealedBids sealedBids, Access.Viewer viewer, Clarify clarify) : FormPage
{
    public string Slug => context.Slug;

    public DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    public Tenders.Tender Tender { get; private set; } = null!;

    public Bid? MyBid { get; private set; }

    /// <summary>What the live bid said, shown to its bidder once the deadline has passed.</summary>
    public BidContent? MyContent { get; private set; }

    public bool Withdrawn { get; private set; }

    /// <summary>Once an award is decided: how the bid scored against the winner's, with the panel's reasons.</summary>
    public IReadOnlyList<Evaluation.AssessmentSummaries.Summary> Summaries { get; private set; } = [];

    /// <summary>The tender's documents, addenda last.</summary>
    public IReadOnlyList<Tenders.TenderDocuments.Listed> Documents { get; private set; } = [];

    /// <summary>Every published clarification and this provider's own questions; never who asked the others.</summary>
    public ClarificationsApi.PortalList Clarifications { get; private set; } = null!;

    [BindProperty]
    public string? Question { get; set; }

    public bool Asked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, bool withdrawn, bool asked, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        Withdrawn = withdrawn;
        Asked = asked;
        if (MyBid is not null && !Tender.BidsAreSealed(Now))
        {
            MyContent = (await sealedBids.ReadAsync(Tender, MyBid, readerId: null, cancellationToken)).Bid?.Content;
            Summaries = await Evaluation.AssessmentSummaries.ForAsync(db, Tender, MyBid.Id, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        if (MyBid is null)
        {
            AddError("withdraw", "You have no bid in for this tender.");
            return Page();
        }

        if ((await submit.WithdrawAsync(Tender, MyBid, cancellationToken)).Refusal is { } refusal)
        {
            AddError("withdraw", refusal);
            return Page();
        }

        return Redirect($"/o/{Slug}/portal/tenders/{Tender.Id}?withdrawn=true");
    }

    public async Task<IActionResult> OnPostAskAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await clarify.AskAsync(Tender, context.Current.ProviderId!.Value, viewer.PersonId!.Value, Question, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            AddError("question", refusal);
            return Page();
        }

        if (outcome.Errors is { } errors)
        {
            AddErrors(errors, _ => "question");
            return Page();
        }

        return Redirect($"/o/{Slug}/portal/tenders/{Tender.Id}?asked=true#questions");
    }

    private async Task<bool> LoadAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await PortalQueries.FindPublishedAsync(db, context.Id, tenderId, cancellationToken) is not { } tender)
        {
            return false;
        }

        Tender = tender;
        MyBid = await PortalQueries.LiveBidAsync(db, tender.Id, context.Current.ProviderId!.Value, cancellationToken);
        Clarifications = await ClarificationsApi.ForProviderAsync(db, tender, context.Current.ProviderId!.Value, cancellationToken);
        Documents = await Tenders.TenderDocuments.ListAsync(db, tender.Id, cancellationToken);
        return true;
    }
}
