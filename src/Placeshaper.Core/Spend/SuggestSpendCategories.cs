using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// Stores, inside an import's transaction (so a refused file stores none), the procurement classifications its lines
/// gave their expense types (<see cref="SpendCategorySuggestion"/>). Only lines actually added to spend count: a file
/// imported again adds none (every line a duplicate), and a file that overlaps an earlier one (a quarter after one of
/// its months) counts only its new lines. The import's lock on the organisation's ledger is held until commit, so
/// reading and then updating the suggestions cannot race another import.
/// </summary>
internal static class SuggestSpendCategories
{
    /// <summary>
    /// <paramref name="tally"/> counted every payment line of the file; when only some were added (<paramref name="added"/>
    /// of <paramref name="rows"/>), the file is read again (<paramref name="reread"/>) beside the lines the import added,
    /// both in line order, so memory stays one entry per classification rather than one per line.
    /// </summary>
    public static async Task SaveAsync(
        PlaceshaperDb db, Guid organisationId, SpendImport import, SpendCategorySuggestionTally tally, int added, int rows, Func<SpendFileReader> reread, DateTime now,
        CancellationToken cancellationToken)
    {
        if (!tally.Any || added == 0)
        {
            return;
        }

        var counted = added == rows ? tally : await AddedOnlyAsync(db, organisationId, import.Number!.Value, reread, cancellationToken);
        var entries = counted.Entries();
        var keys = entries.Select(e => e.ExpenseKey).Distinct(StringComparer.Ordinal).ToList();
        var held = new Dictionary<(string, string, string), SpendCategorySuggestion>();
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var suggestion in await db.SpendCategorySuggestions.Where(s => s.OrganisationId == organisationId && chunk.Contains(s.ExpenseKey)).ToListAsync(cancellationToken))
            {
                held[(suggestion.ExpenseKey, suggestion.ProClassCode, suggestion.ProClassLabel)] = suggestion;
            }
        }

        foreach (var entry in entries)
        {
            if (held.TryGetValue((entry.ExpenseKey, entry.ProClassCode, entry.ProClassLabel), out var suggestion))
            {
                suggestion.Add(entry, now);
            }
            else
            {
                db.SpendCategorySuggestions.Add(SpendCategorySuggestion.From(organisationId, entry, import.Id, import.FileName, now));
            }
        }
    }

    private static async Task<SpendCategorySuggestionTally> AddedOnlyAsync(
        PlaceshaperDb db, Guid organisationId, int importNumber, Func<SpendFileReader> reread, CancellationToken cancellationToken)
    {
        var tally = new SpendCategorySuggestionTally();
        using var reader = reread();
        using var lines = reader.Rows().GetEnumerator();
        var more = lines.MoveNext();
        await SpendSql.ReadAsync(db,
            // The payments table, not the view: the import's number is saved to spend_imports only at the end.
            "SELECT p.line FROM spend_payments AS p JOIN spend_ledgers AS l ON l.number = p.organisation_number " +
            "WHERE l.organisation_id = @organisation AND p.import_number = @import ORDER BY p.line",
            [("organisation", organisationId), ("import", importNumber)],
            r =>
            {
                var line = r.GetInt32(0);
                while (more && lines.Current.Line < line)
                {
                    more = lines.MoveNext();
                }

                if (more && lines.Current.Line == line)
                {
                    tally.Add(lines.Current);
                }
            },
            cancellationToken);
        return tally;
    }
}
