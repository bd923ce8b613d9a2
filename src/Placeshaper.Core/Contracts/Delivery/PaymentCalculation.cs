using Placeshaper.Organisations;

namespace Placeshaper.Contracts.Delivery;

/// <summary>
/// A stored calculation of one payment period: the terms version used, the approved values it rested on, each part,
/// what is due and the working line by line. Never changed: recalculating after the terms or the data change adds a
/// revision, and the earlier ones stay, so no past schedule is silently rewritten.
/// </summary>
public sealed class PaymentCalculation : IOrganisationOwned
{
    private PaymentCalculation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>1 for the first calculation of the period, then 2, 3…</summary>
    public int Revision { get; private set; }

    public Guid TermsVersionId { get; private set; }

    public int TermsVersion { get; private set; }

    public decimal FixedElement { get; private set; }

    public decimal OutcomePayments { get; private set; }

    public decimal Credits { get; private set; }

    public decimal Due { get; private set; }

    /// <summary>What gain-share repaid of the provider's investment in this period.</summary>
    public decimal InvestmentRecovered { get; private set; }

    /// <summary>The approved values used, one a line: "KPI 2 2026-04-01 = 12 (observation id)".</summary>
    public string Inputs { get; private set; } = "";

    /// <summary>The working, one step a line.</summary>
    public string Working { get; private set; } = "";

    public DateTime CalculatedAt { get; private set; }

    public Guid? CalculatedBy { get; private set; }

    public IReadOnlyList<string> WorkingLines => Working.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> InputLines => Inputs.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static PaymentCalculation From(Contract contract, PaymentTermsVersion version, PaymentSchedule.Worked worked, int revision, Guid? personId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = contract.OrganisationId,
        ContractId = contract.Id,
        PeriodStart = worked.PeriodStart,
        PeriodEnd = worked.PeriodEnd,
        Revision = revision,
        TermsVersionId = version.Id,
        TermsVersion = version.Version,
        FixedElement = worked.FixedElement,
        OutcomePayments = worked.OutcomePayments,
        Credits = worked.Credits,
        Due = worked.Due,
        InvestmentRecovered = worked.InvestmentRecovered,
        Inputs = string.Join('\n', worked.Inputs.Select(i => $"KPI {i.KpiNumber} {i.PeriodStart:yyyy-MM-dd} = {i.Value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)} ({i.ObservationId})")),
        Working = string.Join('\n', worked.Working),
        CalculatedAt = now,
        CalculatedBy = personId,
    };

    /// <summary>Whether it rests on the same figures as <paramref name="other"/>: then recalculating adds nothing.</summary>
    public bool SameAs(PaymentCalculation other) =>
        TermsVersionId == other.TermsVersionId && Inputs == other.Inputs && Due == other.Due && FixedElement == other.FixedElement
        && OutcomePayments == other.OutcomePayments && Credits == other.Credits;
}

/// <summary>What was actually paid for a period, as recorded by hand until spend data is linked.</summary>
public sealed class ContractPayment : IOrganisationOwned
{
    public const int MaxReference = 100;

    private ContractPayment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public string Reference { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    public Guid? RecordedBy { get; private set; }

    public sealed record Input(decimal? Amount, DateOnly? PaidOn, string? Reference);

    private static string Term(Contract contract) =>
        (contract.StartDate, contract.CurrentExpiry) switch
        {
            ({ } start, { } expiry) => $", {start:d MMMM yyyy} to {expiry:d MMMM yyyy}",
            ({ } start, null) => $", from {start:d MMMM yyyy}",
            (null, { } expiry) => $", to {expiry:d MMMM yyyy}",
            _ => "",
        };

    public static Result<ContractPayment> Record(Contract contract, DateOnly periodStart, Input input, Guid? personId, DateTime now)
    {
        var errors = new Errors();
        if (input.Amount is not { } amount || amount < 0 || decimal.Round(amount, 2) != amount || amount > Providers.ProviderDetails.MaxAmount)
        {
            errors.Add("amount", "Enter the amount paid in pounds and pence, not negative");
        }

        if (input.PaidOn is not { } paidOn)
        {
            errors.Add("paidOn", "Enter the date it was paid");
        }
        else if (paidOn > now.UkDate())
        {
            errors.Add("paidOn", "The date paid cannot be in the future");
        }

        if (string.IsNullOrWhiteSpace(input.Reference) || input.Reference.Trim().Length > MaxReference)
        {
            errors.Add("reference", $"Enter the payment's reference, such as the invoice or remittance number, up to {MaxReference} characters");
        }

        // A payment period is at most a year long, so one that overlaps the term starts no earlier than a year before it.
        if ((contract.StartDate is { } start && periodStart < start.AddYears(-1)) || (contract.CurrentExpiry is { } expiry && periodStart > expiry))
        {
            errors.Add("periodStart", $"The payment period must fall within the contract's term{Term(contract)}");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new ContractPayment
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            PeriodStart = periodStart,
            Amount = input.Amount!.Value,
            PaidOn = input.PaidOn!.Value,
            Reference = input.Reference!.Trim(),
            RecordedAt = now,
            RecordedBy = personId,
        };
    }
}
