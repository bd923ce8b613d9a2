using System.Globalization;
using Placeshaper.Common;
using Placeshaper.Organisations;
using Placeshaper.Shared;

namespace Placeshaper.Calculators;

/// <summary>
/// What the payment mechanism calculator pages share: reading what people type (pounds, percentages, plain numbers)
/// into the rules' inputs, and placing the rules' errors, which name JSON fields such as <c>kpis[1].minimum</c>,
/// beside the inputs of the row that was typed.
/// </summary>
public abstract class PaymentCalculatorPage(OrganisationContext context) : FormPage
{
    public string Slug => context.Slug;

    /// <summary>Pounds as typed ("£1,250.50"); null, with the field's error, when it is not an amount or is required and empty.</summary>
    protected decimal? Pounds(string field, string? text, string message, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? Invalid(field, message) : null;
        }

        return Money.TryParse(text, out var pounds) ? pounds : Invalid(field, message);
    }

    /// <summary>A percentage as typed ("20" or "20%") as a fraction (0.2).</summary>
    protected decimal? Fraction(string field, string? text, string message, bool required = true) =>
        Figure(field, text?.Trim().TrimEnd('%'), message, required) is { } percent ? percent / 100 : null;

    /// <summary>A plain number as typed ("95", "-3.5", "1,200").</summary>
    protected decimal? Figure(string field, string? text, string message, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? Invalid(field, message) : null;
        }

        var cleaned = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("\u2212", "-", StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : Invalid(field, message);
    }

    protected int? Whole(string field, string? text, string message, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? (int?)Invalid(field, message) : null;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : (int?)Invalid(field, message);
    }

    protected decimal? Invalid(string field, string message)
    {
        AddError(field, message);
        return null;
    }

    protected static bool Typed(params string?[] texts) => texts.Any(t => !string.IsNullOrWhiteSpace(t));

    /// <summary>
    /// "kpis[1].minimum" → "kpi-3-minimum" when the rule's second KPI came from the page's fourth row. A field with a
    /// further part ("outcomes[0].achieved.2") keeps it, dotted parts joined by dashes; the list itself goes to the first
    /// row's <paramref name="firstPart"/>.
    /// </summary>
    protected static string RowField(string field, string list, string prefix, IReadOnlyList<int> rowOfInput, string firstPart)
    {
        if (field == list)
        {
            return $"{prefix}-{(rowOfInput.Count > 0 ? rowOfInput[0] : 0)}-{firstPart}";
        }

        if (!field.StartsWith(list + "[", StringComparison.Ordinal))
        {
            return field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        var input = int.Parse(field[(list.Length + 1)..close], CultureInfo.InvariantCulture);
        var part = close + 2 < field.Length ? field[(close + 2)..].Replace('.', '-') : firstPart;
        return $"{prefix}-{(input < rowOfInput.Count ? rowOfInput[input] : input)}-{part}";
    }
}
