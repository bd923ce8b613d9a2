using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Calendar;
using Placeshaper.Data;

namespace Placeshaper.Scrutiny;

/// <summary>Councillors ask, officers answer, councillors follow up or close: each step saved and audited.</summary>
public sealed class AskQuestion(PlaceshaperDb db, WorkingCalendar calendar)
{
    public async Task<Result<ScrutinyQuestion>> AskAsync(Guid organisationId, ScrutinyQuestion.Input input, Guid personId, string personName, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var today = now.UkDate();
        var exists = input.SubjectId is { } id && await SubjectExistsAsync(organisationId, input.Subject, id, cancellationToken);
        var number = (await db.ScrutinyQuestions.Where(q => q.OrganisationId == organisationId).MaxAsync(q => (int?)q.Number, cancellationToken) ?? 0) + 1;
        var asked = ScrutinyQuestion.Ask(organisationId, number, input, personId, personName, exists, today, await DefaultDueAsync(today, cancellationToken), now);
        if (!asked.Succeeded)
        {
            return asked;
        }

        db.ScrutinyQuestions.Add(asked.Value);
        Record(asked.Value, "scrutiny-question-asked", input.Question);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolations.Is(e))
        {
            return Errors.For("question", "Another question was asked at the same moment; send yours again");
        }

        return asked;
    }

    public async Task<Result<ScrutinyQuestion>> AnswerAsync(ScrutinyQuestion question, string? text, Guid personId, string personName, CancellationToken cancellationToken)
    {
        var answered = question.Answer(text, personId, personName, db.Clock.GetUtcNow().UtcDateTime);
        return answered.Succeeded ? await SaveAsync(question, "scrutiny-question-answered", text, cancellationToken) : answered.Errors!;
    }

    public async Task<Result<ScrutinyQuestion>> FollowUpAsync(ScrutinyQuestion question, string? text, Guid personId, string personName, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var followed = question.FollowUp(text, personId, personName, await DefaultDueAsync(now.UkDate(), cancellationToken), now);
        return followed.Succeeded ? await SaveAsync(question, "scrutiny-question-followed-up", text, cancellationToken) : followed.Errors!;
    }

    public async Task<Result<ScrutinyQuestion>> CloseAsync(ScrutinyQuestion question, Guid personId, CancellationToken cancellationToken)
    {
        var closed = question.Close(personId, db.Clock.GetUtcNow().UtcDateTime);
        return closed.Succeeded ? await SaveAsync(question, "scrutiny-question-closed", null, cancellationToken) : closed;
    }

    private async Task<Result<ScrutinyQuestion>> SaveAsync(ScrutinyQuestion question, string action, string? text, CancellationToken cancellationToken)
    {
        Record(question, action, text);
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    private void Record(ScrutinyQuestion question, string action, string? text) =>
        db.RecordDecision(new AuditDecision(question.OrganisationId, action, nameof(ScrutinyQuestion), question.Id.ToString(),
            After: JsonSerializer.Serialize(new { question.Number, question.Title, status = question.Status.ToString(), dueOn = question.DueOn, text = text?.Trim() })));

    private async Task<DateOnly> DefaultDueAsync(DateOnly today, CancellationToken cancellationToken) =>
        (await calendar.DaysAsync(cancellationToken)).NthWorkingDayBeginningWith(today.AddDays(1), ScrutinyQuestion.DefaultWorkingDaysToAnswer);

    private Task<bool> SubjectExistsAsync(Guid organisationId, ScrutinySubject? subject, Guid id, CancellationToken cancellationToken) => subject switch
    {
        ScrutinySubject.Programme => db.Programmes.AnyAsync(p => p.Id == id && (p.OrganisationId == organisationId || db.ProgrammePartners.Any(pp => pp.ProgrammeId == id && pp.OrganisationId == organisationId)), cancellationToken),
        ScrutinySubject.Contract => db.Contracts.AnyAsync(c => c.Id == id && c.OrganisationId == organisationId, cancellationToken),
        ScrutinySubject.Outcome => db.Outcomes.AnyAsync(o => o.Id == id && o.OrganisationId == organisationId, cancellationToken),
        _ => Task.FromResult(false),
    };
}
