using System.Text.Json.Nodes;

namespace Placeshaper.Tenders.Publication;

/// <summary>
/// Wraps releases in an OCDS 1.1 release package: where it lives, when it changed, who publishes it, under what
/// licence and policy, and which extensions its fields come from.
/// </summary>
public static class OcdsPackage
{
    /// <summary>
    /// The extensions whose fields the releases use: lots (tender.lots, awards' relatedLots), suitability
    /// (tender.suitability.sme) and the UK's, as Find a Tender publishes it (suitability.vcse, standstillPeriod,
    /// aboveThreshold, specialRegime, lotDetails.noLotsDivisionRationale, amountGross, parties' details.vcse).
    /// </summary>
    public static readonly IReadOnlyList<string> Extensions =
    [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_suitability_extension/master/extension.json",
        "https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json",
    ];

    /// <summary>Open Government Licence v3.0, under which UK public bodies publish their data unless they say otherwise.</summary>
    public static readonly Uri OpenGovernmentLicence = new("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");

    /// <summary>
    /// A package of releases. Its published date is the latest release's, because the package is made on demand and
    /// OCDS asks for the date of the last change to its contents, not the time of the request.
    /// </summary>
    public static JsonObject Of(Uri uri, string publisher, Uri? license, Uri? publicationPolicy, IReadOnlyList<JsonObject> releases)
    {
        var package = new JsonObject
        {
            ["uri"] = uri.AbsoluteUri,
            ["version"] = "1.1",
            ["extensions"] = new JsonArray([.. Extensions.Select(e => (JsonNode)e!)]),
            ["publishedDate"] = releases.Select(r => r["date"]!.GetValue<string>()).Max(StringComparer.Ordinal),
            ["publisher"] = new JsonObject { ["name"] = publisher },
        };
        if (license is not null)
        {
            package["license"] = license.AbsoluteUri;
        }

        if (publicationPolicy is not null)
        {
            package["publicationPolicy"] = publicationPolicy.AbsoluteUri;
        }

        package["releases"] = new JsonArray([.. releases]);
        return package;
    }
}
