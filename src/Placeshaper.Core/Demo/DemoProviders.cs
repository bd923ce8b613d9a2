using Microsoft.EntityFrameworkCore;
using Placeshaper.Areas;
using Placeshaper.Data;
using Placeshaper.Providers;

namespace Placeshaper.Demo;

/// <summary>
/// Anytown's provider register: a small community interest company, a small charity, a large facilities company with
/// a local depot, and a few more, one of them a consortium. Every number is fictional and shaped so that it cannot be
/// a real body's: company numbers from 99000000 (England and Wales numbering will not reach it for decades), 8-digit
/// charity numbers (the Charity Commission has issued only 6 and 7), and postcodes in the areas AT (Anytown) and OT
/// (Othertown), which Royal Mail has never used. Those postcodes are added to the installation's postcode directory.
/// </summary>
internal static class DemoProviders
{
    /// <summary>Othertown: the neighbouring authority, outside Anytown, fictional like Anytown's own code.</summary>
    public const string OthertownCode = "E06009002";

    public const string Consortium = "Anytown Care Partnership";

    public static readonly IReadOnlyList<(string Postcode, string LocalAuthority, string? Ward)> Postcodes =
    [
        ("AT1 3CC", DemoAreas.AuthorityCode, "E05999001"),
        ("AT2 1RH", DemoAreas.AuthorityCode, "E05999002"),
        ("AT2 5BF", DemoAreas.AuthorityCode, "E05999002"),
        ("AT3 9NG", DemoAreas.AuthorityCode, "E05999003"),
        ("AT5 2SF", DemoAreas.AuthorityCode, "E05999004"),
        ("AT5 7EB", DemoAreas.AuthorityCode, "E05999005"),
        ("AT4 6WC", DemoAreas.AuthorityCode, "E05999006"),
        ("OT2 3CS", OthertownCode, null),
        ("OT4 1NF", OthertownCode, null),
    ];

    public static readonly IReadOnlyList<ProviderDetails> Providers =
    [
        new("Anytown Community Care CIC", LegalForm.CommunityInterestCompany, CompanyNumber: "99000101", RegisteredPostcode: "AT1 3CC",
            Staff: 38, Turnover: 1_450_000m, BalanceSheetTotal: 420_000m, IsVcse: true, SicCodes: ["88100"]),
        new("Brightside Family Support", LegalForm.Charity, CharityNumber: "99000201", RegisteredPostcode: "AT2 5BF",
            Staff: 12, Turnover: 640_000m, BalanceSheetTotal: 310_000m, IsVcse: true, SicCodes: ["88990"]),
        new("Northgate Facilities Ltd", LegalForm.Company, CompanyNumber: "99000301", VatNumber: "GB999000301", RegisteredPostcode: "OT4 1NF", TradingPostcode: "AT3 9NG",
            Staff: 1_850, Turnover: 212_000_000m, BalanceSheetTotal: 96_000_000m, IsVcse: false, SicCodes: ["81210", "81100"]),
        new("Riverside Home Care Ltd", LegalForm.Company, CompanyNumber: "99000401", VatNumber: "GB999000401", RegisteredPostcode: "AT2 1RH",
            Staff: 64, Turnover: 2_300_000m, BalanceSheetTotal: 900_000m, IsVcse: false, SicCodes: ["88100"]),
        new("Westmoor Community Transport", LegalForm.CooperativeOrMutual, RegisteredPostcode: "AT4 6WC",
            Staff: 6, Turnover: 180_000m, BalanceSheetTotal: 95_000m, IsVcse: true, SicCodes: ["49390"]),
        new("Othertown Cleaning Services Ltd", LegalForm.Company, CompanyNumber: "99000601", RegisteredPostcode: "OT2 3CS",
            Staff: 22, Turnover: 850_000m, BalanceSheetTotal: 260_000m, IsVcse: false, SicCodes: ["81210"]),
        new(Consortium, LegalForm.Partnership, RegisteredPostcode: "AT1 3CC", IsVcse: false, IsConsortium: true),
    ];

    /// <summary>The consortium's members, its lead first.</summary>
    public static readonly IReadOnlyList<string> ConsortiumMembers = ["Anytown Community Care CIC", "Brightside Family Support", "Riverside Home Care Ltd"];

    /// <summary>
    /// Adds what is missing, by name. A provider that exists without a legal form (registered before the register
    /// held details) gets its details; one that has them is left as people have since made it.
    /// </summary>
    public static async Task<Dictionary<string, Provider>> SeedAsync(PlaceshaperDb db, Guid anytown, DateTime now, CancellationToken cancellationToken)
    {
        var wanted = Postcodes.Select(p => p.Postcode).ToList();
        var known = await db.ReferencePostcodes.Where(p => wanted.Contains(p.Postcode)).Select(p => p.Postcode).ToListAsync(cancellationToken);
        foreach (var (postcode, authority, ward) in Postcodes.Where(p => !known.Contains(p.Postcode)))
        {
            db.ReferencePostcodes.Add(new ReferencePostcode { Postcode = postcode, LocalAuthorityCode = authority, WardCode = ward });
        }

        var providers = new Dictionary<string, Provider>(StringComparer.Ordinal);
        foreach (var details in Providers)
        {
            var valid = details.Check().Value!;
            var provider = await db.Providers.IgnoreQueryFilters().Include(p => p.Members)
                .SingleOrDefaultAsync(p => p.OrganisationId == anytown && p.Name == details.Name, cancellationToken);
            if (provider is null)
            {
                provider = db.Providers.Add(Provider.Register(anytown, valid, now)).Entity;
            }
            else if (provider.LegalForm is null)
            {
                provider.Change(valid, now);
            }

            providers[details.Name!] = provider;
        }

        var consortium = providers[Consortium];
        if (consortium.IsConsortium && consortium.Members.Count == 0)
        {
            foreach (var name in ConsortiumMembers)
            {
                consortium.SetMember(providers[name], isLead: name == ConsortiumMembers[0], now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return providers;
    }
}
