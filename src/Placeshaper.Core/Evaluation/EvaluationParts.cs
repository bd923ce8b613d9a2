using Placeshaper.Organisations;

namespace Placeshaper.Evaluation;

/// <summary>
/// A person's declaration about a tender's bidders, made before they may read any bid: no conflict, or a conflict
/// with details, which keeps them from reading and scoring.
/// </summary>
public sealed class ConflictDeclaration : IOrganisationOwned
{
    private ConflictDeclaration()
    {
    }

    internal ConflictDeclaration(BidEvaluation evaluation, Guid personId, bool conflict, string details, DateTime now)
    {
        Id = Guid.CreateVersion7(now);
        EvaluationId = evaluation.Id;
        OrganisationId = evaluation.OrganisationId;
        PersonId = personId;
        HasConflict = conflict;
        Details = details;
        DeclaredAt = now;
    }

    public Guid Id { get; private set; }

    public Guid EvaluationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid PersonId { get; private set; }

    public bool HasConflict { get; private set; }

    public string Details { get; private set; } = "";

    public DateTime DeclaredAt { get; private set; }
}

/// <summary>A member of the evaluation panel, who scores every bid alone and then submits their scores.</summary>
public sealed class PanelMember : IOrganisationOwned
{
    private PanelMember()
    {
    }

    internal PanelMember(BidEvaluation evaluation, Guid personId, DateTime now)
    {
        Id = Guid.CreateVersion7(now);
        EvaluationId = evaluation.Id;
        OrganisationId = evaluation.OrganisationId;
        PersonId = personId;
        AppointedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid EvaluationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateTime AppointedAt { get; private set; }

    /// <summary>When they submitted their scores; until then only they see them.</summary>
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>Stood down after declaring a conflict: no longer scores, and the panel does not wait for them.</summary>
    public bool StoodDown { get; private set; }

    internal void Submit(DateTime now) => SubmittedAt = now;

    internal void StandDown() => StoodDown = true;
}

/// <summary>One panel member's score for one answer of one bid, with the reason against the descriptors.</summary>
public sealed class PanelScore : IOrganisationOwned
{
    private PanelScore()
    {
    }

    internal PanelScore(BidEvaluation evaluation, Guid memberId, Guid bidId, Guid questionId, DateTime now)
    {
        Id = Guid.CreateVersion7(now);
        EvaluationId = evaluation.Id;
        OrganisationId = evaluation.OrganisationId;
        PanelMemberId = memberId;
        BidId = bidId;
        QuestionId = questionId;
    }

    public Guid Id { get; private set; }

    public Guid EvaluationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid PanelMemberId { get; private set; }

    public Guid BidId { get; private set; }

    public Guid QuestionId { get; private set; }

    public int Score { get; private set; }

    public string Reason { get; private set; } = "";

    internal void Set(int score, string reason) => (Score, Reason) = (score, reason);
}

/// <summary>The panel's consensus score for one answer, agreed at moderation, with its rationale: the score that counts.</summary>
public sealed class ModeratedScore : IOrganisationOwned
{
    private ModeratedScore()
    {
    }

    internal ModeratedScore(BidEvaluation evaluation, Guid bidId, Guid questionId, DateTime now)
    {
        Id = Guid.CreateVersion7(now);
        EvaluationId = evaluation.Id;
        OrganisationId = evaluation.OrganisationId;
        BidId = bidId;
        QuestionId = questionId;
    }

    public Guid Id { get; private set; }

    public Guid EvaluationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid BidId { get; private set; }

    public Guid QuestionId { get; private set; }

    public int Score { get; private set; }

    public string Rationale { get; private set; } = "";

    public Guid ModeratedBy { get; private set; }

    public DateTime ModeratedAt { get; private set; }

    internal void Set(int score, string rationale, Guid personId, DateTime now) => (Score, Rationale, ModeratedBy, ModeratedAt) = (score, rationale, personId, now);
}
