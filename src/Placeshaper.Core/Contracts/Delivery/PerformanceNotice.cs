using System.Text.Json;
using Placeshaper.Organisations;
using Placeshaper.Payments;

namespace Placeshaper.Contracts.Delivery;

/// <summary>
/// A contract performance notice: the contracting authority's assessment of the supplier's performance against the
/// contract's key performance indicators over a period, published at least once every 12 months.
/// </summary>
/// <remarks>
/// Sources, as read on 22 November 2026: the Procurement Act 2023 s.52 (at least three KPIs before entering into a
/// public contract with an estimated value of more than £5 million, unless performance could not appropriately be
/// assessed by KPIs) and s.71(2) (assess performance against those KPIs at least once in every 12-month period of the
/// contract and on termination, and publish the information), as GOV.UK's "Guidance: Contract Performance Notices"
/// (updated 4 September 2024) and law firms' notes summarise them; and the Procurement Regulations 2024 (SI 2024/692)
/// regulation 39, read on legislation.gov.uk, which lists what the notice holds (the KPIs, the suppliers, the
/// assessment "in accordance with the ratings set out in paragraph (5)" and the period it applies to) and names the
/// ratings Good ("meeting or exceeding the key performance indicators") and Approaching target ("close to meeting").
/// Requires improvement ("below"), Inadequate ("significantly below") and Other ("cannot be described as" the four)
/// were read only in secondary sources quoting the regulation. Not verified, so not enforced here: any deadline for
/// publishing a KPI assessment after its period ends, and the exact fields of the central digital platform's notice.
/// </remarks>
public sealed class PerformanceNotice : IOrganisationOwned
{
    public const decimal KpiThreshold = 5_000_000m;
    public const int MaxComment = 2000;

    /// <summary>The ratings of regulation 39(5), in its order.</summary>
    public static readonly IReadOnlyList<string> Ratings = [ServiceCredits.Good, ServiceCredits.ApproachingTarget, ServiceCredits.RequiresImprovement, ServiceCredits.Inadequate, Other];

    public const string Other = "other";

    private PerformanceNotice()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>The rating of each KPI, as JSON: what the notice said when it was published, whatever happens to the KPIs later.</summary>
    public string RatingsJson { get; private set; } = "[]";

    public DateTime PublishedAt { get; private set; }

    public Guid? PublishedBy { get; private set; }

    public IReadOnlyList<KpiRating> KpiRatings => JsonSerializer.Deserialize<List<KpiRating>>(RatingsJson) ?? [];

    public sealed record KpiRating(Guid KpiId, int Number, string Definition, string Rating, string Comment);

    public sealed record RatingInput(Guid? KpiId, string? Rating, string? Comment);

    public sealed record Input(DateOnly? PeriodStart, DateOnly? PeriodEnd, IReadOnlyList<RatingInput?>? Ratings);

    /// <summary>Whether the contract needs notices: over £5 million with KPIs set (Procurement Act 2023 s.52(1) and s.71(2)).</summary>
    public static bool Required(Contract contract) => contract.TotalValue > KpiThreshold && contract.Kpis.Count > 0;

    /// <summary>
    /// When the next assessment is due: 12 months after the end of the last one's period, or after the contract
    /// started when there is none; null when the contract needs no notices or has no start date.
    /// </summary>
    public static DateOnly? NextDue(Contract contract, IEnumerable<PerformanceNotice> notices) =>
        !Required(contract) ? null
        : notices.Select(n => (DateOnly?)n.PeriodEnd).Max() is { } last ? last.AddMonths(12)
        : contract.StartDate?.AddMonths(12).AddDays(-1);

    /// <summary>
    /// The day the contract ended (terminated, or past its current expiry) when the assessment due on termination
    /// (Procurement Act 2023 s.71(2)) is not yet published: no notice's period reaches that day. Null while the
    /// contract runs, when it needs no notices, or once such a notice is published.
    /// </summary>
    public static DateOnly? TerminationAssessmentDue(Contract contract, IEnumerable<PerformanceNotice> notices, DateOnly today)
    {
        if (!Required(contract))
        {
            return null;
        }

        var ended = contract.TerminatedOn is { } terminated && terminated <= today ? terminated
            : contract.Status != ContractStatus.Terminated && contract.CurrentExpiry is { } expiry && expiry < today ? expiry
            : (DateOnly?)null;
        return ended is { } on && !notices.Any(n => n.ContractId == contract.Id && n.PeriodEnd >= on) ? on : null;
    }

    /// <summary>The rating each KPI's latest approved value in the period suggests, as the performance view rates it; null without a value.</summary>
    public static IReadOnlyDictionary<Guid, string> Suggested(Contract contract, IEnumerable<KpiObservation> observations, DateOnly from, DateOnly to) =>
        observations.Where(o => o.Status == ObservationStatus.Approved && o.PeriodStart >= from && o.PeriodStart <= to)
            .GroupBy(o => o.KpiId)
            .Where(g => contract.Kpis.Any(k => k.Id == g.Key))
            .ToDictionary(g => g.Key, g => PerformanceRatings.Rate(contract.Kpis.Single(k => k.Id == g.Key), g.OrderByDescending(o => o.PeriodStart).First().Value).ActRating);

    public static Result<PerformanceNotice> Publish(Contract contract, Input input, Guid? personId, DateTime now)
    {
        var errors = new Errors();
        if (!Required(contract))
        {
            errors.Add("contract", $"Contract performance notices are for contracts worth more than {Money.Format(KpiThreshold)} with KPIs (Procurement Act 2023 s.52 and s.71)");
            return errors;
        }

        if (input.PeriodStart is not { } from)
        {
            errors.Add("periodStart", "Give the first day of the period assessed");
        }
        else if (contract.StartDate is { } start && from < start)
        {
            errors.Add("periodStart", $"The contract starts on {start:yyyy-MM-dd}: assess a period from then");
        }

        if (input.PeriodEnd is not { } to)
        {
            errors.Add("periodEnd", "Give the last day of the period assessed");
        }
        else if (input.PeriodStart is { } first && (to < first || to > first.AddYears(1).AddDays(-1)))
        {
            errors.Add("periodEnd", "The period ends on or after it starts, and lasts at most 12 months");
        }
        else if (to > now.UkDate())
        {
            errors.Add("periodEnd", "The period has not ended yet");
        }

        var given = input.Ratings ?? [];
        var ratings = new List<KpiRating>();
        foreach (var kpi in contract.Kpis.OrderBy(k => k.Number))
        {
            var index = given.ToList().FindIndex(r => r?.KpiId == kpi.Id);
            var field = index < 0 ? $"ratings.{kpi.Id}" : $"ratings[{index}]";
            var rating = index < 0 ? null : given[index]!.Rating?.Trim().ToLowerInvariant();
            var comment = index < 0 ? "" : given[index]!.Comment?.Trim() ?? "";
            if (rating is null || !Ratings.Contains(rating))
            {
                errors.Add(field + ".rating", $"Rate KPI {kpi.Number}: good, approaching target, requires improvement, inadequate or other");
            }
            else if (comment.Length > MaxComment)
            {
                errors.Add(field + ".comment", $"Up to {MaxComment:N0} characters");
            }
            else if (rating == Other && comment.Length == 0)
            {
                errors.Add(field + ".comment", $"Say why KPI {kpi.Number}'s performance cannot be described as good, approaching target, requires improvement or inadequate");
            }
            else
            {
                ratings.Add(new KpiRating(kpi.Id, kpi.Number, kpi.Definition, rating, comment));
            }
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (given[i]?.KpiId is not { } id || contract.Kpis.All(k => k.Id != id))
            {
                errors.Add($"ratings[{i}].kpiId", "Rate the contract's own KPIs");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        return new PerformanceNotice
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            PeriodStart = input.PeriodStart!.Value,
            PeriodEnd = input.PeriodEnd!.Value,
            RatingsJson = JsonSerializer.Serialize(ratings),
            PublishedAt = now,
            PublishedBy = personId,
        };
    }
}
