using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Scrutiny;

/// <summary>
/// What a question can be about, as one choice: "General", or "Programme:{id}", "Contract:{id}", "Outcome:{id}". Pages
/// link to the ask form with <c>?about=Contract:{id}</c> to start a question about what they show.
/// </summary>
public static class Subjects
{
    public sealed record Choice(string Value, string Label, string Group);

    public static (ScrutinySubject? Subject, Guid? Id) Parse(string? about)
    {
        if (string.IsNullOrWhiteSpace(about) || about == nameof(ScrutinySubject.General))
        {
            return (string.IsNullOrWhiteSpace(about) ? null : ScrutinySubject.General, null);
        }

        var parts = about.Split(':', 2);
        return Enum.TryParse<ScrutinySubject>(parts[0], out var subject) && Enum.IsDefined(subject) && parts.Length == 2 && Guid.TryParse(parts[1], out var id)
            ? (subject, id)
            : (null, null);
    }

    public static string Value(ScrutinySubject subject, Guid? id) => id is { } g ? $"{subject}:{g}" : subject.ToString();

    public static async Task<IReadOnlyList<Choice>> ChoicesAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var choices = new List<Choice> { new(nameof(ScrutinySubject.General), "Something general, not one programme, contract or outcome", "General") };
        choices.AddRange((await db.Programmes.AsNoTracking().Where(p => p.OrganisationId == organisationId || db.ProgrammePartners.Any(pp => pp.ProgrammeId == p.Id && pp.OrganisationId == organisationId))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken)).Select(p => new Choice(Value(ScrutinySubject.Programme, p.Id), p.Name, "Programmes")));
        choices.AddRange((await db.Contracts.AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderBy(c => c.Reference)
            .Select(c => new { c.Id, c.Reference, c.Title }).ToListAsync(cancellationToken)).Select(c => new Choice(Value(ScrutinySubject.Contract, c.Id), $"{c.Reference} {c.Title}", "Contracts")));
        choices.AddRange((await db.Outcomes.AsNoTracking().Where(o => o.OrganisationId == organisationId).OrderBy(o => o.Statement)
            .Select(o => new { o.Id, o.Statement }).ToListAsync(cancellationToken)).Select(o => new Choice(Value(ScrutinySubject.Outcome, o.Id), o.Statement, "Outcomes")));
        return choices;
    }

    /// <summary>Where the thing a question is about lives in the product.</summary>
    public static string? Link(string slug, ScrutinySubject subject, Guid? id) => (subject, id) switch
    {
        (ScrutinySubject.Programme, { } p) => $"/o/{slug}/programmes/{p}",
        (ScrutinySubject.Contract, { } c) => $"/o/{slug}/contracts/{c}",
        (ScrutinySubject.Outcome, { } o) => $"/o/{slug}/outcomes/{o}",
        _ => null,
    };
}
