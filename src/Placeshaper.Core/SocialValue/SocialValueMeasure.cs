using Placeshaper.Organisations;

namespace Placeshaper.SocialValue;

/// <summary>What a person or a file says about a social value measure, before it is checked.</summary>
public sealed record MeasureDetails(
    string? Code, string? Theme, string? Outcome, string? Description, string? Unit, decimal? ProxyValue, string? Source, string? Licence, bool Retired = false)
{
    public const int MaxCode = 30;
    public const int MaxTheme = 200;
    public const int MaxOutcome = 200;
    public const int MaxDescription = 1000;
    public const int MaxUnit = 50;
    public const int MaxSource = 1000;
    public const int MaxLicence = 500;

    /// <summary>A proxy value is a price per unit: pounds to at most four decimal places, as money is stored (ADR 0003).</summary>
    public const decimal MaxProxyValue = 1_000_000_000m;

    /// <summary>
    /// Checks every field, keyed by its name in the API. Codes are written in capitals so that "any-01" and "ANY-01"
    /// are one measure; the codes of the shipped PPN 002 rows are kept for them.
    /// </summary>
    public Result<ValidMeasure> Check()
    {
        var errors = new Errors();
        var code = Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length is 0 or > MaxCode || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
        {
            errors.Add("code", $"Enter a code of up to {MaxCode} letters, digits, hyphens, full stops or underscores, like ANY-01");
        }
        else if (code.StartsWith(SocialValueReference.CodePrefix, StringComparison.Ordinal))
        {
            errors.Add("code", $"Codes starting {SocialValueReference.CodePrefix} belong to the shipped PPN 002 reference rows: choose another");
        }

        var theme = Required(errors, "theme", Theme, MaxTheme, "Enter the theme, like \"Jobs\"");
        var outcome = Optional(errors, "outcome", Outcome, MaxOutcome, "The outcome");
        var description = Required(errors, "description", Description, MaxDescription, "Describe what is measured, like \"Local people employed on the contract\"");
        var unit = Required(errors, "unit", Unit, MaxUnit, "Enter the unit counted, like \"people\" or \"hours\"");
        if (ProxyValue is { } proxy && (proxy < 0 || proxy > MaxProxyValue || decimal.Round(proxy, Common.Money.Scale) != proxy))
        {
            errors.Add("proxyValue", "Enter the proxy value in pounds per unit, 0 or more, to at most 4 decimal places");
        }

        var source = Optional(errors, "source", Source, MaxSource, "The source");
        var licence = Optional(errors, "licence", Licence, MaxLicence, "The licence");
        return errors.Any ? errors : new ValidMeasure(code, theme, outcome, description, unit, ProxyValue, source, licence, Retired);
    }

    private static string Required(Errors errors, string field, string? value, int max, string message)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0 || text.Length > max)
        {
            errors.Add(field, $"{message}, up to {max:N0} characters");
        }

        return text;
    }

    private static string? Optional(Errors errors, string field, string? value, int max, string what)
    {
        var text = value?.Trim();
        if (text?.Length > max)
        {
            errors.Add(field, $"{what} can be up to {max:N0} characters");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }
}

/// <summary>A measure's details once checked: what a measure is made from or updated with.</summary>
public sealed record ValidMeasure(
    string Code, string Theme, string? Outcome, string Description, string Unit, decimal? ProxyValue, string? Source, string? Licence, bool Retired);

/// <summary>
/// One of an organisation's own social value measures, such as a licensed TOMs set's or one it wrote itself: what a
/// bidder can commit to deliver, counted in a unit, and optionally the organisation's proxy value for one unit in
/// pounds (information for an evaluation panel, never a score). A retired measure is kept for the tenders and bids
/// that used it but is not offered to new tenders.
/// </summary>
public sealed class SocialValueMeasure : IOrganisationOwned
{
    private SocialValueMeasure()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Unique within the organisation, in capitals, like ANY-01.</summary>
    public string Code { get; private set; } = "";

    public string Theme { get; private set; } = "";

    public string? Outcome { get; private set; }

    public string Description { get; private set; } = "";

    public string Unit { get; private set; } = "";

    /// <summary>Pounds per unit, exact to four decimal places; null when the organisation has none.</summary>
    public decimal? ProxyValue { get; private set; }

    /// <summary>Where the measure and its proxy value come from, so a panel can judge them.</summary>
    public string? Source { get; private set; }

    /// <summary>The terms the measure is used under, such as a TOMs licence.</summary>
    public string? Licence { get; private set; }

    public bool Retired { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static SocialValueMeasure New(Guid organisationId, ValidMeasure details, DateTime now)
    {
        var measure = new SocialValueMeasure { Id = Guid.CreateVersion7(now), OrganisationId = organisationId, Code = details.Code, CreatedAt = now };
        measure.Update(details);
        return measure;
    }

    /// <summary>Takes the details given; true when anything changed.</summary>
    public bool Update(ValidMeasure details)
    {
        var changed = Theme != details.Theme || Outcome != details.Outcome || Description != details.Description || Unit != details.Unit
            || ProxyValue != details.ProxyValue || Source != details.Source || Licence != details.Licence || Retired != details.Retired;
        Theme = details.Theme;
        Outcome = details.Outcome;
        Description = details.Description;
        Unit = details.Unit;
        ProxyValue = details.ProxyValue;
        Source = details.Source;
        Licence = details.Licence;
        Retired = details.Retired;
        return changed;
    }
}
