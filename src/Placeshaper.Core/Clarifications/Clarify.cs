using System.Text.Json;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Clarifications;

/// <summary>
/// Questions going in and answers going out. A refusal (questions closed, answers closed, already answered) is a
/// conflict with the tender's state; errors are about what was written. Publishing and declining are audited
/// decisions; the decisions name the tender, never the asker.
/// </summary>
public sealed class Clarify(PlaceshaperDb db)
{
    public sealed record Outcome(Clarification? Clarification, Errors? Errors = null, string? Refusal = null);

    public async Task<Outcome> AskAsync(Tender tender, Guid providerId, Guid personId, string? question, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (Clarification.WhyQuestionsAreClosed(tender, now) is { } closed)
        {
            return new Outcome(null, Refusal: closed);
        }

        var asked = Clarification.Ask(tender, providerId, personId, question, now);
        if (!asked.Succeeded)
        {
            return new Outcome(null, asked.Errors);
        }

        db.Clarifications.Add(asked.Value);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(asked.Value);
    }

    public async Task<Outcome> PublishOwnAsync(Tender tender, Guid personId, string? question, string? answer, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (Clarification.WhyAnswersAreClosed(tender, now) is { } closed)
        {
            return new Outcome(null, Refusal: closed);
        }

        var published = Clarification.PublishOwn(tender, personId, question, answer, now);
        if (!published.Succeeded)
        {
            return new Outcome(null, published.Errors);
        }

        db.Clarifications.Add(published.Value);
        Record(tender, published.Value, "clarification-published");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(published.Value);
    }

    public async Task<Outcome> AnswerAsync(Tender tender, Clarification clarification, Guid personId, string? publishedQuestion, string? answer, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (clarification.WhyNotAnswerable(tender, now) is { } refused)
        {
            return new Outcome(null, Refusal: refused);
        }

        if (clarification.Publish(tender, publishedQuestion, answer, personId, now) is { } errors)
        {
            return new Outcome(null, errors);
        }

        Record(tender, clarification, "clarification-published");
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(clarification);
    }

    public async Task<Outcome> DeclineAsync(Tender tender, Clarification clarification, Guid personId, string? reason, CancellationToken cancellationToken)
    {
        if (clarification.WhyNotDeclinable() is { } refused)
        {
            return new Outcome(null, Refusal: refused);
        }

        if (clarification.Decline(reason, personId, db.Clock.GetUtcNow().UtcDateTime) is { } errors)
        {
            return new Outcome(null, errors);
        }

        db.RecordDecision(new AuditDecision(tender.OrganisationId, "clarification-declined", nameof(Clarification), clarification.Id.ToString(),
            After: JsonSerializer.Serialize(new { tender = tender.Reference, reason = clarification.DeclineReason })));
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(clarification);
    }

    private void Record(Tender tender, Clarification clarification, string action) =>
        db.RecordDecision(new AuditDecision(tender.OrganisationId, action, nameof(Clarification), clarification.Id.ToString(),
            After: JsonSerializer.Serialize(new { tender = tender.Reference, question = clarification.PublishedQuestion, answer = clarification.Answer, fromBuyer = clarification.IsBuyers })));
}
