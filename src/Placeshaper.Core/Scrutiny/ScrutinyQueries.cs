using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Scrutiny;

public static class ScrutinyQueries
{
    public sealed record Listed(Guid Id, int Number, string Title, ScrutinySubject Subject, Guid? SubjectId, string? SubjectName, string AskedBy, DateTime AskedAt,
        DateOnly DueOn, QuestionStatus Status, bool Overdue, int Answers);

    public sealed record Filter(QuestionStatus? Status = null, bool OverdueOnly = false, ScrutinySubject? Subject = null, Guid? SubjectId = null);

    public static async Task<IReadOnlyList<Listed>> ListAsync(PlaceshaperDb db, Guid organisationId, Filter filter, CancellationToken cancellationToken)
    {
        var query = db.ScrutinyQuestions.AsNoTracking().Where(q => q.OrganisationId == organisationId);
        if (filter.Status is { } status)
        {
            query = query.Where(q => q.Status == status);
        }

        if (filter.Subject is { } subject)
        {
            query = query.Where(q => q.Subject == subject && (filter.SubjectId == null || q.SubjectId == filter.SubjectId));
        }

        var questions = await query.Include(q => q.Entries).OrderByDescending(q => q.Number).ToListAsync(cancellationToken);
        var names = await SubjectNamesAsync(db, questions, cancellationToken);
        var today = db.Clock.GetUtcNow().UtcDateTime.UkDate();
        return questions
            .Select(q => new Listed(q.Id, q.Number, q.Title, q.Subject, q.SubjectId, q.SubjectId is { } id ? names.GetValueOrDefault(id) : null, q.AskedByName, q.AskedAt,
                q.DueOn, q.Status, q.IsOverdue(today), q.Entries.Count(e => e.Kind == EntryKind.Answer)))
            .Where(q => !filter.OverdueOnly || q.Overdue)
            .ToList();
    }

    public static Task<ScrutinyQuestion?> FindAsync(PlaceshaperDb db, Guid organisationId, Guid questionId, CancellationToken cancellationToken) =>
        db.ScrutinyQuestions.Include(q => q.Entries).SingleOrDefaultAsync(q => q.Id == questionId && q.OrganisationId == organisationId, cancellationToken);

    /// <summary>The names of what questions are about: programme names, contract references and titles, outcome statements.</summary>
    public static async Task<Dictionary<Guid, string>> SubjectNamesAsync(PlaceshaperDb db, IEnumerable<ScrutinyQuestion> questions, CancellationToken cancellationToken)
    {
        var ids = questions.Where(q => q.SubjectId is not null).Select(q => q.SubjectId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var names = new Dictionary<Guid, string>();
        foreach (var p in await db.Programmes.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
        {
            names[p.Id] = p.Name;
        }

        foreach (var c in await db.Contracts.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Reference, c.Title }).ToListAsync(cancellationToken))
        {
            names[c.Id] = $"{c.Reference} {c.Title}";
        }

        foreach (var o in await db.Outcomes.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Statement }).ToListAsync(cancellationToken))
        {
            names[o.Id] = o.Statement;
        }

        return names;
    }
}
