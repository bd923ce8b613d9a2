using Microsoft.AspNetCore.Mvc;
using Placeshaper.Access;
using Placeshaper.Bids;
using Placeshaper.Data;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>One bid under evaluation: its answers beside the descriptors, the member's own scores, and, once everyone has submitted, every score and the consensus.</summary>
[RequiresRole(Role.Administrator, Role.Commissioner, Role.ProcurementOfficer, Role.Evaluator)]
public sealed class BidModel(OrganisationContext context, PlaceshaperDb db, Viewer viewer, SealedBids sealedBids) : TenderPage(context, db)
{
    public BidEvaluation Evaluation { get; private set; } = null!;

    public SealedBids.Opened Opened { get; private set; } = null!;

    public string Bidder { get; private set; } = "";

    public IReadOnlyList<Guid> LiveBids { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The bid's social value commitments with their worth at the buyer's proxy values: information, not a score.</summary>
    public IReadOnlyList<SocialValue.CommitmentValues.Line> Commitments => SocialValue.CommitmentValues.For(Tender, Opened.Content);

    public Guid Me => viewer.PersonId!.Value;

    public bool CanScore => Evaluation.MemberFor(Me) is { SubmittedAt: null };

    public bool CanModerate => Evaluation.AllSubmitted && Viewing.HasAny(TendersApi.Buyers);

    [BindProperty]
    public Dictionary<Guid, string?> Scores { get; set; } = [];

    [BindProperty]
    public Dictionary<Guid, string?> Reasons { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken)
    {
        if (await ReadAsync(tenderId, bidId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var mine = Evaluation.MemberFor(Me);
        foreach (var question in Tender.Questions)
        {
            var own = Evaluation.Scores.FirstOrDefault(s => s.PanelMemberId == mine?.Id && s.BidId == bidId && s.QuestionId == question.Id);
            var consensus = Evaluation.Moderated.FirstOrDefault(m => m.BidId == bidId && m.QuestionId == question.Id);
            (Scores[question.Id], Reasons[question.Id]) = CanModerate
                ? (consensus?.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), consensus?.Rationale)
                : (own?.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), own?.Reason);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken)
    {
        if (await ReadAsync(tenderId, bidId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanScore && !CanModerate)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        foreach (var question in Tender.Questions.OrderBy(q => q.Order))
        {
            var typed = Scores.GetValueOrDefault(question.Id);
            var reason = Reasons.GetValueOrDefault(question.Id);
            if (string.IsNullOrWhiteSpace(typed) && string.IsNullOrWhiteSpace(reason))
            {
                continue;
            }

            int? score = int.TryParse(typed, out var value) ? value : null;
            var errors = CanModerate
                ? Evaluation.Moderate(Me, bidId, question.Id, score, reason, LiveBids, Tender, Now)
                : Evaluation.Score(Me, bidId, question.Id, score, reason, LiveBids, Tender, Now);
            if (errors is not null)
            {
                AddErrors(errors, field => field is "score" ? $"score-{question.Id}" : field is "reason" or "rationale" ? $"reason-{question.Id}" : field);
            }
        }

        if (HasErrors)
        {
            return Page();
        }

        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"{Home}/evaluation");
    }

    private async Task<IActionResult?> ReadAsync(Guid tenderId, Guid bidId, CancellationToken cancellationToken)
    {
        var bid = await LoadAsync(tenderId, cancellationToken) ? await Db.Bids.FindAsync([bidId], cancellationToken) : null;
        if (bid is null || bid.TenderId != tenderId || await EvaluationQueries.FindOrStartAsync(Db, Tender, cancellationToken) is not { } evaluation)
        {
            return NotFound();
        }

        var (read, opened) = await sealedBids.ReadAsync(Tender, bid, Me, cancellationToken);
        switch (read)
        {
            case SealedRead.TooEarly:
                return StatusCode(StatusCodes.Status403Forbidden);
            case SealedRead.NotOpened:
                return Redirect($"{Home}/bids");
            case SealedRead.NotDeclared:
                return Redirect($"{Home}/evaluation#declaration");
        }

        if (opened is null)
        {
            return NotFound();
        }

        Evaluation = evaluation;
        Opened = opened;
        LiveBids = await EvaluationQueries.LiveBidsAsync(Db, Tender.Id, cancellationToken);
        Bidder = (await BidViews.BiddersAsync(Db, [bid.ProviderId], cancellationToken)).GetValueOrDefault(bid.ProviderId, "");
        People = await EvaluationQueries.NamesAsync(Db, evaluation.Panel.Select(m => m.PersonId), cancellationToken);
        return null;
    }
}
