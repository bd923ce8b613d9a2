using Placeshaper.Organisations;

namespace Placeshaper.Contracts;

public enum VariationStatus
{
    Requested = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// A change request on a contract: a change of value (plus or minus, in pounds) and of term (plus or minus, in months),
/// what changes and why. It is requested, then approved or rejected by someone other than its requester. Approval
/// moves the contract's current value and term; when the cumulative change then goes beyond the Procurement Act 2023's
/// below-threshold limit for the contract's nature, the legal basis must be recorded (<see cref="ModificationRules"/>).
/// </summary>
public sealed class Variation : IOrganisationOwned
{
    public const int MaxDescription = 4000;
    public const int MaxReason = 2000;
    public const int MaxTermMonths = 240;

    private Variation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>1, 2, 3… within the contract: the amendment's id in open contracting data.</summary>
    public int Number { get; private set; }

    public decimal ValueChange { get; private set; }

    public int TermMonths { get; private set; }

    public string Description { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public Guid RequestedBy { get; private set; }

    public string RequestedByName { get; private set; } = "";

    public DateTime RequestedAt { get; private set; }

    public VariationStatus Status { get; private set; } = VariationStatus.Requested;

    public Guid? DecidedBy { get; private set; }

    public string DecidedByName { get; private set; } = "";

    public DateTime? DecidedAt { get; private set; }

    public string RejectionReason { get; private set; } = "";

    /// <summary>The legal basis recorded at approval ("" when the change stayed within the limit and none was given).</summary>
    public string LegalBasis { get; private set; } = "";

    /// <summary>The contract's value once this variation was approved.</summary>
    public decimal? ValueAfter { get; private set; }

    /// <summary>The cumulative change against the original value once this variation was approved.</summary>
    public decimal? CumulativeChange { get; private set; }

    public sealed record Input(decimal? ValueChange, int? TermMonths, string? Description, string? Reason);

    public static Result<Variation> Request(Contract contract, int number, Input input, Guid requestedBy, string requestedByName, DateTime now)
    {
        var errors = new Errors();
        if (contract.Status == ContractStatus.Terminated)
        {
            errors.Add("contract", "The contract is terminated: it can no longer be varied");
        }

        var value = input.ValueChange ?? 0m;
        var months = input.TermMonths ?? 0;
        if (decimal.Round(value, 2) != value || Math.Abs(value) > Providers.ProviderDetails.MaxAmount)
        {
            errors.Add("valueChange", "Enter the change in pounds and pence, plus or minus, under £1 trillion");
        }
        else if (value != 0 && contract.TotalValue is null)
        {
            errors.Add("valueChange", "The contract's value is not recorded: record it before varying it");
        }
        else if (contract.TotalValue + value < 0)
        {
            errors.Add("valueChange", $"The change would take the value below nothing: the contract is worth {Money.Format(contract.TotalValue!.Value)}");
        }

        if (months is < -MaxTermMonths or > MaxTermMonths)
        {
            errors.Add("termMonths", $"Enter the change of term in months, from -{MaxTermMonths} to {MaxTermMonths}");
        }
        else if (months != 0 && contract.CurrentExpiry is null)
        {
            errors.Add("termMonths", "The contract's end date is not recorded: record it before changing the term");
        }
        else if (contract.CurrentExpiry?.AddMonths(months) is { } end && contract.StartDate is { } start && end < start)
        {
            errors.Add("termMonths", $"The change would end the contract on {end:d MMMM yyyy}, before it starts on {start:d MMMM yyyy}");
        }

        if (value == 0 && months == 0 && !errors.Any)
        {
            errors.Add("valueChange", "Give a change of value, of term, or both");
        }

        Text(errors, "description", input.Description, MaxDescription, "Say what changes");
        Text(errors, "reason", input.Reason, MaxReason, "Say why the contract needs to change");
        if (errors.Any)
        {
            return errors;
        }

        return new Variation
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            Number = number,
            ValueChange = value,
            TermMonths = months,
            Description = input.Description!.Trim(),
            Reason = input.Reason!.Trim(),
            RequestedBy = requestedBy,
            RequestedByName = requestedByName,
            RequestedAt = now,
        };
    }

    /// <summary>
    /// Where the contract would stand if this were approved, given the variations approved before it.
    /// </summary>
    public VariationLedger LedgerIfApproved(Contract contract, IEnumerable<Variation> approved) =>
        VariationLedger.Of(contract.OriginalValue, contract.Nature, approved.Where(v => v.Status == VariationStatus.Approved && v.Id != Id).Select(v => v.ValueChange).Append(ValueChange));

    /// <summary>
    /// Approves the variation and applies it to the contract. The requester cannot approve their own; beyond the
    /// below-threshold limit a legal basis is required (field legalBasis).
    /// </summary>
    public Errors? Approve(Contract contract, IEnumerable<Variation> approved, Guid approvedBy, string approvedByName, string? legalBasis, DateTime now)
    {
        if (Decided() is { } decided)
        {
            return decided;
        }

        if (approvedBy == RequestedBy)
        {
            return Errors.For("approvedBy", "You requested this variation, so someone else must approve it");
        }

        if (contract.Status == ContractStatus.Terminated)
        {
            return Errors.For("contract", "The contract is terminated: it can no longer be varied");
        }

        if (contract.CurrentExpiry?.AddMonths(TermMonths) is { } end && contract.StartDate is { } start && end < start)
        {
            return Errors.For("termMonths", "The change would now end the contract before it starts");
        }

        var ledger = LedgerIfApproved(contract, approved);
        var basis = legalBasis?.Trim() ?? "";
        if (ledger.OverLimit && ModificationRules.CheckBasis(basis) is { } missing)
        {
            return missing;
        }

        if (basis.Length > ModificationRules.MaxBasis)
        {
            return Errors.For("legalBasis", $"Up to {ModificationRules.MaxBasis:N0} characters");
        }

        contract.Vary(ValueChange, TermMonths, now);
        Status = VariationStatus.Approved;
        DecidedBy = approvedBy;
        DecidedByName = approvedByName;
        DecidedAt = now;
        LegalBasis = basis;
        ValueAfter = contract.TotalValue;
        CumulativeChange = ledger.CumulativeChange;
        return null;
    }

    public Errors? Reject(Guid rejectedBy, string rejectedByName, string? reason, DateTime now)
    {
        if (Decided() is { } decided)
        {
            return decided;
        }

        if (rejectedBy == RequestedBy)
        {
            return Errors.For("rejectedBy", "You requested this variation, so someone else must decide it; withdraw it by asking them to reject it");
        }

        var errors = new Errors();
        Text(errors, "reason", reason, MaxReason, "Say why the variation is rejected");
        if (errors.Any)
        {
            return errors;
        }

        Status = VariationStatus.Rejected;
        DecidedBy = rejectedBy;
        DecidedByName = rejectedByName;
        DecidedAt = now;
        RejectionReason = reason!.Trim();
        return null;
    }

    private Errors? Decided() =>
        Status == VariationStatus.Requested ? null : Errors.For("status", $"The variation was already {Status.ToString().ToLowerInvariant()}");

    private static void Text(Errors errors, string field, string? value, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing + $", up to {max:N0} characters");
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(field, $"Up to {max:N0} characters");
        }
    }
}
