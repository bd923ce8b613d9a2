using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

/// <summary>
/// What each bidder is told once an award is decided: their scores against the winner's, answer by answer, with the
/// panel's reasons for theirs (the Act's assessment summaries). Read from the ranking as decided, never recomputed.
/// </summary>
public static class AssessmentSummaries
{
    public sealed record Answer(string Question, QuestionKind Kind, int? Yours, string Rationale, int? Winners);

    public sealed record Summary(string Lot, AwardDecision.Place Yours, AwardDecision.Place Winner, int Bidders, IReadOnlyList<Answer> Answers)
    {
        public bool YouWon => Yours.BidId == Winner.BidId;
    }

    public static async Task<IReadOnlyList<Summary>> ForAsync(PlaceshaperDb db, Tender tender, Guid bidId, CancellationToken cancellationToken)
    {
        var decisions = await db.AwardDecisions.AsNoTracking().Where(a => a.TenderId == tender.Id).ToListAsync(cancellationToken);
        var moderated = await db.Evaluations.AsNoTracking().Where(e => e.TenderId == tender.Id).SelectMany(e => e.Moderated).ToListAsync(cancellationToken);
        var summaries = new List<Summary>();
        foreach (var decision in decisions)
        {
            var places = decision.Places;
            if (places.FirstOrDefault(p => p.BidId == bidId) is not { } yours)
            {
                continue;
            }

            var winner = places.Single(p => p.BidId == decision.BidId);
            var lot = decision.LotId is { } lotId && tender.Lots.FirstOrDefault(l => l.Id == lotId) is { } l ? $"Lot {l.Number}: {l.Title}" : "Whole contract";
            summaries.Add(new Summary(lot, yours, winner, places.Count, tender.Questions.OrderBy(q => q.Order).Select(q => new Answer(
                q.Text,
                q.Kind,
                moderated.FirstOrDefault(m => m.BidId == bidId && m.QuestionId == q.Id)?.Score,
                moderated.FirstOrDefault(m => m.BidId == bidId && m.QuestionId == q.Id)?.Rationale ?? "",
                moderated.FirstOrDefault(m => m.BidId == winner.BidId && m.QuestionId == q.Id)?.Score)).ToList()));
        }

        return summaries;
    }
}
