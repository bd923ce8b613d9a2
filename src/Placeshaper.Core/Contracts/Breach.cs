using Placeshaper.Organisations;

namespace Placeshaper.Contracts;

public enum BreachSeverity
{
    Minor = 1,
    Moderate = 2,
    Serious = 3,
}

/// <summary>
/// A breach of a contract: when, of which KPI or clause, what happened, how serious, and the remedy: when notice was
/// given, when the remedy is due and when it was resolved. Kept so that a termination for breach has its record.
/// </summary>
public sealed class Breach : IOrganisationOwned
{
    public const int MaxText = 4000;
    public const int MaxClause = 300;

    private Breach()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    /// <summary>The KPI or clause breached, as people name it ("KPI 2: families seen within 10 days", "clause 14.3").</summary>
    public string Clause { get; private set; } = "";

    public string Description { get; private set; } = "";

    public BreachSeverity Severity { get; private set; }

    public DateOnly? RemedyNoticeOn { get; private set; }

    public DateOnly? RemedyDue { get; private set; }

    public DateOnly? ResolvedOn { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public sealed record Input(DateOnly? OccurredOn, string? Clause, string? Description, BreachSeverity? Severity, DateOnly? RemedyNoticeOn, DateOnly? RemedyDue, DateOnly? ResolvedOn);

    public static Result<Breach> Record(Contract contract, Input input, string recordedByName, DateTime now)
    {
        var breach = new Breach
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            RecordedByName = recordedByName,
            RecordedAt = now,
        };
        return breach.Set(input) is { } errors ? errors : breach;
    }

    public Errors? Change(Input input, DateTime now)
    {
        if (Set(input) is { } errors)
        {
            return errors;
        }

        UpdatedAt = now;
        return null;
    }

    private Errors? Set(Input input)
    {
        var errors = new Errors();
        if (input.OccurredOn is null)
        {
            errors.Add("occurredOn", "Enter the date of the breach");
        }

        if (string.IsNullOrWhiteSpace(input.Clause) || input.Clause.Trim().Length > MaxClause)
        {
            errors.Add("clause", $"Name the KPI or clause breached, up to {MaxClause} characters");
        }

        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Trim().Length > MaxText)
        {
            errors.Add("description", $"Say what happened, up to {MaxText:N0} characters");
        }

        if (input.Severity is not { } severity || !Enum.IsDefined(severity))
        {
            errors.Add("severity", "Choose minor, moderate or serious");
        }

        if (input.RemedyNoticeOn is { } notice && input.OccurredOn is { } occurred && notice < occurred)
        {
            errors.Add("remedyNoticeOn", "The remedy notice cannot come before the breach");
        }

        if (input.RemedyDue is { } due && (input.RemedyNoticeOn ?? input.OccurredOn) is { } from && due < from)
        {
            errors.Add("remedyDue", "The remedy cannot be due before the notice or the breach");
        }

        if (input.ResolvedOn is { } resolved && input.OccurredOn is { } began && resolved < began)
        {
            errors.Add("resolvedOn", "The breach cannot be resolved before it happened");
        }

        if (errors.Any)
        {
            return errors;
        }

        OccurredOn = input.OccurredOn!.Value;
        Clause = input.Clause!.Trim();
        Description = input.Description!.Trim();
        Severity = input.Severity!.Value;
        RemedyNoticeOn = input.RemedyNoticeOn;
        RemedyDue = input.RemedyDue;
        ResolvedOn = input.ResolvedOn;
        return null;
    }
}

/// <summary>
/// How and why a contract ended early. Recording it terminates the contract (<see cref="Contract.Status"/>), once.
/// </summary>
public sealed class Termination : IOrganisationOwned
{
    public const int MaxReason = 4000;

    private Termination()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    public DateOnly On { get; private set; }

    public TerminationGround Ground { get; private set; }

    public DateOnly? NoticeGivenOn { get; private set; }

    public string Reason { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public sealed record Input(DateOnly? On, TerminationGround? Ground, DateOnly? NoticeGivenOn, string? Reason);

    /// <summary>Records the termination and terminates the contract.</summary>
    public static Result<Termination> Record(Contract contract, Input input, string recordedByName, DateTime now)
    {
        var errors = new Errors();
        if (input.On is null)
        {
            errors.Add("on", "Enter the date the contract ends");
        }

        if (input.Ground is not { } ground || !Enum.IsDefined(ground))
        {
            errors.Add("ground", "Choose the ground: break clause, agreement, breach, insolvency or other");
        }

        if (input.NoticeGivenOn is { } notice && input.On is { } end && notice > end)
        {
            errors.Add("noticeGivenOn", "Notice is given on or before the date the contract ends");
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > MaxReason)
        {
            errors.Add("reason", $"Say why the contract is terminated, up to {MaxReason:N0} characters");
        }

        if (errors.Any)
        {
            return errors;
        }

        if (contract.Terminate(input.On!.Value, now) is { } refused)
        {
            return refused;
        }

        return new Termination
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            On = input.On.Value,
            Ground = input.Ground!.Value,
            NoticeGivenOn = input.NoticeGivenOn,
            Reason = input.Reason!.Trim(),
            RecordedByName = recordedByName,
            RecordedAt = now,
        };
    }
}
