using System.Globalization;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Clarifications;

public enum ClarificationStatus
{
    /// <summary>A bidder asked; the buyer has not yet answered or declined.</summary>
    Asked = 1,

    /// <summary>Answered and published to every bidder, with the question in the buyer's published wording.</summary>
    Answered = 2,

    /// <summary>Not answered, with a reason told to the asker alone (not a clarification, commercially sensitive…).</summary>
    Declined = 3,
}

/// <summary>
/// A clarification question about a tender and its answer. Answers are published to every bidder, because a bidder
/// told something the others are not would be treated unequally (Procurement Act 2023 s.12(1): treat suppliers the
/// same unless a difference between them justifies otherwise).
/// <para>
/// Who asked (provider and person) is kept for the record, and so it is in the audit trail, but it is shown to nobody:
/// not to other bidders, and not to the buyer's officers either. An officer who knew which bidder asked could, even
/// unwittingly, answer in that bidder's favour or hold the question against it in evaluation; an answer written for
/// "a bidder" can only be written for all of them. The buyer still sees the question's own words, which is why it may
/// publish the question in edited wording that removes anything identifying the asker.
/// </para>
/// </summary>
public sealed class Clarification : IOrganisationOwned
{
    public const int MaxQuestion = 4000;
    public const int MaxAnswer = 8000;
    public const int MaxReason = 2000;

    private Clarification()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The buyer: the organisation running the tender.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid TenderId { get; private set; }

    /// <summary>The asking provider; none for a clarification the buyer published of its own accord. Never shown.</summary>
    public Guid? ProviderId { get; private set; }

    /// <summary>The person who asked, or the officer who published the buyer's own clarification. Never shown to bidders.</summary>
    public Guid AskedBy { get; private set; }

    /// <summary>The question in the asker's own words, seen by the asker and the buyer's officers only.</summary>
    public string Question { get; private set; } = "";

    public DateTime AskedAt { get; private set; }

    public ClarificationStatus Status { get; private set; } = ClarificationStatus.Asked;

    /// <summary>The question as every bidder reads it, once answered: the buyer may reword it to remove anything identifying the asker.</summary>
    public string PublishedQuestion { get; private set; } = "";

    public string Answer { get; private set; } = "";

    /// <summary>When the answer was published, or the question declined.</summary>
    public DateTime? AnsweredAt { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    /// <summary>Why the buyer declined to answer: told to the asker alone.</summary>
    public string DeclineReason { get; private set; } = "";

    public bool IsPublished => Status == ClarificationStatus.Answered;

    /// <summary>Published by the buyer of its own accord, not asked by a bidder.</summary>
    public bool IsBuyers => ProviderId is null;

    /// <summary>
    /// Why a bidder cannot ask now, or null: questions are taken on a published tender until the clarification deadline,
    /// or the deadline for bids when no clarification deadline was set.
    /// </summary>
    public static string? WhyQuestionsAreClosed(Tender tender, DateTime now) =>
        tender.Status != TenderStatus.Published ? "This tender is not taking questions."
        : tender.ClarificationDeadline is { } closes && now >= closes ? $"Questions closed at {closes.ToLocalUkTime()}: the clarification deadline has passed."
        : tender.SubmissionDeadline is { } bids && now >= bids ? $"Questions closed with the deadline for bids at {bids.ToLocalUkTime()}."
        : null;

    /// <summary>
    /// Why an answer cannot be published now, or null: only on a published tender, and only until the deadline for bids,
    /// after which an answer could no longer reach bidders in time to use it.
    /// </summary>
    public static string? WhyAnswersAreClosed(Tender tender, DateTime now) =>
        tender.Status != TenderStatus.Published ? "Clarifications are published to bidders, so the tender must be published first."
        : tender.SubmissionDeadline is { } bids && now >= bids ? $"The deadline for bids passed at {bids.ToLocalUkTime()}: an answer can no longer be published to bidders."
        : null;

    /// <summary>Why this question cannot be answered now, or null: it must still be awaiting an answer, before the deadline for bids.</summary>
    public string? WhyNotAnswerable(Tender tender, DateTime now) =>
        Status != ClarificationStatus.Asked ? AlreadyDecided() : WhyAnswersAreClosed(tender, now);

    /// <summary>Why this question cannot be declined, or null: only a question awaiting an answer can be, at any time.</summary>
    public string? WhyNotDeclinable() => Status != ClarificationStatus.Asked ? AlreadyDecided() : null;

    /// <summary>A bidder's question, before questions close.</summary>
    public static Result<Clarification> Ask(Tender tender, Guid providerId, Guid personId, string? question, DateTime now)
    {
        var errors = new Errors();
        if (WhyQuestionsAreClosed(tender, now) is { } closed)
        {
            errors.Add("tender", closed);
        }

        CheckText(errors, "question", question, "Write your question", MaxQuestion);
        if (errors.Any)
        {
            return errors;
        }

        return new Clarification
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = tender.OrganisationId,
            TenderId = tender.Id,
            ProviderId = providerId,
            AskedBy = personId,
            Question = question!.Trim(),
            AskedAt = now,
        };
    }

    /// <summary>A clarification the buyer publishes of its own accord, to every bidder at once: a correction, or an answer to a question asked another way.</summary>
    public static Result<Clarification> PublishOwn(Tender tender, Guid personId, string? question, string? answer, DateTime now)
    {
        var errors = new Errors();
        if (WhyAnswersAreClosed(tender, now) is { } closed)
        {
            errors.Add("tender", closed);
        }

        CheckText(errors, "question", question, "Say what the clarification is about", MaxQuestion);
        CheckText(errors, "answer", answer, "Write the clarification", MaxAnswer);
        if (errors.Any)
        {
            return errors;
        }

        return new Clarification
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = tender.OrganisationId,
            TenderId = tender.Id,
            AskedBy = personId,
            Question = question!.Trim(),
            AskedAt = now,
            Status = ClarificationStatus.Answered,
            PublishedQuestion = question.Trim(),
            Answer = answer!.Trim(),
            AnsweredAt = now,
            AnsweredBy = personId,
        };
    }

    /// <summary>
    /// Answers the question and publishes it to every bidder, with the question in the asker's words unless the buyer
    /// gives its own wording. Published answers are final: a correction is a new clarification.
    /// </summary>
    public Errors? Publish(Tender tender, string? publishedQuestion, string? answer, Guid personId, DateTime now)
    {
        var errors = new Errors();
        if (tender.Id != TenderId)
        {
            throw new InvalidOperationException("The clarification belongs to another tender.");
        }

        if (WhyNotAnswerable(tender, now) is { } refused)
        {
            errors.Add("tender", refused);
        }

        CheckText(errors, "publishedQuestion", string.IsNullOrWhiteSpace(publishedQuestion) ? Question : publishedQuestion, "Write the question as bidders will read it", MaxQuestion);
        CheckText(errors, "answer", answer, "Write the answer", MaxAnswer);
        if (errors.Any)
        {
            return errors;
        }

        Status = ClarificationStatus.Answered;
        PublishedQuestion = string.IsNullOrWhiteSpace(publishedQuestion) ? Question : publishedQuestion.Trim();
        Answer = answer!.Trim();
        AnsweredAt = now;
        AnsweredBy = personId;
        return null;
    }

    /// <summary>Declines to answer, with a reason told to the asker alone; nothing is published.</summary>
    public Errors? Decline(string? reason, Guid personId, DateTime now)
    {
        var errors = new Errors();
        if (WhyNotDeclinable() is { } refused)
        {
            errors.Add("tender", refused);
        }

        CheckText(errors, "reason", reason, "Say why the question is not answered, for the bidder who asked", MaxReason);
        if (errors.Any)
        {
            return errors;
        }

        Status = ClarificationStatus.Declined;
        DeclineReason = reason!.Trim();
        AnsweredAt = now;
        AnsweredBy = personId;
        return null;
    }

    private string AlreadyDecided() => Status == ClarificationStatus.Answered
        ? "This question has already been answered and published; publish a new clarification to correct it."
        : "This question was declined.";

    private static void CheckText(Errors errors, string field, string? text, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > max)
        {
            errors.Add(field, $"{message}, up to {max.ToString("#,##0", CultureInfo.InvariantCulture)} characters");
        }
    }
}
