using Placeshaper.Organisations;

namespace Placeshaper.Scrutiny;

/// <summary>What a scrutiny question is about.</summary>
public enum ScrutinySubject
{
    General = 1,
    Programme = 2,
    Contract = 3,
    Outcome = 4,
}

public enum QuestionStatus
{
    /// <summary>Waiting for an officer's answer.</summary>
    Open = 1,

    /// <summary>An officer has answered; the councillor may close it or ask a follow-up, which opens it again.</summary>
    Answered = 2,

    /// <summary>The councillor is satisfied. Closed questions stay on the record.</summary>
    Closed = 3,
}

/// <summary>
/// A councillor's question to officers about a programme, contract or outcome, with a date the answer is due and every
/// answer and follow-up kept in order: councillors as scrutineers of commissioning, on the record ("Redefining
/// accountability and risk", Localis/LGiU, `../shared/seeds/004…`). Nothing in the thread is ever edited or removed.
/// </summary>
public sealed class ScrutinyQuestion : IOrganisationOwned
{
    public const int MaxTitle = 200;
    public const int MaxText = 4000;

    /// <summary>By default an answer is due this many working days after the question is asked.</summary>
    public const int DefaultWorkingDaysToAnswer = 10;

    private readonly List<ScrutinyEntry> entries = [];

    private ScrutinyQuestion()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>A short number within the organisation, for committee papers: "Q12".</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public ScrutinySubject Subject { get; private set; }

    /// <summary>The programme, contract or outcome asked about; null for a general question.</summary>
    public Guid? SubjectId { get; private set; }

    public Guid AskedByPersonId { get; private set; }

    public string AskedByName { get; private set; } = "";

    public DateTime AskedAt { get; private set; }

    public DateOnly DueOn { get; private set; }

    public QuestionStatus Status { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>The question, answers and follow-ups, oldest first.</summary>
    public IReadOnlyList<ScrutinyEntry> Entries => entries;

    public bool IsOverdue(DateOnly today) => Status == QuestionStatus.Open && today > DueOn;

    public sealed record Input(string? Title, string? Question, ScrutinySubject? Subject, Guid? SubjectId, DateOnly? DueOn);

    /// <param name="subjectExists">Whether the programme, contract or outcome named belongs to the organisation.</param>
    public static Result<ScrutinyQuestion> Ask(Guid organisationId, int number, Input input, Guid personId, string personName, bool subjectExists, DateOnly today, DateOnly defaultDue, DateTime now)
    {
        var errors = new Errors();
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > MaxTitle)
        {
            errors.Add("title", $"Give the question a short title, up to {MaxTitle} characters");
        }

        CheckText(input.Question, "question", "Write your question", errors);
        if (input.Subject is not { } subject || !Enum.IsDefined(subject))
        {
            errors.Add("subject", "Say what the question is about");
        }
        else if (subject == ScrutinySubject.General ? input.SubjectId is not null : input.SubjectId is null || !subjectExists)
        {
            errors.Add("subjectId", subject == ScrutinySubject.General ? "A general question is not about one programme, contract or outcome" : $"Choose the {subject.ToString().ToLowerInvariant()} the question is about");
        }

        if (input.DueOn is { } due && due <= today)
        {
            errors.Add("dueOn", "The answer must be due after today");
        }

        if (errors.Any)
        {
            return errors;
        }

        var question = new ScrutinyQuestion
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Number = number,
            Title = title,
            Subject = input.Subject!.Value,
            SubjectId = input.SubjectId,
            AskedByPersonId = personId,
            AskedByName = personName,
            AskedAt = now,
            DueOn = input.DueOn ?? defaultDue,
            Status = QuestionStatus.Open,
        };
        question.entries.Add(new ScrutinyEntry(question, 1, EntryKind.Question, input.Question!.Trim(), personId, personName, now));
        return question;
    }

    /// <summary>An officer answers; a further answer adds to the thread rather than replacing the first.</summary>
    public Result<ScrutinyEntry> Answer(string? text, Guid personId, string personName, DateTime now)
    {
        if (Status == QuestionStatus.Closed)
        {
            return Errors.For("text", "This question is closed; the councillor can ask a new one");
        }

        if (personId == AskedByPersonId)
        {
            return Errors.For("text", "An officer answers the question, not the councillor who asked it");
        }

        var errors = new Errors();
        CheckText(text, "text", "Write the answer", errors);
        if (errors.Any)
        {
            return errors;
        }

        Status = QuestionStatus.Answered;
        return Add(EntryKind.Answer, text!, personId, personName, now);
    }

    /// <summary>The councillor who asked follows up: the question is open again, due again after the same interval.</summary>
    public Result<ScrutinyEntry> FollowUp(string? text, Guid personId, string personName, DateOnly newDue, DateTime now)
    {
        if (personId != AskedByPersonId)
        {
            return Errors.For("text", "Only the councillor who asked can follow up; ask a new question instead");
        }

        if (Status != QuestionStatus.Answered)
        {
            return Errors.For("text", Status == QuestionStatus.Closed ? "This question is closed" : "Wait for the answer before following up");
        }

        var errors = new Errors();
        CheckText(text, "text", "Write your follow-up question", errors);
        if (errors.Any)
        {
            return errors;
        }

        (Status, DueOn) = (QuestionStatus.Open, newDue);
        return Add(EntryKind.FollowUp, text!, personId, personName, now);
    }

    /// <summary>The councillor who asked is satisfied with the answer.</summary>
    public Result<ScrutinyQuestion> Close(Guid personId, DateTime now)
    {
        if (personId != AskedByPersonId)
        {
            return Errors.For("question", "Only the councillor who asked can close the question");
        }

        if (Status != QuestionStatus.Answered)
        {
            return Errors.For("question", Status == QuestionStatus.Closed ? "This question is already closed" : "A question is closed once it has been answered");
        }

        (Status, ClosedAt) = (QuestionStatus.Closed, now);
        return this;
    }

    private ScrutinyEntry Add(EntryKind kind, string text, Guid personId, string personName, DateTime now)
    {
        var entry = new ScrutinyEntry(this, entries.Count + 1, kind, text.Trim(), personId, personName, now);
        entries.Add(entry);
        return entry;
    }

    private static void CheckText(string? text, string field, string message, Errors errors)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(field, message);
        }
        else if (trimmed.Length > MaxText)
        {
            errors.Add(field, $"Keep it to {MaxText:N0} characters or fewer");
        }
    }
}

public enum EntryKind
{
    Question = 1,
    Answer = 2,
    FollowUp = 3,
}

/// <summary>One message in a scrutiny question's thread.</summary>
public sealed class ScrutinyEntry : IOrganisationOwned
{
    private ScrutinyEntry()
    {
    }

    internal ScrutinyEntry(ScrutinyQuestion question, int number, EntryKind kind, string text, Guid personId, string personName, DateTime now)
    {
        QuestionId = question.Id;
        OrganisationId = question.OrganisationId;
        Number = number;
        Kind = kind;
        Text = text;
        PersonId = personId;
        PersonName = personName;
        At = now;
    }

    public Guid QuestionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Number { get; private set; }

    public EntryKind Kind { get; private set; }

    public string Text { get; private set; } = "";

    public Guid PersonId { get; private set; }

    public string PersonName { get; private set; } = "";

    public DateTime At { get; private set; }
}
