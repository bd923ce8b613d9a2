using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>The suggestions from spend files for expense types that have no spend category yet.</summary>
public static class SpendCategorySuggestionQueries
{
    public sealed record Suggestion(string? ProClassCode, string? ProClassLabel, int Lines, decimal Total, string File, DateTime FirstSeen);

    /// <summary>
    /// An unmapped expense type and what its files called it. <see cref="Conflicting"/> when they gave it more than one
    /// classification: then an officer picks one, and "accept all" leaves it alone.
    /// </summary>
    public sealed record Suggested(string ExpenseKey, string ExpenseType, IReadOnlyList<Suggestion> Suggestions)
    {
        public bool Conflicting => Suggestions.Count > 1;

        public int Lines => Suggestions.Sum(s => s.Lines);
    }

    /// <summary>Unmapped expense types with suggestions, the most payments first; each one's suggestions the most payments first.</summary>
    public static async Task<IReadOnlyList<Suggested>> ListAsync(PlaceshaperDb db, Guid organisationId, CancellationToken cancellationToken)
    {
        var mapped = db.SpendCategories.Where(c => c.OrganisationId == organisationId).Select(c => c.ExpenseKey);
        var rows = await db.SpendCategorySuggestions.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && !mapped.Contains(s.ExpenseKey))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(s => s.ExpenseKey, StringComparer.Ordinal)
            .Select(g => new Suggested(
                g.Key,
                g.OrderBy(s => s.FirstSeen).First().ExpenseType,
                g.OrderByDescending(s => s.Lines).ThenBy(s => s.ProClassCode, StringComparer.Ordinal).ThenBy(s => s.ProClassLabel, StringComparer.Ordinal)
                    .Select(s => new Suggestion(Blank(s.ProClassCode), Blank(s.ProClassLabel), s.Lines, Money.ToPence(s.Total), s.SourceFile, s.FirstSeen))
                    .ToList()))
            .OrderByDescending(s => s.Lines).ThenBy(s => s.ExpenseKey, StringComparer.Ordinal)
            .ToList();
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
