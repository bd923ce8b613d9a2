using Placeshaper.Organisations;

namespace Placeshaper.Contracts.Delivery;

public enum ObservationStatus
{
    /// <summary>Sent in and waiting for the contract manager.</summary>
    Submitted = 1,

    /// <summary>Accepted by the contract manager: the value in force for its KPI and period, until a correction is approved.</summary>
    Approved = 2,

    /// <summary>Sent back with a reason; the provider resubmits as a new submission.</summary>
    Returned = 3,

    /// <summary>Was approved, then a correction for the same KPI and period was approved: kept as history.</summary>
    Superseded = 4,
}

/// <summary>
/// One value of a contract KPI for one reporting period, as the provider (or an officer) reported it, and what the
/// contract manager decided. Nothing is overwritten: a resubmission after a return, or a correction to an approved
/// value, is a new observation that must be approved in its turn, and the approved one it replaces is kept as
/// superseded, so the history of every figure a payment rested on stays readable.
/// </summary>
public sealed class KpiObservation : IOrganisationOwned
{
    public const int MaxComment = 2000;
    public const int MaxReason = 2000;
    public const decimal MaxValue = 1_000_000_000m;

    private readonly List<ObservationEvidence> evidence = [];

    private KpiObservation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid KpiId { get; private set; }

    /// <summary>The first day of the KPI's reporting period (see <see cref="KpiPeriods"/>).</summary>
    public DateOnly PeriodStart { get; private set; }

    public decimal Value { get; private set; }

    public string Comment { get; private set; } = "";

    public ObservationStatus Status { get; private set; }

    /// <summary>How it came in: "portal", "api", "import" or "demo".</summary>
    public string Source { get; private set; } = "";

    public DateTime SubmittedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    /// <summary>The provider whose user submitted it; null when an officer entered it.</summary>
    public Guid? SubmittedByProviderId { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public string ReturnReason { get; private set; } = "";

    public IReadOnlyList<ObservationEvidence> Evidence => evidence;

    public sealed record Input(Guid? KpiId, DateOnly? PeriodStart, decimal? Value, string? Comment);

    /// <summary>Who is acting: a person, and the provider they act for when they are a provider's user.</summary>
    public sealed record Actor(Guid? PersonId, Guid? ProviderId);

    /// <summary>
    /// Checks a submission against the contract's KPIs and the history of its KPI and period: a period must start as
    /// the KPI's frequency says, and only one submission of a KPI and period waits for approval at a time.
    /// </summary>
    public static Result<KpiObservation> Submit(
        Contract contract, Input input, Actor actor, string source, IReadOnlyCollection<KpiObservation> history, DateTime now, string prefix = "")
    {
        var errors = new Errors();
        var kpi = input.KpiId is { } kpiId ? contract.Kpis.SingleOrDefault(k => k.Id == kpiId) : null;
        if (kpi is null)
        {
            errors.Add(prefix + "kpiId", "Choose one of the contract's KPIs");
        }

        if (input.PeriodStart is not { } period)
        {
            errors.Add(prefix + "periodStart", "Give the first day of the period the value is for, like 2026-04-01");
        }
        else if (kpi is not null && KpiPeriods.Check(kpi.Frequency, period) is { } wrong)
        {
            errors.Add(prefix + "periodStart", wrong);
        }
        else if (contract.StartDate is { } start && period < KpiPeriods.StartOf(kpi?.Frequency ?? Specifications.KpiFrequency.Monthly, start))
        {
            errors.Add(prefix + "periodStart", $"The contract starts on {start:yyyy-MM-dd}: give a period from then");
        }
        else if (period > now.UkDate())
        {
            errors.Add(prefix + "periodStart", "The period has not started yet: report it once it has");
        }

        if (input.Value is not { } value || Math.Abs(value) > MaxValue || decimal.Round(value, 4) != value)
        {
            errors.Add(prefix + "value", "Give the value, a number with up to 4 decimal places");
        }
        else if (kpi is not null && value < 0 && IsCount(kpi))
        {
            errors.Add(prefix + "value", "A count cannot be negative");
        }

        if (input.Comment?.Trim().Length > MaxComment)
        {
            errors.Add(prefix + "comment", $"Up to {MaxComment:N0} characters");
        }

        if (!errors.Any && history.Any(o => o.KpiId == kpi!.Id && o.PeriodStart == input.PeriodStart && o.Status == ObservationStatus.Submitted))
        {
            errors.Add(prefix + "periodStart", $"A value for this KPI and period is already waiting for approval: wait for the decision on it first");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new KpiObservation
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            KpiId = kpi!.Id,
            PeriodStart = input.PeriodStart!.Value,
            Value = input.Value!.Value,
            Comment = input.Comment?.Trim() ?? "",
            Status = ObservationStatus.Submitted,
            Source = source,
            SubmittedAt = now,
            SubmittedBy = actor.PersonId,
            SubmittedByProviderId = actor.ProviderId,
        };
    }

    /// <summary>Whether a KPI counts things (families, visits), so that its values can pay outcomes.</summary>
    public static bool IsCount(ContractKpi kpi) => !kpi.Unit.Contains('%', StringComparison.Ordinal);

    /// <summary>
    /// Approves the value. A provider's user never approves data, its own or anyone's: a provider reviewing its own
    /// figures would decide its own payment (issue 6, "A provider cannot approve its own data"). The approved value
    /// that this one corrects, if any, is superseded.
    /// </summary>
    public string? Approve(Actor reviewer, IReadOnlyCollection<KpiObservation> history, DateTime now)
    {
        if (Refusal(reviewer) is { } refusal)
        {
            return refusal;
        }

        foreach (var earlier in history.Where(o => o.Id != Id && o.KpiId == KpiId && o.PeriodStart == PeriodStart && o.Status == ObservationStatus.Approved))
        {
            earlier.Status = ObservationStatus.Superseded;
        }

        Status = ObservationStatus.Approved;
        ReviewedAt = now;
        ReviewedBy = reviewer.PersonId;
        return null;
    }

    /// <summary>Sends the value back with the reason; the provider then submits again.</summary>
    public Result<KpiObservation> Return(Actor reviewer, string? reason, DateTime now)
    {
        if (Refusal(reviewer) is { } refusal)
        {
            return Errors.For("status", refusal);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReason)
        {
            return Errors.For("reason", $"Say why the value is returned, so the provider can correct it, up to {MaxReason:N0} characters");
        }

        Status = ObservationStatus.Returned;
        ReturnReason = reason.Trim();
        ReviewedAt = now;
        ReviewedBy = reviewer.PersonId;
        return this;
    }

    public Errors? AddEvidence(string? fileName, byte[]? content, string field, DateTime now)
    {
        if (evidence.Count >= ObservationEvidence.MaxFiles)
        {
            return Errors.For(field, $"Attach up to {ObservationEvidence.MaxFiles} files");
        }

        var added = ObservationEvidence.Create(this, fileName, content, field, now);
        if (!added.Succeeded)
        {
            return added.Errors;
        }

        evidence.Add(added.Value!);
        return null;
    }

    private string? Refusal(Actor reviewer) =>
        reviewer.ProviderId is not null ? "A provider cannot approve or return performance data: the contract manager decides"
        : Status != ObservationStatus.Submitted ? $"This value was already {Status.ToString().ToLowerInvariant()}: only a submitted value can be approved or returned"
        : null;
}
