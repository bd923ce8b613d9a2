using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// Makes suggestions from spend files (<see cref="SpendCategorySuggestion"/>) spend categories, through the same checks
/// and audit as a mapping entered by hand (<see cref="MapSpendCategories"/>). One at a time, an officer may pick any of
/// an expense type's suggestions; "accept all" takes only the expense types whose files agree on one classification
/// (precision before recall). A suggestion never overwrites a mapping: an expense type mapped already is left alone.
/// </summary>
public sealed class AcceptSpendCategorySuggestions(PlaceshaperDb db, MapSpendCategories map)
{
    public sealed record Accept(string? ExpenseType, string? ProClassCode, string? ProClassLabel);

    /// <summary>What was done: expense types mapped, left because their files disagree, left because mapped already.</summary>
    public sealed record Outcome(int Accepted, int Conflicting, int AlreadyMapped);

    /// <summary>The failure kinds a surface maps: no such suggestion (404), the expense type mapped already (409).</summary>
    public enum Refusal
    {
        None,
        NotFound,
        AlreadyMapped,
    }

    /// <summary>Accepts one suggestion: the expense type (as written or as its key) and the code and label exactly as suggested.</summary>
    public async Task<(Result<Outcome> Result, Refusal Refusal)> OneAsync(Guid organisationId, Accept accept, CancellationToken cancellationToken)
    {
        var key = SpendCategory.Key(accept.ExpenseType);
        var code = accept.ProClassCode?.Trim() ?? "";
        var label = accept.ProClassLabel?.Trim() ?? "";
        var suggestion = await db.SpendCategorySuggestions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.OrganisationId == organisationId && s.ExpenseKey == key && s.ProClassCode == code && s.ProClassLabel == label, cancellationToken);
        if (suggestion is null)
        {
            return (Errors.For("expenseType", $"There is no suggestion from spend files for '{accept.ExpenseType}' with that ProClass code and label"), Refusal.NotFound);
        }

        if (await db.SpendCategories.AnyAsync(c => c.OrganisationId == organisationId && c.ExpenseKey == key, cancellationToken))
        {
            return (Errors.For("expenseType", $"'{suggestion.ExpenseType}' has a spend category already: a suggestion never replaces one (change it with the form instead)"), Refusal.AlreadyMapped);
        }

        var saved = await map.HandleAsync(organisationId, [Mapping(suggestion)], indexed: false, keepExisting: true, cancellationToken);
        if (!saved.Succeeded)
        {
            return (saved.Errors!, Refusal.None);
        }

        return (new Outcome(saved.Value!.Added, 0, saved.Value.Unchanged), Refusal.None);
    }

    /// <summary>Accepts every unmapped expense type's suggestion where its files gave only one.</summary>
    public async Task<Result<Outcome>> AllAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var suggested = await SpendCategorySuggestionQueries.ListAsync(db, organisationId, cancellationToken);
        var agreed = suggested.Where(s => !s.Conflicting).ToList();
        var conflicting = suggested.Count - agreed.Count;
        if (agreed.Count == 0)
        {
            return new Outcome(0, conflicting, 0);
        }

        var mappings = agreed.Select(s => new MapSpendCategories.Mapping(s.ExpenseType, null, s.Suggestions[0].ProClassCode, s.Suggestions[0].ProClassLabel)).ToList();
        var saved = await map.HandleAsync(organisationId, mappings, indexed: true, keepExisting: true, cancellationToken);
        return saved.Succeeded ? new Outcome(saved.Value!.Added, conflicting, saved.Value.Unchanged) : saved.Errors!;
    }

    private static MapSpendCategories.Mapping Mapping(SpendCategorySuggestion s) =>
        new(s.ExpenseType, null, s.ProClassCode.Length == 0 ? null : s.ProClassCode, s.ProClassLabel.Length == 0 ? null : s.ProClassLabel);
}
