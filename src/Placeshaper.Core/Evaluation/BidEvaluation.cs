using Placeshaper.Calculators;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// The evaluation of a tender's opened bids, built to survive challenge: everyone declares conflicts before reading a
/// bid; panel members score alone and cannot see each other's scores until every one of them has submitted; the panel
/// then agrees consensus scores with a rationale; and the ranking comes from the same <see cref="TenderEvaluation"/>
/// code as the calculator, for each lot.
/// </summary>
public sealed class BidEvaluation : IOrganisationOwned
{
    public const int MaxReason = 4000;

    private readonly List<ConflictDeclaration> declarations = [];
    private readonly List<PanelMember> panel = [];
    private readonly List<PanelScore> scores = [];
    private readonly List<ModeratedScore> moderated = [];

    private BidEvaluation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid TenderId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<ConflictDeclaration> Declarations => declarations;

    public IReadOnlyList<PanelMember> Panel => panel;

    public IReadOnlyList<PanelScore> Scores => scores;

    public IReadOnlyList<ModeratedScore> Moderated => moderated;

    public IEnumerable<PanelMember> ActivePanel => panel.Where(m => !m.StoodDown);

    /// <summary>Every active member has submitted: from now on all individual scores are visible and moderation may start.</summary>
    public bool AllSubmitted => ActivePanel.Any() && ActivePanel.All(m => m.SubmittedAt is not null);

    public static BidEvaluation For(Tender tender, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = tender.OrganisationId,
        TenderId = tender.Id,
        CreatedAt = now,
    };

    public ConflictDeclaration? DeclarationOf(Guid personId) => declarations.FirstOrDefault(d => d.PersonId == personId);

    /// <summary>May read bids: has declared, and declared no conflict.</summary>
    public bool IsClearToRead(Guid personId) => DeclarationOf(personId) is { HasConflict: false };

    public PanelMember? MemberFor(Guid personId) => panel.FirstOrDefault(m => m.PersonId == personId && !m.StoodDown);

    public Errors? Appoint(Guid personId, DateTime now)
    {
        if (panel.Any(m => m.PersonId == personId))
        {
            return Errors.For("personId", "This person is already on the panel, or stood down from it");
        }

        if (scores.Count > 0)
        {
            return Errors.For("personId", "Scoring has started: the panel can no longer change");
        }

        if (DeclarationOf(personId) is { HasConflict: true })
        {
            return Errors.For("personId", "This person declared a conflict of interest with a bidder");
        }

        panel.Add(new PanelMember(this, personId, now));
        return null;
    }

    /// <summary>Once made, a declaration stands: a conflict found later is declared again and stands the person down.</summary>
    public Errors? Declare(Guid personId, bool? conflict, string? details, DateTime now)
    {
        var errors = new Errors();
        if (conflict is null)
        {
            errors.Add("conflict", "Say whether you have a conflict of interest with any bidder");
        }
        else if (conflict == true && string.IsNullOrWhiteSpace(details))
        {
            errors.Add("details", "Describe the conflict: which bidder, and your connection to them");
        }

        if (details?.Length > MaxReason)
        {
            errors.Add("details", $"The details can be up to {MaxReason:N0} characters");
        }

        if (DeclarationOf(personId) is { HasConflict: true })
        {
            errors.Add("conflict", "You have declared a conflict for this tender: it cannot be withdrawn");
        }
        else if (DeclarationOf(personId) is not null && conflict == false)
        {
            errors.Add("conflict", "You have already declared no conflict");
        }

        if (errors.Any)
        {
            return errors;
        }

        declarations.RemoveAll(d => d.PersonId == personId);
        declarations.Add(new ConflictDeclaration(this, personId, conflict!.Value, details?.Trim() ?? "", now));
        if (conflict == true && panel.FirstOrDefault(m => m.PersonId == personId) is { } member)
        {
            // Their scores go too: scores from someone conflicted must not count, even in moderation.
            member.StandDown();
            scores.RemoveAll(s => s.PanelMemberId == member.Id);
        }

        return null;
    }

    public Errors? Score(Guid personId, Guid bidId, Guid questionId, int? score, string? reason, IReadOnlyCollection<Guid> liveBids, Tender tender, DateTime now)
    {
        var errors = new Errors();
        var member = MemberFor(personId);
        if (member is null || !IsClearToRead(personId))
        {
            errors.Add("panel", "Only panel members who have declared no conflict of interest score bids");
        }
        else if (member.SubmittedAt is not null)
        {
            errors.Add("panel", "You have submitted your scores: they can no longer change");
        }

        if (!liveBids.Contains(bidId))
        {
            errors.Add("bidId", "There is no such bid in this tender");
        }

        if (tender.Questions.All(q => q.Id != questionId))
        {
            errors.Add("questionId", "There is no such question in this tender");
        }

        CheckScore(errors, score, reason, "reason");
        if (errors.Any)
        {
            return errors;
        }

        var existing = scores.FirstOrDefault(s => s.PanelMemberId == member!.Id && s.BidId == bidId && s.QuestionId == questionId);
        if (existing is null)
        {
            existing = new PanelScore(this, member!.Id, bidId, questionId, now);
            scores.Add(existing);
        }

        existing.Set(score!.Value, reason!.Trim());
        return null;
    }

    /// <summary>What a member still has to score before submitting: each live bid's answer to each question.</summary>
    public IReadOnlyList<(Guid BidId, Guid QuestionId)> Unscored(Guid personId, IReadOnlyCollection<Guid> liveBids, Tender tender)
    {
        var member = MemberFor(personId);
        return liveBids.SelectMany(b => tender.Questions.Select(q => (b, q.Id)))
            .Where(x => member is null || !scores.Any(s => s.PanelMemberId == member.Id && s.BidId == x.b && s.QuestionId == x.Id))
            .ToList();
    }

    public Errors? Submit(Guid personId, IReadOnlyCollection<Guid> liveBids, Tender tender, DateTime now)
    {
        if (MemberFor(personId) is not { } member || !IsClearToRead(personId))
        {
            return Errors.For("panel", "Only panel members who have declared no conflict of interest submit scores");
        }

        if (member.SubmittedAt is not null)
        {
            return Errors.For("panel", "You have already submitted your scores");
        }

        var missing = Unscored(personId, liveBids, tender).Count;
        if (missing > 0)
        {
            return Errors.For("scores", $"Score every answer of every bid first: {missing} still to score");
        }

        member.Submit(now);
        return null;
    }

    /// <summary>Each person sees their own scores; everyone's only once the whole panel has submitted.</summary>
    public IEnumerable<PanelScore> ScoresVisibleTo(Guid personId) =>
        AllSubmitted ? scores : scores.Where(s => panel.Any(m => m.Id == s.PanelMemberId && m.PersonId == personId));

    public Errors? Moderate(Guid personId, Guid bidId, Guid questionId, int? score, string? rationale, IReadOnlyCollection<Guid> liveBids, Tender tender, DateTime now)
    {
        var errors = new Errors();
        if (!AllSubmitted)
        {
            errors.Add("moderation", "Moderation starts when every panel member has submitted their scores");
        }

        if (!IsClearToRead(personId))
        {
            errors.Add("moderation", "Declare any conflict of interest before moderating");
        }

        if (!liveBids.Contains(bidId))
        {
            errors.Add("bidId", "There is no such bid in this tender");
        }

        if (tender.Questions.All(q => q.Id != questionId))
        {
            errors.Add("questionId", "There is no such question in this tender");
        }

        CheckScore(errors, score, rationale, "rationale");
        if (errors.Any)
        {
            return errors;
        }

        var existing = moderated.FirstOrDefault(m => m.BidId == bidId && m.QuestionId == questionId);
        if (existing is null)
        {
            existing = new ModeratedScore(this, bidId, questionId, now);
            moderated.Add(existing);
        }

        existing.Set(score!.Value, rationale!.Trim(), personId, now);
        return null;
    }

    public bool IsModerated(IReadOnlyCollection<Guid> liveBids, Tender tender) =>
        liveBids.Count > 0 && liveBids.All(b => tender.Questions.All(q => moderated.Any(m => m.BidId == b && m.QuestionId == q.Id)));

    private static void CheckScore(Errors errors, int? score, string? reason, string reasonField)
    {
        if (score is not { } value || value < 0 || value > Tender.MaxScore)
        {
            errors.Add("score", $"Give a score from 0 to {Tender.MaxScore}, against the descriptors");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReason)
        {
            errors.Add(reasonField, $"Give the reason for the score against the descriptors, up to {MaxReason:N0} characters");
        }
    }
}
