using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// Stores, inside an import's transaction (so a refused file stores none), the procurement classifications its lines
/// gave their expense types (<see cref="SpendCategorySuggestion"/>). Only lines actually added to spend count: a file
/// imported again adds none (every line a duplicate), and a file that overlaps an earlier one (a quarter after one of
/// its months) counts only its new lines, as the import's <see cref="SpendTally"/> tells them apart. The import's lock on the organisation's ledger is held until commit, so
/// reading and then updating the suggestions cannot race another import.
/// </summary>
internal static class SuggestSpendCategories
{
    /// <summary><paramref name="tally"/> counted the lines the import added, and only those (the import asks its <see cref="SpendTally"/>).</summary>
    public static async Task SaveAsync(
        PlaceshaperDb db, Guid organisationId, SpendImport import, SpendCategorySuggestionTally tally, DateTime now, CancellationToken cancellationToken)
    {
        if (!tally.Any)
        {
            return;
        }

        var entries = tally.Entries();
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
}
