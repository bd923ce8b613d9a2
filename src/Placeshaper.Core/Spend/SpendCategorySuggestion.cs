using System.Runtime.InteropServices;
using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>
/// A procurement classification that the organisation's own spend files gave an expense type: the ProClass code and/or
/// label written on its lines, with how many payments (lines added to spend) and how much spend carried it. Kept per
/// organisation, expense key (<see cref="SpendCategory.Key"/>), code and label, so that one expense type the files
/// classify in several ways has several suggestions. Codes and labels are the council's, never invented here; an
/// officer accepts one (<see cref="AcceptSpendCategorySuggestions"/>) to make it the expense type's
/// <see cref="SpendCategory"/>.
/// </summary>
public sealed class SpendCategorySuggestion : IOrganisationOwned
{
    private SpendCategorySuggestion()
    {
    }

    public Guid OrganisationId { get; private set; }

    public string ExpenseKey { get; private set; } = "";

    /// <summary>The ProClass code as the file wrote it; empty when the file gave a label only (a key column, so never null).</summary>
    public string ProClassCode { get; private set; } = "";

    /// <summary>The label as the file wrote it; empty when the file gave a code only.</summary>
    public string ProClassLabel { get; private set; } = "";

    /// <summary>The expense type as the first file that gave this suggestion wrote it.</summary>
    public string ExpenseType { get; private set; } = "";

    /// <summary>Payments added to spend that carried this classification, over every import.</summary>
    public int Lines { get; private set; }

    public decimal Total { get; private set; }

    /// <summary>The import, and its file, that first gave this suggestion.</summary>
    public Guid SourceImportId { get; private set; }

    public string SourceFile { get; private set; } = "";

    public DateTime FirstSeen { get; private set; }

    public DateTime LastSeen { get; private set; }

    public static SpendCategorySuggestion From(Guid organisationId, SpendCategorySuggestionTally.Entry entry, Guid importId, string file, DateTime now) => new()
    {
        OrganisationId = organisationId,
        ExpenseKey = entry.ExpenseKey,
        ProClassCode = entry.ProClassCode,
        ProClassLabel = entry.ProClassLabel,
        ExpenseType = entry.ExpenseType,
        Lines = entry.Lines,
        Total = entry.Total,
        SourceImportId = importId,
        SourceFile = file.Length > SpendImport.MaxFileName ? file[..SpendImport.MaxFileName] : file,
        FirstSeen = now,
        LastSeen = now,
    };

    /// <summary>Adds the payments of a later import that carried the same classification.</summary>
    public void Add(SpendCategorySuggestionTally.Entry entry, DateTime now)
    {
        Lines += entry.Lines;
        Total += entry.Total;
        LastSeen = now;
    }
}

/// <summary>
/// Counts, while a file is read, the payments each (expense type, ProClass code, label) had: one entry per distinct
/// classification, not per line, so memory stays small however long the file. Lines without an expense type, or with
/// neither a code nor a label, say nothing to suggest; a code or label longer than a mapping may hold is left out
/// rather than cut (a cut code would be one the council never wrote).
/// </summary>
public sealed class SpendCategorySuggestionTally
{
    /// <summary>
    /// Distinct classifications kept per file. A column with a different value on nearly every line is not a
    /// classification; past this many, further new values are counted in <see cref="Dropped"/> but not kept.
    /// </summary>
    public const int MostEntries = 10_000;

    public sealed record Entry(string ExpenseKey, string ExpenseType, string ProClassCode, string ProClassLabel, int Lines, decimal Total);

    private readonly Dictionary<(string Key, string Code, string Label), (string Written, int Lines, long Units)> entries = [];

    /// <summary>Lines with a classification that were not kept (too long, or past <see cref="MostEntries"/>).</summary>
    public int Dropped { get; private set; }

    public bool Any => entries.Count > 0;

    public void Add(SpendRow row)
    {
        if (row.ProClassCode is null && row.ProClassLabel is null)
        {
            return;
        }

        var key = SpendCategory.Key(row.ExpenseType);
        var code = Spaced(row.ProClassCode);
        var label = Spaced(row.ProClassLabel);
        if (key.Length == 0 || key.Length > SpendLimits.Text || code.Length > SpendCategory.MaxProClassCode || label.Length > SpendCategory.MaxProClassLabel)
        {
            Dropped += key.Length == 0 ? 0 : 1;
            return;
        }

        if (entries.Count >= MostEntries && !entries.ContainsKey((key, code, label)))
        {
            Dropped++;
            return;
        }

        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(entries, (key, code, label), out var exists);
        entry = (exists ? entry.Written : Spaced(row.ExpenseType), entry.Lines + 1, entry.Units + Common.Money.ToStoredUnits(row.Amount));
    }

    public IReadOnlyList<Entry> Entries() =>
        entries.Select(e => new Entry(e.Key.Key, e.Value.Written, e.Key.Code, e.Key.Label, e.Value.Lines, Common.Money.FromStoredUnits(e.Value.Units)))
            .OrderBy(e => e.ExpenseKey, StringComparer.Ordinal).ThenBy(e => e.ProClassCode, StringComparer.Ordinal).ThenBy(e => e.ProClassLabel, StringComparer.Ordinal)
            .ToList();

    /// <summary>Trimmed, with runs of spaces as one, as a mapping stores it; case kept.</summary>
    private static string Spaced(string? text) => text is null ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
