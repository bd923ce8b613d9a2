using System.Globalization;
using Placeshaper.Calculators;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// The ranking of moderated bids, lot by lot, worked out by the same <see cref="TenderEvaluation"/> code the public
/// calculator uses: price scored against the lowest price for the lot, quality and social value from the consensus
/// scores, abnormally low prices flagged for investigation.
/// </summary>
public static class EvaluationResults
{
    /// <summary>An opened bid as the evaluation needs it: who, and the price offered for each lot (null: whole contract).</summary>
    public sealed record Entry(Guid BidId, string Bidder, IReadOnlyDictionary<Guid, decimal> PricesByLot, decimal? WholePrice);

    public sealed record Lot(Guid? LotId, string Name, IReadOnlyList<Ranked> Bids);

    public sealed record Ranked(Guid BidId, string Bidder, TenderEvaluation.ScoredBid Score);

    /// <param name="excluded">Bids left out of the competition for failing a condition of participation (a supplier
    /// check they did not meet): the others are ranked, and priced, as if these had not bid.</param>
    public static Result<IReadOnlyList<Lot>> For(Tender tender, BidEvaluation evaluation, IReadOnlyList<Entry> entries, IReadOnlyCollection<Guid> excluded)
    {
        entries = entries.Where(e => !excluded.Contains(e.BidId)).ToList();
        var lots = tender.Lots.Count == 0
            ? [(LotId: (Guid?)null, Name: "Whole contract")]
            : tender.Lots.OrderBy(l => l.Number).Select(l => (LotId: (Guid?)l.Id, Name: $"Lot {l.Number}: {l.Title}")).ToList();
        var results = new List<Lot>();
        foreach (var (lotId, name) in lots)
        {
            var bidding = entries.Where(e => lotId is { } id ? e.PricesByLot.ContainsKey(id) : e.WholePrice is not null).ToList();
            if (bidding.Count == 0)
            {
                results.Add(new Lot(lotId, name, []));
                continue;
            }

            var calculated = TenderEvaluation.Calculate(new TenderEvaluation.Input(
                new TenderEvaluation.Weights(tender.PriceWeight, tender.QualityWeight, tender.SocialValueWeight),
                Tender.MaxScore,
                Questions(tender, QuestionKind.Quality),
                Questions(tender, QuestionKind.SocialValue),
                bidding.Select(e => new TenderEvaluation.Bid(
                    e.BidId.ToString(),
                    lotId is { } id ? e.PricesByLot[id] : e.WholePrice,
                    Consensus(tender, evaluation, e.BidId, QuestionKind.Quality),
                    Consensus(tender, evaluation, e.BidId, QuestionKind.SocialValue))).ToList(),
                TenderEvaluation.DefaultAbnormallyLowRatio,
                tender.SocialValueWaiverReason.Length > 0 ? tender.SocialValueWaiverReason : null));
            if (!calculated.Succeeded)
            {
                return calculated.Errors;
            }

            results.Add(new Lot(lotId, name, calculated.Value.Bids
                .Select(b => new Ranked(Guid.Parse(b.Bidder), bidding.Single(e => e.BidId.ToString() == b.Bidder).Bidder, b))
                .OrderBy(r => r.Score.Rank).ToList()));
        }

        return results;
    }

    private static List<TenderEvaluation.Question> Questions(Tender tender, QuestionKind kind) =>
        tender.Questions.Where(q => q.Kind == kind).OrderBy(q => q.Order).Select(q => new TenderEvaluation.Question(q.Id.ToString(), q.Weight)).ToList();

    private static Dictionary<string, decimal?> Consensus(Tender tender, BidEvaluation evaluation, Guid bidId, QuestionKind kind) =>
        tender.Questions.Where(q => q.Kind == kind).ToDictionary(
            q => q.Id.ToString(),
            q => (decimal?)evaluation.Moderated.FirstOrDefault(m => m.BidId == bidId && m.QuestionId == q.Id)?.Score,
            StringComparer.Ordinal);

    public static string Describe(TenderEvaluation.ScoredBid score) => string.Create(CultureInfo.InvariantCulture, $"{score.Total} (price {score.PriceScore}, quality {score.QualityScore}, social value {score.SocialValueScore})");
}
