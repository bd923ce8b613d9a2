using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>
/// One supplier as the organisation's spend files name it (by <see cref="SpendTransaction.SupplierKey"/>), with its
/// spend, what it was resolved to in the provider register and how it is classified. Derived data: rebuilt by
/// <see cref="ResolveSuppliers"/> after each import and whenever the register, a decision or the local definition
/// changes; officers' decisions live apart, in <see cref="SupplierDecision"/>, and survive every rebuild.
/// </summary>
public sealed class SpendSupplier : IOrganisationOwned
{
    private SpendSupplier()
    {
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>The normalised name the payments carry; "" for redacted or unnamed payments.</summary>
    public string SupplierKey { get; private set; } = "";

    /// <summary>The name as a spend file wrote it (one of them, when files differ).</summary>
    public string Name { get; private set; } = "";

    public string? CompanyNumber { get; private set; }

    public string? VatNumber { get; private set; }

    public string? Postcode { get; private set; }

    public decimal Total { get; private set; }

    public int Transactions { get; private set; }

    public SupplierStatus Status { get; private set; }

    /// <summary>How it was resolved: company number, charity number, VAT number, exact name, officer, similar name…</summary>
    public string Method { get; private set; } = "";

    public Guid? ProviderId { get; private set; }

    /// <summary>The provider suggested for review, when the status is <see cref="SupplierStatus.ToReview"/>.</summary>
    public Guid? CandidateId { get; private set; }

    public double? Score { get; private set; }

    public bool? IsLocal { get; private set; }

    public string LocalReason { get; private set; } = "";

    public bool? IsSme { get; private set; }

    public bool IsVcse { get; private set; }

    public bool IsPublicSector { get; private set; }

    /// <summary>A private individual, or a supplier redacted to protect one.</summary>
    public bool IsIndividual { get; private set; }

    public DateTime ResolvedAt { get; private set; }

    public static SpendSupplier Create(
        Guid organisationId, SupplierFacts facts, SupplierMatcher.Resolution resolution, SupplierClassifier.Classification classification, DateTime now) => new()
        {
            OrganisationId = organisationId,
            SupplierKey = facts.Key,
            Name = Cut(facts.Name ?? (facts.Key.Length == 0 ? "Redacted or not given" : facts.Key), SpendLimits.Text),
            CompanyNumber = facts.CompanyNumber is null ? null : Cut(facts.CompanyNumber, SpendLimits.Number),
            VatNumber = facts.VatNumber is null ? null : Cut(facts.VatNumber, SpendLimits.Number),
            Postcode = facts.Postcode is null ? null : Cut(facts.Postcode, SpendLimits.Number),
            Total = facts.Total,
            Transactions = facts.Transactions,
            Status = resolution.Status,
            Method = resolution.Method,
            ProviderId = resolution.ProviderId,
            CandidateId = resolution.CandidateId,
            Score = resolution.Score,
            IsLocal = classification.IsLocal,
            LocalReason = Cut(classification.LocalReason, 300),
            IsSme = classification.IsSme,
            IsVcse = classification.IsVcse,
            IsPublicSector = classification.IsPublicSector,
            IsIndividual = classification.IsIndividual,
            ResolvedAt = now,
        };

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}

/// <summary>What the payments say about one supplier: its key, a name, numbers and postcode, and its spend.</summary>
public sealed record SupplierFacts(string Key, string? Name, string? CompanyNumber, string? VatNumber, string? Postcode, decimal Total, int Transactions);

/// <summary>An officer's decision about one supplier, remembered per organisation and reused on every later import.</summary>
public sealed class SupplierDecision : IOrganisationOwned
{
    private SupplierDecision()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string SupplierKey { get; private set; } = "";

    public SupplierDecisionKind Kind { get; private set; }

    /// <summary>The provider accepted, or the suggestion rejected; null for a new supplier.</summary>
    public Guid? ProviderId { get; private set; }

    public DateTime DecidedAt { get; private set; }

    public static SupplierDecision Make(Guid organisationId, string supplierKey, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationId = organisationId,
        SupplierKey = supplierKey,
        DecidedAt = now,
    };

    public void Set(SupplierDecisionKind kind, Guid? providerId, DateTime now)
    {
        Kind = kind;
        ProviderId = kind == SupplierDecisionKind.NewSupplier ? null : providerId;
        DecidedAt = now;
    }
}

/// <summary>How the organisation defines "local" for its spend.</summary>
public enum LocalDefinitionKind
{
    /// <summary>Inside the organisation's own authority area (its Authority and District areas).</summary>
    OwnArea,

    /// <summary>Inside any of a list of local authority districts (ONS codes).</summary>
    Districts,

    /// <summary>Within a radius in kilometres of a postcode.</summary>
    Radius,
}

/// <summary>The organisation's definition of a local supplier, one per organisation; <see cref="LocalDefinitionKind.OwnArea"/> when none is saved.</summary>
public sealed class SpendLocalDefinition : IOrganisationOwned
{
    public const int MaxDistricts = 400;

    private SpendLocalDefinition()
    {
    }

    public Guid OrganisationId { get; private set; }

    public LocalDefinitionKind Kind { get; private set; }

    /// <summary>ONS local authority district codes, comma separated (for <see cref="LocalDefinitionKind.Districts"/>).</summary>
    public string Districts { get; private set; } = "";

    public string? CentrePostcode { get; private set; }

    public decimal? RadiusKm { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<string> DistrictCodes => Districts.Length == 0 ? [] : Districts.Split(',');

    public static SpendLocalDefinition For(Guid organisationId) => new() { OrganisationId = organisationId };

    public Result<bool> Change(LocalDefinitionKind? kind, string? districts, string? centrePostcode, decimal? radiusKm, DateTime now)
    {
        var errors = new Errors();
        if (kind is not { } chosen || !Enum.IsDefined(chosen))
        {
            errors.Add("kind", "Choose how local is defined");
            return errors;
        }

        var codes = (districts ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        string? postcode = null;
        if (chosen == LocalDefinitionKind.Districts)
        {
            if (codes.Count == 0)
            {
                errors.Add("districts", "Enter at least one local authority district code, like E07000041");
            }
            else if (codes.FirstOrDefault(c => c.Length != 9 || !char.IsAsciiLetter(c[0]) || !c[1..].All(char.IsAsciiDigit)) is { } bad)
            {
                errors.Add("districts", $"'{bad}' is not an ONS district code: a letter and 8 digits, like E07000041");
            }
            else if (codes.Count > MaxDistricts)
            {
                errors.Add("districts", $"Enter at most {MaxDistricts} districts");
            }
        }

        if (chosen == LocalDefinitionKind.Radius)
        {
            postcode = Providers.ProviderNumbers.Postcode(centrePostcode).Value;
            if (postcode is null)
            {
                errors.Add("centrePostcode", "Enter the postcode at the centre, like AT1 3CC");
            }

            if (radiusKm is not { } radius || radius <= 0 || radius > 500)
            {
                errors.Add("radiusKm", "Enter a radius in kilometres, more than 0 and at most 500");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        Kind = chosen;
        Districts = chosen == LocalDefinitionKind.Districts ? string.Join(',', codes) : "";
        CentrePostcode = chosen == LocalDefinitionKind.Radius ? postcode : null;
        RadiusKm = chosen == LocalDefinitionKind.Radius ? radiusKm : null;
        UpdatedAt = now;
        return true;
    }
}
