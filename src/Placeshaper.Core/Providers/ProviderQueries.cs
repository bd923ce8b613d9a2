using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;

namespace Placeshaper.Providers;

public static class ProviderQueries
{
    /// <summary>How the register is narrowed: each filter is off when null. Unknown sizes and localities match neither true nor false.</summary>
    public sealed record Filter(string? Search = null, bool? Sme = null, bool? Vcse = null, bool? Local = null, LegalForm? LegalForm = null, bool? Consortium = null);

    /// <summary>A provider as the register lists it, with its size and locality worked out.</summary>
    public sealed record Listed(
        Guid Id,
        string Name,
        LegalForm? LegalForm,
        string? CompanyNumber,
        string? CharityNumber,
        string? VatNumber,
        string? RegisteredPostcode,
        string? TradingPostcode,
        int? Staff,
        decimal? Turnover,
        decimal? BalanceSheetTotal,
        bool IsVcse,
        bool IsConsortium,
        IReadOnlyList<string> SicCodes,
        ProviderSize Size,
        ProviderLocality Locality);

    /// <summary>The register, by name, filtered. Size and locality are worked out for every provider each time.</summary>
    public static async Task<IReadOnlyList<Listed>> RegisterAsync(PlaceshaperDb db, Guid organisationId, Filter filter, CancellationToken cancellationToken)
    {
        var query = db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId);
        if (filter.Vcse is { } vcse)
        {
            query = query.Where(p => p.IsVcse == vcse);
        }

        if (filter.LegalForm is { } form)
        {
            query = query.Where(p => p.LegalForm == form);
        }

        if (filter.Consortium is { } consortium)
        {
            query = query.Where(p => p.IsConsortium == consortium);
        }

        var providers = await query.ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Matched in memory, so that case and accents are ignored the same way on SQLite and PostgreSQL.
            var search = NameNormaliser.Normalise(filter.Search);
            var number = filter.Search.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            providers = providers.Where(p => p.NormalisedName.Contains(search, StringComparison.Ordinal) || NameNormaliser.Normalise(p.Name).Contains(search, StringComparison.Ordinal)
                || p.CompanyNumber == number || p.CharityNumber == number || p.VatNumber == number || p.VatNumber == "GB" + number).ToList();
        }

        var locality = await LocalityAsync(db, organisationId, providers, cancellationToken);
        return providers
            .Select(p => List(p, locality(p)))
            .Where(p => filter.Sme is not { } sme || p.Size.IsSme == sme)
            .Where(p => filter.Local is not { } local || p.Locality.IsLocal == local)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Id)
            .ToList();
    }

    public sealed record Consortium(Guid Id, string Name, bool IsLead);

    public sealed record Member(Guid Id, string Name, LegalForm? LegalForm, bool IsLead, bool IsVcse, bool? IsSme);

    /// <summary>A provider with the consortia it belongs to and, for a consortium, its members (lead first).</summary>
    public sealed record Detail(Listed Provider, IReadOnlyList<Consortium> Consortia, IReadOnlyList<Member> Members, DateTime CreatedAt, DateTime? UpdatedAt);

    public static async Task<Detail?> DetailAsync(PlaceshaperDb db, Guid organisationId, Guid providerId, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().Include(p => p.Members)
            .SingleOrDefaultAsync(p => p.Id == providerId && p.OrganisationId == organisationId, cancellationToken);
        if (provider is null)
        {
            return null;
        }

        var consortia = await db.Providers.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.Members.Any(m => m.MemberId == providerId))
            .Select(c => new Consortium(c.Id, c.Name, c.Members.Any(m => m.MemberId == providerId && m.IsLead)))
            .ToListAsync(cancellationToken);
        var memberIds = provider.Members.Select(m => m.MemberId).ToList();
        var memberProviders = await db.Providers.AsNoTracking().Where(p => memberIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var members = memberProviders
            .Select(p => new Member(p.Id, p.Name, p.LegalForm, provider.Members.Single(m => m.MemberId == p.Id).IsLead, p.IsVcse, p.Size.IsSme))
            .OrderByDescending(m => m.IsLead)
            .ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var locality = await LocalityAsync(db, organisationId, [provider], cancellationToken);
        return new Detail(List(provider, locality(provider)), consortia.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList(), members, provider.CreatedAt, provider.UpdatedAt);
    }

    public sealed record Match(Guid Id, string Name);

    /// <summary>
    /// Providers a person may mean by <paramref name="text"/>: the one with that Companies House, charity or VAT
    /// number, else those with that name once normalised.
    /// </summary>
    public static async Task<IReadOnlyList<Match>> FindAsync(PlaceshaperDb db, Guid organisationId, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var company = ProviderNumbers.CompanyNumber(text).Value;
        var charity = ProviderNumbers.CharityNumber(text).Value;
        var vat = ProviderNumbers.VatNumber(text).Value;
        var byNumber = await db.Providers.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && ((company != null && p.CompanyNumber == company) || (charity != null && p.CharityNumber == charity) || (vat != null && p.VatNumber == vat)))
            .Select(p => new Match(p.Id, p.Name))
            .ToListAsync(cancellationToken);
        if (byNumber.Count > 0)
        {
            return byNumber;
        }

        var name = NameNormaliser.Normalise(text);
        var all = await db.Providers.AsNoTracking().Where(p => p.OrganisationId == organisationId).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        return all.Where(p => NameNormaliser.Normalise(p.Name) == name).Select(p => new Match(p.Id, p.Name)).ToList();
    }

    /// <summary>
    /// The organisation's authority codes and the directory's answer for every postcode the providers have, fetched
    /// once; gives a function that decides each provider's locality (<see cref="ProviderLocality.Decide"/>).
    /// </summary>
    public static async Task<Func<Provider, ProviderLocality>> LocalityAsync(PlaceshaperDb db, Guid organisationId, IReadOnlyCollection<Provider> providers, CancellationToken cancellationToken)
    {
        var authority = await db.Areas.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && (a.Level == AreaLevel.Authority || a.Level == AreaLevel.District))
            .Select(a => new { a.Code, a.Name })
            .ToListAsync(cancellationToken);
        var authorityNames = authority.GroupBy(a => a.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var postcodes = providers.SelectMany(p => new[] { p.RegisteredPostcode, p.TradingPostcode }).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var chunk in postcodes.Chunk(1000))
        {
            var rows = await db.ReferencePostcodes.AsNoTracking()
                .Where(r => chunk.Contains(r.Postcode))
                .Select(r => new { r.Postcode, r.LocalAuthorityCode })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.Postcode] = row.LocalAuthorityCode;
            }
        }

        return provider => ProviderLocality.Decide(PostcodesOf(provider), found, authorityNames);
    }

    private static List<(string What, string Postcode)> PostcodesOf(Provider provider)
    {
        var postcodes = new List<(string, string)>();
        if (provider.RegisteredPostcode is { } registered)
        {
            postcodes.Add(("registered", registered));
        }

        if (provider.TradingPostcode is { } trading && trading != provider.RegisteredPostcode)
        {
            postcodes.Add(("trading", trading));
        }

        return postcodes;
    }

    private static Listed List(Provider p, ProviderLocality locality) => new(
        p.Id,
        p.Name,
        p.LegalForm,
        p.CompanyNumber,
        p.CharityNumber,
        p.VatNumber,
        p.RegisteredPostcode,
        p.TradingPostcode,
        p.Staff,
        p.Turnover,
        p.BalanceSheetTotal,
        p.IsVcse,
        p.IsConsortium,
        p.SicCodes,
        p.Size,
        locality);
}
