namespace Placeshaper.Imports;

/// <summary>Something wrong with one place in an imported file: which file, which line, which column, and why.</summary>
public sealed record ImportProblem(string File, int Line, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: {Column}: {Reason}";
}

/// <summary>
/// What an import did. A file with any problem is refused whole (<see cref="Accepted"/> is false and nothing was
/// written); an accepted file can be imported again without changing anything.
/// </summary>
public sealed record ImportReport(string File, int Read, int Added, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems)
{
    public bool Accepted => Problems.Count == 0;

    /// <summary>
    /// Rows of an accepted file that were deliberately not imported, each with the reason (a provider already in the
    /// register or earlier in the file, for instance). Not problems: the rest of the file was imported.
    /// </summary>
    public IReadOnlyList<ImportProblem> LeftOut { get; init; } = [];

    public static ImportReport Refused(string file, int read, IReadOnlyList<ImportProblem> problems) => new(file, read, 0, 0, 0, problems);

    public override string ToString() => Accepted
        ? $"{File}: read {Read}, added {Added}, updated {Updated}, unchanged {Unchanged}{(LeftOut.Count == 0 ? "" : $", left out {LeftOut.Count}")}"
        : $"{File}: refused, nothing imported ({Problems.Count} problem{(Problems.Count == 1 ? "" : "s")})";
}
