using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Programmes;

namespace Placeshaper.Appraisals;

/// <summary>
/// Records members' decision on an appraisal: the appraisal becomes the business case, the decision goes in the
/// programme's decisions log and the audit trail, and the programme moves into design and specification.
/// </summary>
public sealed class DecideAppraisal(PlaceshaperDb db)
{
    public sealed record Command(Guid? OptionId, DateOnly? DecidedOn, string? DecisionMakers, string? Summary, string? PapersUrl);

    public async Task<Errors?> HandleAsync(Programme programme, Appraisal appraisal, Command command, CancellationToken cancellationToken)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (appraisal.Decide(command.OptionId, command.DecidedOn, command.DecisionMakers, command.Summary, command.PapersUrl, now) is { } errors)
        {
            return errors;
        }

        var chosen = appraisal.Chosen!;
        var logged = ProgrammeDecision.Record(programme, command.DecidedOn, LogTitle(appraisal.Title, chosen.Name), command.DecisionMakers, command.Summary, command.PapersUrl, now);
        if (!logged.Succeeded)
        {
            return logged.Errors;
        }

        db.ProgrammeDecisions.Add(logged.Value);
        if (!programme.Stages.Contains(Stage.DesignSpecification))
        {
            var moved = programme.MoveTo(
                [.. programme.Stages, Stage.DesignSpecification],
                $"Options appraisal decided: {chosen.Name}. Specifying the service comes next.",
                db.Scope.PersonId,
                db.Scope.ActorName,
                now);
            db.StageChanges.Add(moved.Value!);
        }

        db.RecordDecision(new AuditDecision(
            appraisal.OrganisationId,
            "appraisal-decided",
            "Appraisal",
            appraisal.Id.ToString(),
            After: System.Text.Json.JsonSerializer.Serialize(new { option = chosen.Name, model = chosen.ModelCode, decidedOn = command.DecidedOn, decisionMakers = appraisal.DecisionMakers })));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The decisions log entry's title, shortened to the log's 300 characters when a long title meets a long option name.</summary>
    public static string LogTitle(string appraisal, string option)
    {
        var title = $"Options appraisal \"{appraisal}\": {option}";
        return title.Length <= 300 ? title : title[..299] + "…";
    }
}
