using System.Globalization;

namespace Placeshaper.Imports;

/// <summary>
/// Something wrong with one place in an imported file: which file, which line, which column, and why. In a worksheet
/// the line is the row number, and <see cref="Sheet"/> and <see cref="Cell"/> (like <c>C7</c>) say where to look in
/// Excel. Line 0 means the file as a whole, such as a workbook without the worksheet asked for.
/// </summary>
public sealed record ImportProblem(string File, int Line, string? Column, string Reason)
{
    /// <summary>The worksheet, for a problem in an Excel workbook; null for CSV.</summary>
    public string? Sheet { get; init; }

    /// <summary>The cell, like <c>C7</c>, for a problem in a worksheet's column; null otherwise.</summary>
    public string? Cell { get; init; }

    /// <summary>Where to look, for people: the line (CSV) or the sheet, row and column (worksheet).</summary>
    public string Where
    {
        get
        {
            if (Sheet is null)
            {
                return Line == 0 ? File : Column is null ? $"{File}:{Line}" : $"{File}:{Line}: {Column}";
            }

            var where = $"{File}: sheet {Sheet}";
            if (Line > 0)
            {
                where += ", row " + Line.ToString(CultureInfo.InvariantCulture);
            }

            return Column is null ? where : $"{where}, column {ColumnLabel}";
        }
    }

    /// <summary>The column as a page shows it: the header name, and in a worksheet its letter too.</summary>
    public string? ColumnLabel => Column is null ? null : ColumnLetters is null ? Column : $"{ColumnLetters} ({Column})";

    private string? ColumnLetters => Cell?.TrimEnd("0123456789".ToCharArray());

    public override string ToString() => $"{Where}: {Reason}";
}

/// <summary>
/// What an import did. A file with any problem is refused whole (<see cref="Accepted"/> is false and nothing was
/// written); an accepted file can be imported again without changing anything.
/// </summary>
public sealed record ImportReport(string File, int Read, int Added, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>The worksheet read, for an Excel workbook; null for CSV.</summary>
    public string? Sheet { get; init; }

    public bool Accepted => Problems.Count == 0;

    /// <summary>
    /// Rows of an accepted file that were deliberately not imported, each with the reason (a provider already in the
    /// register or earlier in the file, for instance). Not problems: the rest of the file was imported.
    /// </summary>
    public IReadOnlyList<ImportProblem> LeftOut { get; init; } = [];

    /// <summary>
    /// Things an accepted file's rows said that could not be kept as they were (a date written "TBC", for instance),
    /// each naming the line and column; the rest of the row was imported.
    /// </summary>
    public IReadOnlyList<ImportProblem> Warnings { get; init; } = [];

    /// <summary>Rows taken out because the file, which speaks for them, no longer lists them (reference data replaced whole).</summary>
    public int Removed { get; init; }

    public static ImportReport Refused(string file, int read, IReadOnlyList<ImportProblem> problems) => new(file, read, 0, 0, 0, problems);

    /// <summary>Refuses a file, placing each problem in its worksheet and cell when it came from a workbook.</summary>
    public static ImportReport Refused(ImportTable table, IEnumerable<ImportProblem> problems) =>
        new(table.File, table.Rows.Count, 0, 0, 0, problems.Select(table.Locate).ToList()) { Sheet = table.Sheet };

    /// <summary>The report of a file that could not be read at all, or null when it could.</summary>
    public static ImportReport? Unreadable(ImportTable table) =>
        table.Unreadable is { } problem ? new(table.File, 0, 0, 0, 0, [problem]) { Sheet = table.Sheet } : null;

    /// <summary>An accepted file's report.</summary>
    public static ImportReport Imported(ImportTable table, int added, int updated, int unchanged) =>
        new(table.File, table.Rows.Count, added, updated, unchanged, []) { Sheet = table.Sheet };

    public override string ToString()
    {
        var file = Sheet is null ? File : $"{File} (sheet {Sheet})";
        return Accepted
            ? $"{file}: read {Read}, added {Added}, updated {Updated}, unchanged {Unchanged}{(Removed == 0 ? "" : $", removed {Removed}")}{(LeftOut.Count == 0 ? "" : $", left out {LeftOut.Count}")}{(Warnings.Count == 0 ? "" : $", {Warnings.Count} warning{(Warnings.Count == 1 ? "" : "s")}")}"
            : $"{file}: refused, nothing imported ({Problems.Count} problem{(Problems.Count == 1 ? "" : "s")})";
    }
}
