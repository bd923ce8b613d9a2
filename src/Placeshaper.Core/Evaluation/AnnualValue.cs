using Placeshaper.Calculators;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// The annual value a bidder's financial standing is checked against: the buyer's published estimate for what it
/// bid for (only the lots it priced, so a small provider bidding for one lot is not measured against the whole
/// tender), spread over the contract's initial term. Extensions are left out: they are options, not commitments.
/// </summary>
public static class AnnualValue
{
    public sealed record Suggestion(decimal Value, string Basis);

    /// <param name="lotsBid">The lots the bid priced; empty, or only null, for a tender without lots.</param>
    /// <param name="contractMonths">The initial term from the linked specification, if known.</param>
    public static Suggestion For(Tender tender, IReadOnlyCollection<Guid?> lotsBid, int? contractMonths)
    {
        var lots = tender.Lots.Where(l => lotsBid.Contains(l.Id)).OrderBy(l => l.Number).ToList();
        var estimate = lots.Count > 0 ? lots.Sum(l => l.EstimatedValue) : tender.EstimatedValue;
        var what = lots.Count switch
        {
            0 => $"the tender's estimated value of {Rounding.Pounds(estimate)}",
            1 => $"lot {lots[0].Number}'s estimated value of {Rounding.Pounds(estimate)}",
            _ => $"the estimated values of lots {string.Join(", ", lots.Select(l => l.Number))}, {Rounding.Pounds(estimate)} in all",
        };

        if (contractMonths is not { } months)
        {
            return new Suggestion(estimate, $"{Capitalise(what)}, taken as one year's: the tender has no specification giving the contract's term");
        }

        if (months <= 12)
        {
            return new Suggestion(estimate, $"{Capitalise(what)}, for a term of {Plural(months, "month")}");
        }

        var annual = Rounding.ToTwoPlaces(estimate * 12m / months);
        return new Suggestion(annual, $"{Capitalise(what)} over an initial term of {Plural(months, "month")}: × 12 ÷ {months} = {Rounding.Pounds(annual)} a year, to the penny");
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
