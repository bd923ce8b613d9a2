using System.Globalization;
using System.Text.RegularExpressions;
using Placeshaper.Organisations;

namespace Placeshaper.Benchmarks;

/// <summary>What a benchmark figure measures.</summary>
public enum FigureKind
{
    /// <summary>A provider's result on a key performance indicator, e.g. visits on time (%).</summary>
    Kpi = 1,

    /// <summary>Residents' rating of a provider, e.g. 4.2 stars of 5.</summary>
    Rating = 2,

    /// <summary>A unit cost, e.g. cost per hour of home care (GBP per hour).</summary>
    UnitCost = 3,
}

/// <summary>
/// One figure in an organisation's benchmark dataset: a provider's KPI result, residents' rating or unit cost for a
/// service category and period. Figures the organisation contributes itself have no <see cref="Contributor"/>; figures
/// it imported from an installation elsewhere name their contributor as that file did, and only it sees them.
/// </summary>
public sealed partial class BenchmarkFigure : IOrganisationOwned
{
    public const int MaxText = 200;

    private BenchmarkFigure()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The organisation that holds the figure: its contributor, or the one that imported it from elsewhere.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Null for the organisation's own figures; the contributing organisation as named in an imported file otherwise.</summary>
    public string? Contributor { get; private set; }

    /// <summary>For an imported figure, whether its contributor agreed to be named; own figures follow the sharing setting.</summary>
    public bool ContributorNamed { get; private set; }

    public string Category { get; private set; } = "";

    /// <summary>A financial year like <c>2025-26</c>, or a quarter of one like <c>2025-26 Q1</c>.</summary>
    public string Period { get; private set; } = "";

    public FigureKind Kind { get; private set; }

    public string Measure { get; private set; } = "";

    public string Unit { get; private set; } = "";

    /// <summary>The provider the figure is about; "" for a figure about the organisation's own spending as a whole.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>Whether the provider agreed to be named where its organisation is named.</summary>
    public bool ProviderNamed { get; private set; }

    public decimal Value { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>The figure as a file or form gives it, every field as text, for checking.</summary>
    public sealed record Input(string? Category, string? Period, string? Measure, string? Kind, string? Unit, string? Value, string? Provider, string? ProviderNamed,
        string? Contributor, string? ContributorNamed);

    /// <summary>What identifies a figure in an organisation's dataset, so importing the same file twice adds nothing.</summary>
    public (string? Contributor, string Category, string Period, string Measure, string Provider) Key => (Contributor, Category, Period, Measure, Provider);

    public static Result<BenchmarkFigure> From(Guid organisationId, string organisationName, Input input, DateTime now)
    {
        var errors = new Errors();
        var category = ServiceCategories.Find(input.Category);
        if (category is null)
        {
            errors.Add("category", $"\"{input.Category}\" is not a service category: {string.Join(", ", ServiceCategories.All.Select(c => c.Code))}");
        }

        var period = input.Period?.Trim() ?? "";
        if (!IsPeriod(period))
        {
            errors.Add("period", $"\"{input.Period}\" is not a period like 2025-26 or 2025-26 Q1");
        }

        var measure = input.Measure?.Trim() ?? "";
        if (measure.Length is 0 or > MaxText)
        {
            errors.Add("measure", $"Enter what is measured, up to {MaxText} characters");
        }

        FigureKind? kind = input.Kind?.Trim().ToLowerInvariant() switch
        {
            "kpi" => FigureKind.Kpi,
            "rating" => FigureKind.Rating,
            "unit-cost" => FigureKind.UnitCost,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add("kind", $"\"{input.Kind}\" is not a kind: kpi, rating or unit-cost");
        }

        var unit = input.Unit?.Trim() ?? "";
        if (unit.Length is 0 or > MaxText)
        {
            errors.Add("unit", $"Enter the unit, like \"GBP per hour\" or \"%\", up to {MaxText} characters");
        }

        if (!decimal.TryParse(input.Value?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add("value", $"\"{input.Value}\" is not a number (use \".\" for decimals)");
        }
        else if (kind == FigureKind.UnitCost && value < 0)
        {
            errors.Add("value", "A unit cost cannot be negative");
        }
        else if (kind == FigureKind.Rating && value is < 1 or > 5)
        {
            errors.Add("value", "A rating is from 1 to 5 stars");
        }

        var provider = input.Provider?.Trim() ?? "";
        if (provider.Length > MaxText)
        {
            errors.Add("provider", $"The provider's name can be up to {MaxText} characters");
        }

        var providerNamed = YesNo(input.ProviderNamed, "provider_named", errors);
        var contributor = input.Contributor?.Trim() ?? "";
        if (contributor.Length > MaxText)
        {
            errors.Add("contributor", $"The contributor's name can be up to {MaxText} characters");
        }

        var contributorNamed = YesNo(input.ContributorNamed, "contributor_named", errors);
        if (errors.Any)
        {
            return errors;
        }

        var own = contributor.Length == 0 || string.Equals(contributor, organisationName, StringComparison.OrdinalIgnoreCase);
        return new BenchmarkFigure
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Contributor = own ? null : contributor,
            ContributorNamed = !own && contributorNamed,
            Category = category!.Code,
            Period = period,
            Kind = kind!.Value,
            Measure = measure,
            Unit = unit,
            Provider = provider,
            ProviderNamed = providerNamed,
            Value = value,
            RecordedAt = now,
        };
    }

    /// <summary>Takes the value (and naming) of the same figure imported again; true when anything changed.</summary>
    public bool Update(BenchmarkFigure from, DateTime now)
    {
        if (Value == from.Value && Unit == from.Unit && Kind == from.Kind && ProviderNamed == from.ProviderNamed && ContributorNamed == from.ContributorNamed)
        {
            return false;
        }

        (Value, Unit, Kind, ProviderNamed, ContributorNamed, RecordedAt) = (from.Value, from.Unit, from.Kind, from.ProviderNamed, from.ContributorNamed, now);
        return true;
    }

    public static string KindCode(FigureKind kind) => kind switch
    {
        FigureKind.Kpi => "kpi",
        FigureKind.Rating => "rating",
        _ => "unit-cost",
    };

    public static bool IsPeriod(string period)
    {
        var match = PeriodPattern().Match(period);
        return match.Success
            && (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1) % 100 == int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    private static bool YesNo(string? text, string field, Errors errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "no" or "false":
                return false;
            case "yes" or "true":
                return true;
            default:
                errors.Add(field, $"\"{text}\" is not yes or no");
                return false;
        }
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})(?: Q[1-4])?$")]
    private static partial Regex PeriodPattern();
}
