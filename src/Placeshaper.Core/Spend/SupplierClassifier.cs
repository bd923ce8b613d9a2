using System.Globalization;
using Placeshaper.Providers;

namespace Placeshaper.Spend;

/// <summary>
/// Classifies one supplier for the spend shares: local, SME, VCSE, public sector, individual or redacted. The rules,
/// in docs/spend.md:
/// <list type="bullet">
/// <item>Local: one of its postcodes (the spend file's, else the matched provider's registered and trading ones) is
/// inside the organisation's definition (<see cref="SpendLocalDefinition"/>): its own area, a list of districts, or
/// a radius from a postcode, using the ONS Postcode Directory loaded on the installation. Unknown without a postcode
/// in the directory.</item>
/// <item>SME and VCSE: from the matched provider (Procurement Act 2023 s.123 for SME; the register's VCSE flag or a
/// charitable, CIC or co-operative legal form). An unmatched supplier is not known to be an SME; its name saying
/// "CIC" or "COMMUNITY INTEREST COMPANY" or "CHARITY" makes it VCSE.</item>
/// <item>Public sector: a matched provider that is a public body, or a name that says it is one: a council, the NHS,
/// police, fire and rescue, an integrated care board, a government department or agency; or a name in the GOV.UK
/// registers of councils and government organisations (<see cref="PublicBodies"/>). Never SME or VCSE.</item>
/// <item>Individual: a redacted supplier (Transparency Code 2015 para. 25 lets councils withhold individuals' names),
/// or a name that starts with a title (MR, MRS, MS, MISS, DR).</item>
/// </list>
/// </summary>
public static class SupplierClassifier
{
    public sealed record Classification(bool? IsLocal, string LocalReason, bool? IsSme, bool IsVcse, bool IsPublicSector, bool IsIndividual);

    /// <summary>A postcode as the directory knows it.</summary>
    public sealed record Place(string? LocalAuthorityCode, decimal? Latitude, decimal? Longitude);

    /// <summary>The definition made concrete: codes that count as local, or a centre and radius.</summary>
    public sealed record Locality(LocalDefinitionKind Kind, IReadOnlyDictionary<string, string> Codes, Place? Centre, decimal? RadiusKm, string Describe);

    private static readonly string[] PublicWords =
    [
        "COUNCIL", "NHS", "POLICE", "CONSTABULARY", "FIRE AND RESCUE", "INTEGRATED CARE BOARD", "CLINICAL COMMISSIONING GROUP",
        "HM REVENUE", "HMRC", "DVLA", "DEPARTMENT FOR", "DEPARTMENT OF", "MINISTRY OF", "HM COURTS", "ENVIRONMENT AGENCY", "BOROUGH OF", "CITY OF",
    ];

    private static readonly string[] Titles = ["MR", "MRS", "MS", "MISS", "DR", "MX"];

    public static Classification Classify(
        SupplierFacts facts,
        Provider? provider,
        Locality locality,
        IReadOnlyDictionary<string, Place> places)
    {
        if (facts.Key.Length == 0)
        {
            return new(null, "Not known: the supplier is redacted", null, false, false, true);
        }

        var key = facts.Key;
        var words = key.Split(' ');
        var isPublic = provider?.LegalForm == LegalForm.PublicBody || PublicWords.Any(w => Contains(key, w)) || PublicBodies.Find(key) is not null || PublicBodies.Find(SupplierNames.MatchKey(facts.Name)) is not null;
        var isIndividual = !isPublic && words.Length > 1 && Titles.Contains(words[0], StringComparer.Ordinal);
        // The normalised key has lost its legal form ("… COMMUNITY INTEREST COMPANY", "… CIC"), so the name as written is read too.
        var written = " " + string.Join(' ', (facts.Name ?? "").ToUpperInvariant().Split([' ', '.', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries)) + " ";
        var vcseByName = new[] { " CIC ", " COMMUNITY INTEREST COMPANY ", " CHARITY ", " CHARITABLE INCORPORATED ORGANISATION " }
            .Any(w => written.Contains(w, StringComparison.Ordinal));
        // A public body is its own class: never an SME or a VCSE, whatever its name says.
        var isVcse = !isPublic && (provider is not null ? provider.IsVcse || provider.LegalForm?.SuggestsVcse() == true || vcseByName : vcseByName);
        bool? isSme = isPublic ? false : provider?.Size.IsSme;

        var postcodes = new List<(string What, string Postcode)>();
        if (ReferenceNormalised(facts.Postcode) is { } filed)
        {
            postcodes.Add(("spend file's", filed));
        }

        if (provider?.RegisteredPostcode is { } registered && !postcodes.Any(p => p.Postcode == registered))
        {
            postcodes.Add(("registered", registered));
        }

        if (provider?.TradingPostcode is { } trading && !postcodes.Any(p => p.Postcode == trading))
        {
            postcodes.Add(("trading", trading));
        }

        var (isLocal, reason) = Local(postcodes, locality, places);
        return new(isLocal, reason, isSme, isVcse, isPublic, isIndividual);
    }

    /// <summary>Whether any of the postcodes is inside the definition; not known when none is in the directory.</summary>
    public static (bool? IsLocal, string Reason) Local(IReadOnlyList<(string What, string Postcode)> postcodes, Locality locality, IReadOnlyDictionary<string, Place> places)
    {
        if (postcodes.Count == 0)
        {
            return (null, "Not known: no postcode in the spend file or the register");
        }

        if (locality.Kind != LocalDefinitionKind.Radius && locality.Codes.Count == 0)
        {
            return (null, "Not known: the organisation has no area to compare with (import its areas or choose districts)");
        }

        if (locality.Kind == LocalDefinitionKind.Radius && locality.Centre is not { Latitude: not null, Longitude: not null })
        {
            return (null, "Not known: the centre postcode is not in the postcode directory");
        }

        var anyKnown = false;
        foreach (var (what, postcode) in postcodes)
        {
            if (!places.TryGetValue(postcode, out var place))
            {
                continue;
            }

            if (locality.Kind == LocalDefinitionKind.Radius)
            {
                if (place is { Latitude: { } lat, Longitude: { } lon })
                {
                    anyKnown = true;
                    var km = DistanceKm(locality.Centre!.Latitude!.Value, locality.Centre.Longitude!.Value, lat, lon);
                    if (km <= (double)locality.RadiusKm!.Value)
                    {
                        return (true, $"Local: the {what} postcode {postcode} is {km.ToString("0.0", CultureInfo.InvariantCulture)} km from {locality.Describe}");
                    }
                }
            }
            else if (place.LocalAuthorityCode is { } code)
            {
                anyKnown = true;
                if (locality.Codes.TryGetValue(code, out var name))
                {
                    return (true, $"Local: the {what} postcode {postcode} is in {name}");
                }
            }
        }

        return anyKnown
            ? (false, $"Not local: {string.Join(" and ", postcodes.Select(p => $"the {p.What} postcode {p.Postcode}"))} outside {locality.Describe}")
            : (null, $"Not known: {string.Join(" and ", postcodes.Select(p => p.Postcode))} not in the postcode directory");
    }

    /// <summary>Great-circle distance (haversine, mean Earth radius 6,371 km).</summary>
    public static double DistanceKm(decimal lat1, decimal lon1, decimal lat2, decimal lon2)
    {
        static double Rad(decimal degrees) => (double)degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 6371 * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }

    private static string? ReferenceNormalised(string? postcode) => ProviderNumbers.Postcode(postcode).Value;

    private static bool Contains(string key, string words) =>
        (" " + key + " ").Contains(" " + words + " ", StringComparison.Ordinal);
}
