using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Programmes;

/// <summary>Starts a commissioning programme led by an organisation, with partners named by their slugs.</summary>
public sealed class StartProgramme(PlaceshaperDb db)
{
    public sealed record Command(string? Name, string? Summary, IReadOnlyList<string>? Partners);

    public async Task<Result<Programme>> HandleAsync(Guid leadOrganisationId, Command command, CancellationToken cancellationToken)
    {
        var slugs = (command.Partners ?? []).Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();

        // Other organisations' names are directory information, needed to choose partners; nothing else of theirs is read.
        var partners = await db.Organisations.IgnoreQueryFilters().Where(o => slugs.Contains(o.Slug)).Select(o => new { o.Id, o.Slug }).ToListAsync(cancellationToken);
        var unknown = slugs.Except(partners.Select(p => p.Slug)).ToList();
        if (unknown.Count > 0)
        {
            return Errors.For("partners", "There is no organisation " + string.Join(", ", unknown));
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var started = Programme.Start(leadOrganisationId, command.Name, command.Summary, partners.Select(p => p.Id).ToList(), db.Scope.PersonId, db.Scope.ActorName, now);
        if (!started.Succeeded)
        {
            return started.Errors;
        }

        db.Programmes.Add(started.Value.Programme);
        db.StageChanges.Add(started.Value.FirstStage);
        await db.SaveChangesAsync(cancellationToken);
        return started.Value.Programme;
    }
}
