using System.Text.RegularExpressions;
using Placeshaper.Organisations;

namespace Placeshaper.Needs;

/// <summary>Which way is good: it decides the colours of charts and whether a change is an improvement.</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,

    /// <summary>Context, not performance: population counts, for instance.</summary>
    NoJudgement,
}

/// <summary>A measure of local need: what is counted, in what unit, from which source under which licence.</summary>
public sealed partial class Indicator : IOrganisationOwned
{
    private Indicator()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>A short key used in files and URLs, e.g. <c>falls-65</c>.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>e.g. "%", "per 100,000", "people".</summary>
    public string Unit { get; private set; } = "";

    public Polarity Polarity { get; private set; }

    /// <summary>Where the figures come from, e.g. "OHID Fingertips, Public Health Outcomes Framework".</summary>
    public string Source { get; private set; } = "";

    public string? SourceUrl { get; private set; }

    /// <summary>The terms the figures are published under, e.g. "Open Government Licence v3.0".</summary>
    public string Licence { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Result<Indicator> Define(Guid organisationId, string? code, string? name, string? unit, Polarity polarity, string? source, string? sourceUrl, string? licence, DateTime now)
    {
        var errors = new Errors();
        code = code?.Trim().ToLowerInvariant() ?? "";
        if (!CodePattern().IsMatch(code))
        {
            errors.Add("code", "Enter a short code of 2 to 40 lower-case letters, digits and hyphens, like falls-65");
        }

        Check(errors, "name", name, 200, "Enter the indicator's name");
        Check(errors, "unit", unit, 40, "Enter the unit, like % or per 100,000");
        Check(errors, "source", source, 300, "Enter where the figures come from");
        Check(errors, "licence", licence, 200, "Enter the licence the figures are published under, like Open Government Licence v3.0");
        if (!string.IsNullOrWhiteSpace(sourceUrl) && !Uri.TryCreate(sourceUrl.Trim(), UriKind.Absolute, out _))
        {
            errors.Add("sourceUrl", "Enter the source's web address, starting https://");
        }

        return errors.Any
            ? errors
            : new Indicator
            {
                Id = Guid.CreateVersion7(now),
                OrganisationId = organisationId,
                Code = code,
                Name = name!.Trim(),
                Unit = unit!.Trim(),
                Polarity = polarity,
                Source = source!.Trim(),
                SourceUrl = string.IsNullOrWhiteSpace(sourceUrl) ? null : sourceUrl.Trim(),
                Licence = licence!.Trim(),
                CreatedAt = now,
            };
    }

    private static void Check(Errors errors, string field, string? value, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            errors.Add(field, $"{message}, up to {max} characters");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}

/// <summary>One figure: an indicator's value for an area in a period.</summary>
public sealed class IndicatorValue : IOrganisationOwned
{
    private IndicatorValue()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid IndicatorId { get; private set; }

    public Guid AreaId { get; private set; }

    /// <summary>The period as written in <see cref="Period"/>'s canonical form, e.g. "2024/25".</summary>
    public string Period { get; private set; } = "";

    /// <summary>First day of the period, for ordering periods of different kinds on one time line.</summary>
    public DateOnly PeriodStart { get; private set; }

    public decimal Value { get; private set; }

    /// <summary>Figures are kept to six decimal places, the precision both databases store.</summary>
    public const int Places = 6;

    /// <summary>The largest figure accepted, well inside what both databases store at six places.</summary>
    public const decimal Largest = 1_000_000_000_000m;

    /// <summary>Rounds a figure to the stored precision, half away from zero; null when it is too large to be a statistic.</summary>
    public static decimal? Normalise(decimal value) =>
        Math.Abs(value) > Largest ? null : Math.Round(value, Places, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Reads a figure as files and people write it ("10,800", "-3.5"), rounded to the stored precision; null when
    /// it is not a number or too large to be a statistic. Imports and hand entry share this rule.
    /// </summary>
    public static decimal? Parse(string? text) =>
        decimal.TryParse(text?.Trim(), System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out var raw)
            ? Normalise(raw)
            : null;

    internal static IndicatorValue New(Guid organisationId, Guid indicatorId, Guid areaId, Period period, decimal value, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        IndicatorId = indicatorId,
        AreaId = areaId,
        Period = period.Label,
        PeriodStart = period.Start,
        Value = value,
    };

    internal bool Update(decimal value)
    {
        if (Value == value)
        {
            return false;
        }

        Value = value;
        return true;
    }
}
