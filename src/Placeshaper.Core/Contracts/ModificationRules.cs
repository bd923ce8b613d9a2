namespace Placeshaper.Contracts;

/// <summary>A below-threshold modification limit: how far the value may move, as a ratio of the original, and where it comes from.</summary>
public sealed record ModificationLimit(ContractNature Nature, decimal Ratio, string Source, DateOnly Checked);

/// <summary>A ground on which a modification beyond the limit may still be made, and where the Act gives it.</summary>
public sealed record LegalBasis(string Code, string Name, string Source);

/// <summary>
/// Reference data for contract variations under the Procurement Act 2023, with what was checked and how. Section 74(1)
/// lets an authority modify a public contract if the modification is a permitted modification (Schedule 8), is not a
/// substantial modification, or is a below-threshold modification. The 10% and 15% figures were checked on 22 November
/// 2026 only in secondary sources (Local Government Lawyer, "Modification of contracts existing before the go-live date
/// of the Procurement Act 2023"; Thornton &amp; Lowe, "Contract Amendments", 5 December 2024), which agree: an increase or
/// decrease of the estimated value of not more than 10% for goods or services or 15% for works, in aggregate with other
/// modifications. The primary text of section 74 could not be read, so its subsection is not cited.
/// </summary>
public static class ModificationRules
{
    public static readonly DateOnly Checked = new(2026, 11, 22);

    private const string LimitSource =
        "Procurement Act 2023 s.74(1): a below-threshold modification. Figure checked in secondary sources (Local Government Lawyer; Thornton & Lowe, 5 December 2024), not in the Act's own text";

    public static readonly IReadOnlyList<ModificationLimit> Limits =
    [
        new(ContractNature.Goods, 0.10m, LimitSource, Checked),
        new(ContractNature.Services, 0.10m, LimitSource, Checked),
        new(ContractNature.Works, 0.15m, LimitSource, Checked),
    ];

    /// <summary>
    /// The grounds a person can record when the cumulative change goes beyond the limit. Schedule 8 paragraphs 1, 2, 4
    /// and 5 were read in the Act as enacted on legislation.gov.uk (ukpga/2023/54/schedule/8); the others are named as
    /// the Cabinet Office and practitioners' guides name them, without a paragraph number that could not be checked.
    /// Anything else is recorded as "other: " and the reason.
    /// </summary>
    public static readonly IReadOnlyList<LegalBasis> Bases =
    [
        new("provided-for", "Provided for in the contract", "Procurement Act 2023 Schedule 8 paragraph 1"),
        new("urgency", "Urgency and the protection of life", "Procurement Act 2023 Schedule 8 paragraph 2"),
        new("unforeseeable", "Unforeseeable circumstances (up to 50% of the value)", "Procurement Act 2023 Schedule 8 paragraph 4"),
        new("known-risk", "Materialisation of a known risk (up to 50% of the value)", "Procurement Act 2023 Schedule 8 paragraph 5"),
        new("additional", "Additional goods, services or works", "Procurement Act 2023 Schedule 8"),
        new("restructuring", "Transfer on corporate restructuring", "Procurement Act 2023 Schedule 8"),
        new("not-substantial", "Not a substantial modification", "Procurement Act 2023 s.74(1)"),
        new("light-touch", "Light touch contract", "Cabinet Office guidance on contract modifications: light touch contracts may be modified without one of the grounds"),
    ];

    public const string OtherPrefix = "other:";

    public const int MaxBasis = 1000;

    public static ModificationLimit For(ContractNature nature) => Limits.Single(l => l.Nature == nature);

    /// <summary>Checks a recorded legal basis: one of <see cref="Bases"/> by code, or "other: " and why.</summary>
    public static Errors? CheckBasis(string? basis)
    {
        var text = basis?.Trim() ?? "";
        if (Bases.Any(b => b.Code == text))
        {
            return null;
        }

        if (text.StartsWith(OtherPrefix, StringComparison.OrdinalIgnoreCase) && text[OtherPrefix.Length..].Trim().Length > 0 && text.Length <= MaxBasis)
        {
            return null;
        }

        return Errors.For("legalBasis", $"The cumulative change goes beyond the Procurement Act 2023's below-threshold limit: record the legal basis, one of {string.Join(", ", Bases.Select(b => b.Code))}, or \"other: \" and the reason (up to {MaxBasis:N0} characters)");
    }

    /// <summary>How a legal basis reads to a person.</summary>
    public static string Describe(string basis) =>
        Bases.FirstOrDefault(b => b.Code == basis) is { } known ? $"{known.Name} ({known.Source})" : basis;
}

/// <summary>
/// Where a contract's value stands against its original after the approved variations: the cumulative change as an
/// amount and a ratio of the original (4 dp), the current value, and whether it is beyond the limit for its nature.
/// </summary>
public sealed record VariationLedger(decimal? OriginalValue, decimal CumulativeChange, decimal? Ratio, decimal? CurrentValue, ModificationLimit Limit)
{
    /// <summary>Beyond the limit, or unknown because the original value is not known or is nothing.</summary>
    public bool OverLimit => CumulativeChange != 0 && (OriginalValue is not > 0 || Math.Abs(CumulativeChange) > Limit.Ratio * OriginalValue.Value);

    /// <summary>The ledger after <paramref name="changes"/>, the approved value changes in order.</summary>
    public static VariationLedger Of(decimal? originalValue, ContractNature nature, IEnumerable<decimal> changes)
    {
        var cumulative = changes.Sum();
        decimal? ratio = originalValue is > 0 and { } original ? decimal.Round(Math.Abs(cumulative) / original, 4, MidpointRounding.AwayFromZero) : null;
        return new(originalValue, cumulative, ratio, originalValue + cumulative, ModificationRules.For(nature));
    }
}
