using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Clarifications;

/// <summary>
/// A tender's clarifications for the buyer: questions awaiting an answer, each with forms to answer (published to every
/// bidder, in edited wording if need be) or decline; the buyer's own clarification; and what has been published. The
/// asker is never named here: see <see cref="Clarification"/> for why.
/// </summary>
public sealed class IndexModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, Clarify clarify) : TenderPage(context, db)
{
    public IReadOnlyList<ClarificationQueries.ForBuyer> Clarifications { get; private set; } = [];

    public IEnumerable<ClarificationQueries.ForBuyer> Awaiting => Clarifications.Where(c => c.Status == ClarificationStatus.Asked);

    public IEnumerable<ClarificationQueries.ForBuyer> Published => Clarifications.Where(c => c.Status == ClarificationStatus.Answered);

    public IEnumerable<ClarificationQueries.ForBuyer> Declined => Clarifications.Where(c => c.Status == ClarificationStatus.Declined);

    public bool IsBuyer => Viewing.HasAny(TendersApi.Buyers);

    /// <summary>Why answers cannot be published now (a draft, or past the deadline for bids), or null.</summary>
    public string? AnswersClosed => Clarification.WhyAnswersAreClosed(Tender, Now);

    /// <summary>The clarification whose form was posted, so its fields keep what was typed and show their errors.</summary>
    [BindProperty]
    public Guid? ClarificationId { get; set; }

    [BindProperty]
    public string? PublishedQuestion { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? OwnQuestion { get; set; }

    [BindProperty]
    public string? OwnAnswer { get; set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid tenderId, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadClarificationsAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        Done = done switch
        {
            "answered" => "The answer was published to every bidder.",
            "declined" => "The question was declined. The bidder who asked sees your reason.",
            "published" => "Your clarification was published to every bidder.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid tenderId, string format, CancellationToken cancellationToken)
    {
        if (!await LoadClarificationsAsync(tenderId, cancellationToken))
        {
            return NotFound();
        }

        return new Exports.Table($"{Tender.Reference} clarifications", ["published_at", "question", "answer", "from"],
            Published.Select(c => (IReadOnlyList<object?>)[c.DecidedAt, c.PublishedQuestion, c.Answer, From(c)]).ToList()).ToFile(format);
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid tenderId, CancellationToken cancellationToken) =>
        DecideAsync(tenderId, "answered", (clarification, person) => clarify.AnswerAsync(Tender, clarification, person, PublishedQuestion, Answer, cancellationToken),
            field => field == "publishedQuestion" ? $"published-question-{ClarificationId}" : $"answer-{ClarificationId}", cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid tenderId, CancellationToken cancellationToken) =>
        DecideAsync(tenderId, "declined", (clarification, person) => clarify.DeclineAsync(Tender, clarification, person, Reason, cancellationToken),
            _ => $"reason-{ClarificationId}", cancellationToken);

    public async Task<IActionResult> OnPostOwnAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await clarify.PublishOwnAsync(Tender, viewer.PersonId!.Value, OwnQuestion, OwnAnswer, cancellationToken);
        return await ShowOrRedirectAsync(outcome, "published", field => field == "answer" ? "own-answer" : "own-question", cancellationToken);
    }

    public static string From(ClarificationQueries.ForBuyer clarification) => clarification.FromBuyer ? "The buyer" : "A bidder";

    private async Task<IActionResult> DecideAsync(
        Guid tenderId, string done, Func<Clarification, Guid, Task<Clarify.Outcome>> decide, Func<string, string> fieldId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(tenderId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (ClarificationId is not { } id || await ClarificationQueries.FindAsync(Db, Tender.Id, id, cancellationToken) is not { } clarification)
        {
            return NotFound();
        }

        return await ShowOrRedirectAsync(await decide(clarification, viewer.PersonId!.Value), done, fieldId, cancellationToken);
    }

    private async Task<IActionResult> ShowOrRedirectAsync(Clarify.Outcome outcome, string done, Func<string, string> fieldId, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is { } refusal)
        {
            AddError(fieldId("tender"), refusal);
        }
        else if (outcome.Errors is { } errors)
        {
            AddErrors(errors, fieldId);
        }
        else
        {
            return Redirect($"{Home}/clarifications?done={done}");
        }

        Clarifications = await ClarificationQueries.ForBuyerAsync(Db, Tender.Id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> RefuseAsync(Guid tenderId, CancellationToken cancellationToken) =>
        !await LoadClarificationsAsync(tenderId, cancellationToken) ? NotFound()
        : !IsBuyer ? StatusCode(StatusCodes.Status403Forbidden)
        : null;

    private async Task<bool> LoadClarificationsAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(tenderId, cancellationToken))
        {
            return false;
        }

        Clarifications = await ClarificationQueries.ForBuyerAsync(Db, Tender.Id, cancellationToken);
        return true;
    }
}
