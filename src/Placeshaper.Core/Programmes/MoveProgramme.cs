using Placeshaper.Data;

namespace Placeshaper.Programmes;

/// <summary>Turns a programme's wheel to a new set of stages, with the reason on the record.</summary>
public sealed class MoveProgramme(PlaceshaperDb db)
{
    public sealed record Command(IReadOnlyList<string>? Stages, string? Reason);

    public async Task<Result<StageChange>> HandleAsync(Programme programme, Command command, CancellationToken cancellationToken)
    {
        var stages = new List<Stage>();
        foreach (var name in command.Stages ?? [])
        {
            if (Enum.TryParse<Stage>(name, ignoreCase: true, out var stage) && Enum.IsDefined(stage) && !int.TryParse(name, out _))
            {
                stages.Add(stage);
            }
            else
            {
                return Errors.For("stages", $"'{name}' is not a stage; stages are {string.Join(", ", Enum.GetNames<Stage>())}");
            }
        }

        var moved = programme.MoveTo(stages, command.Reason, db.Scope.PersonId, db.Scope.ActorName, db.Clock.GetUtcNow().UtcDateTime);
        if (!moved.Succeeded)
        {
            return moved.Errors;
        }

        db.StageChanges.Add(moved.Value);
        await db.SaveChangesAsync(cancellationToken);
        return moved.Value;
    }
}
