using System.Text.Json;
using Placeshaper.Organisations;

namespace Placeshaper.Evaluation;

/// <summary>
/// A bidder's financial standing as checked for one tender, proportionate to the contract: by default turnover of at
/// least twice the annual value (<see cref="FinancialStanding"/>). Kept with the figures it was checked on, so the
/// award decision rests on what the officer saw; checking again replaces it, and the audit trail keeps each check.
/// A bid that does not meet it is left out of the ranking, as a bidder that fails a condition of participation.
/// </summary>
public sealed class SupplierCheck : IOrganisationOwned
{
    public const int MaxText = 2000;

    public const int MaxName = 200;

    /// <summary>The most a turnover or value can be: £1 trillion, more than any supplier's, so typing errors show.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    private SupplierCheck()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid TenderId { get; private set; }

    public Guid BidId { get; private set; }

    public Guid ProviderId { get; private set; }

    /// <summary>The contract's value for one year, including VAT, that the check is against.</summary>
    public decimal AnnualValue { get; private set; }

    /// <summary>How the annual value was arrived at, in words.</summary>
    public string AnnualValueBasis { get; private set; } = "";

    public decimal TurnoverMultiple { get; private set; } = FinancialStanding.DefaultTurnoverMultiple;

    /// <summary>The bidder's own turnover as checked: from its latest accounts or the provider register.</summary>
    public decimal? Turnover { get; private set; }

    /// <summary>Each consortium member's name and turnover as the register held them, as JSON.</summary>
    public string MembersJson { get; private set; } = "[]";

    public string GuarantorName { get; private set; } = "";

    public decimal? GuarantorTurnover { get; private set; }

    public string OverrideReason { get; private set; } = "";

    public FinancialStanding.Outcome Outcome { get; private set; }

    /// <summary>The turnover needed: the annual value times the multiple, to the penny.</summary>
    public decimal Required { get; private set; }

    public string Explanation { get; private set; } = "";

    public Guid CheckedBy { get; private set; }

    public DateTime CheckedAt { get; private set; }

    public sealed record Member(string Name, decimal? Turnover);

    public IReadOnlyList<Member> Members => JsonSerializer.Deserialize<List<Member>>(MembersJson) ?? [];

    public bool Passes => Outcome is FinancialStanding.Outcome.Meets or FinancialStanding.Outcome.MeetsAsConsortium
        or FinancialStanding.Outcome.MeetsWithGuarantee or FinancialStanding.Outcome.AcceptedWithReason;

    /// <summary>Fails a condition of participation: the bid is left out of the ranking.</summary>
    public bool Excludes => Outcome == FinancialStanding.Outcome.DoesNotMeet;

    /// <summary>What an officer enters; blanks fall back to the suggested annual value and the register's turnover.</summary>
    public sealed record Figures(decimal? AnnualValue, decimal? Turnover, string? GuarantorName, decimal? GuarantorTurnover, string? OverrideReason, decimal? TurnoverMultiple = null);

    /// <summary>What the register and the tender say before an officer enters anything.</summary>
    public sealed record Known(Guid OrganisationId, Guid TenderId, Guid BidId, Guid ProviderId, AnnualValue.Suggestion AnnualValue, decimal? RegisterTurnover, IReadOnlyList<Member> Members);

    public static Result<SupplierCheck> Record(SupplierCheck? previous, Known known, Figures figures, Guid personId, DateTime now)
    {
        var errors = Validate(figures);
        if (errors.Any)
        {
            return errors;
        }

        var annualValue = figures.AnnualValue ?? known.AnnualValue.Value;
        var basis = figures.AnnualValue is { } entered && entered != known.AnnualValue.Value
            ? $"Entered by the officer (the tender suggests {Calculators.Rounding.Pounds(known.AnnualValue.Value)}: {known.AnnualValue.Basis})"
            : known.AnnualValue.Basis;
        var multiple = figures.TurnoverMultiple ?? FinancialStanding.DefaultTurnoverMultiple;
        var turnover = figures.Turnover ?? known.RegisterTurnover;
        var guarantor = figures.GuarantorName?.Trim() ?? "";
        var result = FinancialStanding.Check(new FinancialStanding.Input(
            annualValue,
            turnover,
            known.Members.Count > 0 ? known.Members.Select(m => m.Turnover).ToList() : null,
            guarantor.Length > 0 ? figures.GuarantorTurnover : null,
            figures.OverrideReason,
            multiple));

        var check = previous ?? new SupplierCheck
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = known.OrganisationId,
            TenderId = known.TenderId,
            BidId = known.BidId,
            ProviderId = known.ProviderId,
        };
        check.AnnualValue = annualValue;
        check.AnnualValueBasis = basis;
        check.TurnoverMultiple = multiple;
        check.Turnover = turnover;
        check.MembersJson = JsonSerializer.Serialize(known.Members);
        check.GuarantorName = guarantor;
        check.GuarantorTurnover = guarantor.Length > 0 ? figures.GuarantorTurnover : null;
        check.OverrideReason = result.Outcome == FinancialStanding.Outcome.AcceptedWithReason ? figures.OverrideReason!.Trim() : "";
        check.Outcome = result.Outcome;
        check.Required = result.Required;
        check.Explanation = result.Explanation;
        check.CheckedBy = personId;
        check.CheckedAt = now;
        return check;
    }

    private static Errors Validate(Figures figures)
    {
        var errors = new Errors();
        Amount(errors, "annualValue", figures.AnnualValue, "The annual value", allowZero: false);
        Amount(errors, "turnover", figures.Turnover, "Turnover", allowZero: true);
        Amount(errors, "guarantorTurnover", figures.GuarantorTurnover, "The guarantor's turnover", allowZero: true);
        var guarantor = figures.GuarantorName?.Trim() ?? "";
        if (guarantor.Length > MaxName)
        {
            errors.Add("guarantorName", $"The guarantor's name can be up to {MaxName} characters");
        }

        if (guarantor.Length > 0 && figures.GuarantorTurnover is null)
        {
            errors.Add("guarantorTurnover", "Enter the guarantor's turnover, or leave out the guarantor");
        }

        if (guarantor.Length == 0 && figures.GuarantorTurnover is not null)
        {
            errors.Add("guarantorName", "Name the guarantor whose turnover this is");
        }

        if (figures.OverrideReason?.Length > MaxText)
        {
            errors.Add("overrideReason", $"The reason can be up to {MaxText:N0} characters");
        }

        if (figures.TurnoverMultiple is { } multiple && (multiple <= 0 || multiple > 10))
        {
            errors.Add("turnoverMultiple", "Enter a multiple of the annual value above 0 and up to 10");
        }

        return errors;
    }

    private static void Amount(Errors errors, string field, decimal? value, string what, bool allowZero)
    {
        if (value is not { } amount)
        {
            return;
        }

        if (amount < 0 || !allowZero && amount == 0)
        {
            errors.Add(field, $"{what} must be {(allowZero ? "zero or more" : "more than zero")}");
        }
        else if (amount > MaxAmount)
        {
            errors.Add(field, $"{what} can be up to £1 trillion");
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, $"{what} must be in pounds and pence");
        }
    }
}
