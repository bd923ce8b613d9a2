using Placeshaper.Providers;

namespace Placeshaper.Spend;

/// <summary>Where a supplier named in spend files stands against the provider register.</summary>
public enum SupplierStatus
{
    /// <summary>Matched to a provider by number, exact name or an officer's acceptance.</summary>
    Resolved,

    /// <summary>A provider's name is similar enough to be worth an officer's look; never counted as a match until accepted.</summary>
    ToReview,

    /// <summary>No provider matches (or the officer rejected the suggestion).</summary>
    Unresolved,

    /// <summary>An officer said this is a supplier the register does not hold.</summary>
    NewSupplier,

    /// <summary>Payments whose supplier was redacted or not given.</summary>
    Redacted,
}

/// <summary>What an officer decided about a supplier: remembered per organisation and applied at every later resolution.</summary>
public enum SupplierDecisionKind
{
    Accept,
    Reject,
    NewSupplier,
}

/// <summary>
/// Matches one supplier from spend files to the provider register, precision before recall: by Companies House or
/// charity number, then VAT number, then exact normalised name (or trading-name alias), each a match; then by
/// similarity (<see cref="SupplierNames.Similarity"/>) at or above <see cref="ReviewThreshold"/>, which only ever
/// puts the supplier in the review queue with the provider as a suggestion. Two different suppliers with similar
/// names are never merged without an officer accepting it. An officer's decision overrides all of this.
/// </summary>
public static class SupplierMatcher
{
    /// <summary>The similarity at or above which a provider is suggested for review. Chosen high: a queue of false suggestions wastes officers' time.</summary>
    public const double ReviewThreshold = 0.90;

    public sealed record Supplier(string Key, string? Name, string? CompanyNumber, string? VatNumber);

    public sealed record RegisterEntry(Guid Id, string Name, string? CompanyNumber, string? CharityNumber, string? VatNumber)
    {
        public string MatchKey { get; } = SupplierNames.MatchKey(Name);
    }

    public sealed record Decision(SupplierDecisionKind Kind, Guid? ProviderId);

    public sealed record Resolution(SupplierStatus Status, string Method, Guid? ProviderId, Guid? CandidateId, double? Score);

    public static Resolution Resolve(Supplier supplier, IReadOnlyList<RegisterEntry> register, Decision? decision)
    {
        if (supplier.Key.Length == 0)
        {
            return new(SupplierStatus.Redacted, "redacted", null, null, null);
        }

        if (decision is { Kind: SupplierDecisionKind.Accept, ProviderId: { } accepted } && register.Any(r => r.Id == accepted))
        {
            return new(SupplierStatus.Resolved, "officer", accepted, null, null);
        }

        if (decision is { Kind: SupplierDecisionKind.NewSupplier })
        {
            return new(SupplierStatus.NewSupplier, "officer", null, null, null);
        }

        var rejected = decision is { Kind: SupplierDecisionKind.Reject } ? decision.ProviderId : null;
        var candidates = register.Where(r => r.Id != rejected).ToList();

        if (ProviderNumbers.CompanyNumber(supplier.CompanyNumber).Value is { } company
            && candidates.FirstOrDefault(r => r.CompanyNumber == company) is { } byCompany)
        {
            return new(SupplierStatus.Resolved, "company number", byCompany.Id, null, null);
        }

        if (ProviderNumbers.CharityNumber(supplier.CompanyNumber).Value is { } charity
            && candidates.FirstOrDefault(r => r.CharityNumber == charity) is { } byCharity)
        {
            return new(SupplierStatus.Resolved, "charity number", byCharity.Id, null, null);
        }

        if (ProviderNumbers.VatNumber(supplier.VatNumber).Value is { } vat
            && candidates.FirstOrDefault(r => r.VatNumber == vat) is { } byVat)
        {
            return new(SupplierStatus.Resolved, "VAT number", byVat.Id, null, null);
        }

        var key = SupplierNames.MatchKey(supplier.Name ?? supplier.Key);
        var alias = SupplierNames.Alias(supplier.Name);
        var exact = candidates.Where(r => r.MatchKey == key || (alias is not null && r.MatchKey == alias)).ToList();
        if (exact.Count == 1)
        {
            return new(SupplierStatus.Resolved, "exact name", exact[0].Id, null, null);
        }

        if (exact.Count > 1)
        {
            // Two providers in the register share the name: an officer must say which.
            return new(SupplierStatus.ToReview, "same name as several providers", null, exact[0].Id, 1);
        }

        var best = candidates
            .Select(r => (Entry: r, Score: Math.Max(SupplierNames.Similarity(key, r.MatchKey), alias is null ? 0 : SupplierNames.Similarity(alias, r.MatchKey))))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Entry.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Entry is not null && best.Score >= ReviewThreshold)
        {
            return new(SupplierStatus.ToReview, "similar name", null, best.Entry.Id, Math.Round(best.Score, 3));
        }

        return new(SupplierStatus.Unresolved, rejected is null ? "no match" : "officer rejected the suggestion", null, null, null);
    }
}
