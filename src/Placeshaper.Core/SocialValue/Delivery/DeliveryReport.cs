using Placeshaper.Contracts;
using Placeshaper.Organisations;

namespace Placeshaper.SocialValue.Delivery;

public enum DeliveryReportStatus
{
    /// <summary>Sent in by the provider (or an officer) and waiting for the contract manager.</summary>
    Submitted = 1,

    /// <summary>Checked against its evidence by the contract manager: it counts as delivered, until a correction is verified.</summary>
    Verified = 2,

    /// <summary>Sent back with a reason; the provider reports again as a new report.</summary>
    Returned = 3,

    /// <summary>Was verified, then a correction for the same obligation and period was verified: kept as history.</summary>
    Superseded = 4,
}

/// <summary>
/// What a provider says it delivered against a social value obligation in a period (say 3 apprenticeships from April to
/// September), with a narrative and evidence files, and what the contract manager decided. It follows the KPI values'
/// rules (<see cref="Contracts.Delivery.KpiObservation"/>): nothing is overwritten; a report sent again after a return,
/// or a correction to a verified one, is a new report verified in its turn, and the one it replaces is kept as superseded.
/// </summary>
public sealed class DeliveryReport : IOrganisationOwned
{
    public const int MaxNarrative = 4000;
    public const int MaxReason = 2000;

    private readonly List<DeliveryEvidence> evidence = [];

    private DeliveryReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid ObligationId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public decimal Quantity { get; private set; }

    public string Narrative { get; private set; } = "";

    public DeliveryReportStatus Status { get; private set; }

    /// <summary>How it came in: "portal", "api" or "demo".</summary>
    public string Source { get; private set; } = "";

    public DateTime SubmittedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    /// <summary>The provider whose user reported it; null when an officer entered it.</summary>
    public Guid? SubmittedByProviderId { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public string ReturnReason { get; private set; } = "";

    public IReadOnlyList<DeliveryEvidence> Evidence => evidence;

    public sealed record Input(Guid? ObligationId, DateOnly? PeriodStart, DateOnly? PeriodEnd, decimal? Quantity, string? Narrative);

    /// <summary>
    /// Checks a report against the contract's obligations and their history: a period inside the contract that has
    /// ended or begun, and only one report of an obligation and period waiting for verification at a time.
    /// </summary>
    public static Result<DeliveryReport> Submit(
        Contract contract, IReadOnlyCollection<SocialValueObligation> obligations, Input input, Contracts.Delivery.KpiObservation.Actor actor, string source,
        IReadOnlyCollection<DeliveryReport> history, DateTime now)
    {
        var errors = new Errors();
        var obligation = input.ObligationId is { } id ? obligations.SingleOrDefault(o => o.Id == id && o.ContractId == contract.Id) : null;
        if (obligation is null)
        {
            errors.Add("obligationId", "Choose one of the contract's social value obligations");
        }

        if (input.PeriodStart is not { } start)
        {
            errors.Add("periodStart", "Give the first day of the period the report covers, like 2026-04-01");
        }
        else if (contract.StartDate is { } begins && start < begins)
        {
            errors.Add("periodStart", $"The contract starts on {begins:yyyy-MM-dd}: give a period from then");
        }
        else if (start > now.UkDate())
        {
            errors.Add("periodStart", "The period has not started yet: report it once it has");
        }

        if (input.PeriodEnd is not { } end)
        {
            errors.Add("periodEnd", "Give the last day of the period the report covers, like 2026-09-30");
        }
        else if (input.PeriodStart is { } from && end < from)
        {
            errors.Add("periodEnd", "The period must end on or after the day it starts");
        }
        else if (input.PeriodStart is { } from2 && end > from2.AddYears(1).AddDays(-1))
        {
            errors.Add("periodEnd", "Report a period of at most a year");
        }

        if (input.Quantity is not { } quantity || quantity < 0 || quantity > SocialValueObligation.MaxQuantity || decimal.Round(quantity, 2) != quantity)
        {
            errors.Add("quantity", "Give the quantity delivered in the period, 0 or more, to at most 2 decimal places");
        }

        if (input.Narrative?.Trim().Length > MaxNarrative)
        {
            errors.Add("narrative", $"Up to {MaxNarrative:N0} characters");
        }

        if (!errors.Any && history.Any(r => r.ObligationId == obligation!.Id && r.PeriodStart == input.PeriodStart && r.PeriodEnd == input.PeriodEnd && r.Status == DeliveryReportStatus.Submitted))
        {
            errors.Add("periodStart", "A report for this obligation and period is already waiting to be verified: wait for the decision on it first");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new DeliveryReport
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            ObligationId = obligation!.Id,
            PeriodStart = input.PeriodStart!.Value,
            PeriodEnd = input.PeriodEnd!.Value,
            Quantity = input.Quantity!.Value,
            Narrative = input.Narrative?.Trim() ?? "",
            Status = DeliveryReportStatus.Submitted,
            Source = source,
            SubmittedAt = now,
            SubmittedBy = actor.PersonId,
            SubmittedByProviderId = actor.ProviderId,
        };
    }

    /// <summary>
    /// Verifies the report. A provider's user never verifies a report, its own or anyone's: what was delivered is the
    /// contract manager's judgement of the evidence (issue 6: "A provider cannot approve its own data"). The verified
    /// report this one corrects, if any, is superseded.
    /// </summary>
    public string? Verify(Contracts.Delivery.KpiObservation.Actor reviewer, IReadOnlyCollection<DeliveryReport> history, DateTime now)
    {
        if (Refusal(reviewer) is { } refusal)
        {
            return refusal;
        }

        foreach (var earlier in history.Where(r => r.Id != Id && r.ObligationId == ObligationId && r.PeriodStart == PeriodStart && r.PeriodEnd == PeriodEnd && r.Status == DeliveryReportStatus.Verified))
        {
            earlier.Status = DeliveryReportStatus.Superseded;
        }

        Status = DeliveryReportStatus.Verified;
        ReviewedAt = now;
        ReviewedBy = reviewer.PersonId;
        return null;
    }

    /// <summary>Sends the report back with the reason; the provider then reports again.</summary>
    public Result<DeliveryReport> Return(Contracts.Delivery.KpiObservation.Actor reviewer, string? reason, DateTime now)
    {
        if (Refusal(reviewer) is { } refusal)
        {
            return Errors.For("status", refusal);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReason)
        {
            return Errors.For("reason", $"Say why the report is returned, so the provider can correct it, up to {MaxReason:N0} characters");
        }

        Status = DeliveryReportStatus.Returned;
        ReturnReason = reason.Trim();
        ReviewedAt = now;
        ReviewedBy = reviewer.PersonId;
        return this;
    }

    public Errors? AddEvidence(string? fileName, byte[]? content, string field, DateTime now)
    {
        if (evidence.Count >= DeliveryEvidence.MaxFiles)
        {
            return Errors.For(field, $"Attach up to {DeliveryEvidence.MaxFiles} files");
        }

        var added = DeliveryEvidence.Create(this, fileName, content, field, now);
        if (!added.Succeeded)
        {
            return added.Errors;
        }

        evidence.Add(added.Value!);
        return null;
    }

    private string? Refusal(Contracts.Delivery.KpiObservation.Actor reviewer) =>
        reviewer.ProviderId is not null ? "A provider cannot verify or return social value reports: the contract manager decides"
        : Status != DeliveryReportStatus.Submitted ? $"This report was already {Status.ToString().ToLowerInvariant()}: only a submitted report can be verified or returned"
        : null;
}
