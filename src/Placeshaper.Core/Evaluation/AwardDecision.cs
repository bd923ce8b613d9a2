using System.Text.Json;
using Placeshaper.Calculators;
using Placeshaper.Calendar;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.Evaluation;

public enum AwardStatus
{
    /// <summary>Decided and the contract award notice published: the standstill is running.</summary>
    Standstill = 1,

    /// <summary>The standstill is over and the contract has been entered into.</summary>
    Awarded = 2,
}

/// <summary>
/// The decision to award a lot (or the whole contract) to the highest-ranked bid, with the ranking it rests on kept as
/// it was, and the standstill it starts: 8 working days beginning with the day the award notice is published
/// (Procurement Act 2023 s.51), before which the contract cannot be entered into.
/// </summary>
public sealed class AwardDecision : IOrganisationOwned
{
    public const int MaxText = 4000;

    private AwardDecision()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid? LotId { get; private set; }

    public Guid BidId { get; private set; }

    public string Supplier { get; private set; } = "";

    /// <summary>The winning price for this lot, including VAT.</summary>
    public decimal Value { get; private set; }

    /// <summary>Why an abnormally low price was accepted after asking the bidder to explain it (s.19), when it was.</summary>
    public string AbnormallyLowExplanation { get; private set; } = "";

    /// <summary>The ranking as decided, as JSON: every bid's scores, so assessment summaries read what was decided.</summary>
    public string Ranking { get; private set; } = "[]";

    public Guid DecidedBy { get; private set; }

    public DateTime DecidedAt { get; private set; }

    public DateOnly NoticePublishedOn { get; private set; }

    public DateOnly StandstillEndsOn { get; private set; }

    public AwardStatus Status { get; private set; } = AwardStatus.Standstill;

    public DateTime? AwardedAt { get; private set; }

    public Guid? AwardedBy { get; private set; }

    /// <summary>One bid's place in the ranking as decided, rounded as shown (2 dp).</summary>
    public sealed record Place(Guid BidId, string Bidder, decimal Price, decimal PriceScore, decimal QualityScore, decimal SocialValueScore, decimal Total, int Rank, bool AbnormallyLow);

    public IReadOnlyList<Place> Places => JsonSerializer.Deserialize<List<Place>>(Ranking) ?? [];

    public static Result<AwardDecision> Decide(Tender tender, EvaluationResults.Lot lot, string? abnormallyLowExplanation, Guid personId, Standstill.Period standstill, DateTime now)
    {
        var errors = new Errors();
        var winner = lot.Bids.FirstOrDefault(b => b.Score.Rank == 1);
        if (winner is null)
        {
            errors.Add("lotId", "Nobody bid for this lot: there is nothing to award");
        }
        else if (winner.Score.AbnormallyLow && string.IsNullOrWhiteSpace(abnormallyLowExplanation))
        {
            errors.Add("abnormallyLowExplanation",
                "The winning price is abnormally low: record why it was accepted after asking the bidder to explain it (Procurement Act 2023 s.19)");
        }

        if (abnormallyLowExplanation?.Length > MaxText)
        {
            errors.Add("abnormallyLowExplanation", $"The explanation can be up to {MaxText:N0} characters");
        }

        if (errors.Any)
        {
            return errors;
        }

        var places = lot.Bids.Select(b => new Place(b.BidId, b.Bidder, b.Score.Price, Rounding.ToTwoPlaces(b.Score.PriceScore), Rounding.ToTwoPlaces(b.Score.QualityScore),
            Rounding.ToTwoPlaces(b.Score.SocialValueScore), Rounding.ToTwoPlaces(b.Score.Total), b.Score.Rank, b.Score.AbnormallyLow)).ToList();
        return new AwardDecision
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = tender.OrganisationId,
            TenderId = tender.Id,
            LotId = lot.LotId,
            BidId = winner!.BidId,
            Supplier = winner.Bidder,
            Value = winner.Score.Price,
            AbnormallyLowExplanation = winner.Score.AbnormallyLow ? abnormallyLowExplanation!.Trim() : "",
            Ranking = JsonSerializer.Serialize(places),
            DecidedBy = personId,
            DecidedAt = now,
            NoticePublishedOn = standstill.PublishedOn,
            StandstillEndsOn = standstill.EndsOn,
        };
    }

    /// <summary>Enters into the contract, from the day after the standstill's last day (UK date).</summary>
    public Errors? Award(Guid personId, DateOnly todayInUk, DateTime now)
    {
        if (Status == AwardStatus.Awarded)
        {
            return Errors.For("award", "This contract has already been awarded");
        }

        if (todayInUk <= StandstillEndsOn)
        {
            return Errors.For("award", $"The standstill runs to the end of {StandstillEndsOn:d MMMM yyyy}: the contract can be entered into from the next day");
        }

        Status = AwardStatus.Awarded;
        AwardedAt = now;
        AwardedBy = personId;
        return null;
    }
}
