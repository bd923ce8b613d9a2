using Placeshaper.Bids;
using Placeshaper.Contracts;
using Placeshaper.Organisations;
using Placeshaper.Tenders;

namespace Placeshaper.SocialValue.Delivery;

/// <summary>
/// What a contract's provider promised to deliver in social value: a quantity of a measure (12 local apprenticeships),
/// in its unit, with the buyer's proxy value for one unit when the measure has one, by a due date. An awarded contract
/// takes its obligations from the winning bid's commitments (issue 6, item 7: "the bid's social value commitments
/// become contract obligations"); the contract manager adds them to imported contracts and can correct them.
/// </summary>
public sealed class SocialValueObligation : IOrganisationOwned
{
    public const int MaxMeasure = 300;
    public const int MaxTheme = MeasureDetails.MaxTheme;
    public const int MaxUnit = MeasureDetails.MaxUnit;
    public const decimal MaxQuantity = 1_000_000_000m;

    private SocialValueObligation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The measure's code when it counts towards one of the buyer's measures; null for a commitment in the bidder's own words.</summary>
    public string? MeasureCode { get; private set; }

    /// <summary>The measure's theme, like "Local jobs"; "Other" when it has no measure.</summary>
    public string Theme { get; private set; } = "";

    /// <summary>What is promised, in words.</summary>
    public string Measure { get; private set; } = "";

    public string Unit { get; private set; } = "";

    public decimal CommittedQuantity { get; private set; }

    /// <summary>Pounds per unit, exact to four decimal places, from the measure; null when it has none.</summary>
    public decimal? ProxyValue { get; private set; }

    /// <summary>When the whole quantity is due; null means by the end of the contract.</summary>
    public DateOnly? DueBy { get; private set; }

    /// <summary>How it came: "award" (the winning bid), "officer" or "demo".</summary>
    public string Source { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>An obligation as given by a person or the API, before it is checked.</summary>
    public sealed record Input(string? MeasureCode, string? Theme, string? Measure, string? Unit, decimal? CommittedQuantity, decimal? ProxyValue, DateOnly? DueBy);

    /// <summary>The exact value promised at the proxy value, or null without one.</summary>
    public decimal? CommittedValue => ProxyValue is { } perUnit ? CommittedQuantity * perUnit : null;

    /// <summary>
    /// The winning bid's commitment as a contract obligation: its measure's theme and proxy value as the tender fixed
    /// them (the copy made when the tender was published, not the organisation's measure as it is now), due by the
    /// contract's end.
    /// </summary>
    public static SocialValueObligation FromCommitment(Contract contract, BidContent.Commitment commitment, TenderSocialValueMeasure? measure, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = contract.OrganisationId,
        ContractId = contract.Id,
        MeasureCode = measure?.Code,
        Theme = measure?.Theme ?? "Other",
        Measure = commitment.Measure,
        Unit = commitment.Unit,
        CommittedQuantity = commitment.Quantity,
        ProxyValue = measure?.ProxyValue,
        DueBy = contract.EndDate,
        Source = "award",
        CreatedAt = now,
    };

    /// <summary>
    /// An obligation the contract manager adds, for instance to an imported contract. With a measure code, the
    /// organisation's measure gives the theme, the unit and the proxy value unless they are given.
    /// </summary>
    public static Result<SocialValueObligation> Create(Contract contract, Input input, SocialValueMeasure? measure, string source, DateTime now)
    {
        var obligation = new SocialValueObligation
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = contract.OrganisationId,
            ContractId = contract.Id,
            Source = source,
            CreatedAt = now,
        };
        var errors = obligation.Apply(contract, input, measure);
        return errors is null ? obligation : errors;
    }

    /// <summary>Corrects the obligation; reports already made against it stay as they are.</summary>
    public Errors? Change(Contract contract, Input input, SocialValueMeasure? measure) => Apply(contract, input, measure);

    private Errors? Apply(Contract contract, Input input, SocialValueMeasure? measure)
    {
        var errors = new Errors();
        var code = string.IsNullOrWhiteSpace(input.MeasureCode) ? null : input.MeasureCode.Trim().ToUpperInvariant();
        if (code is not null && measure is null)
        {
            errors.Add("measureCode", "Choose one of your organisation's social value measures, or none and describe the obligation");
        }

        var theme = (input.Theme?.Trim() is { Length: > 0 } t ? t : measure?.Theme) ?? "Other";
        if (theme.Length > MaxTheme)
        {
            errors.Add("theme", $"The theme can be up to {MaxTheme:N0} characters");
        }

        var what = input.Measure?.Trim() is { Length: > 0 } m ? m : measure?.Description;
        if (string.IsNullOrEmpty(what) || what.Length > MaxMeasure)
        {
            errors.Add("measure", $"Say what is promised, up to {MaxMeasure} characters, like \"apprenticeships for local people\"");
        }

        var unit = input.Unit?.Trim() is { Length: > 0 } u ? u : measure?.Unit;
        if (string.IsNullOrEmpty(unit) || unit.Length > MaxUnit)
        {
            errors.Add("unit", $"Enter the unit, up to {MaxUnit} characters, like \"people\" or \"hours\"");
        }

        if (input.CommittedQuantity is not { } quantity || quantity <= 0 || quantity > MaxQuantity || decimal.Round(quantity, 2) != quantity)
        {
            errors.Add("committedQuantity", "Enter how many or how much was promised, greater than zero, to at most 2 decimal places");
        }

        var proxy = input.ProxyValue ?? measure?.ProxyValue;
        if (proxy is { } p && (p < 0 || p > MeasureDetails.MaxProxyValue || decimal.Round(p, Money.Scale) != p))
        {
            errors.Add("proxyValue", "Enter the proxy value in pounds per unit, 0 or more, to at most 4 decimal places");
        }

        if (input.DueBy is { } due && contract.StartDate is { } start && due < start)
        {
            errors.Add("dueBy", $"The contract starts on {start:yyyy-MM-dd}: the obligation cannot fall due before then");
        }

        if (errors.Any)
        {
            return errors;
        }

        MeasureCode = measure?.Code;
        Theme = theme;
        Measure = what!;
        Unit = unit!;
        CommittedQuantity = input.CommittedQuantity!.Value;
        ProxyValue = proxy;
        DueBy = input.DueBy ?? contract.EndDate;
        return null;
    }
}
