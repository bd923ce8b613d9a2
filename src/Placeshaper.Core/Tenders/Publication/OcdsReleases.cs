using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Placeshaper.Tenders.Publication;

/// <summary>
/// Builds the OCDS 1.1 releases of one contracting process: the tender, then an award release for each award and a
/// contract release for each signed or pending contract. Pure: plain snapshots in, JSON out, so award and contract
/// releases can be tested now and fed from evaluation later. Field names follow the OCDS 1.1 release schema and, where
/// marked, the lots and suitability extensions and the UK extension (<see cref="OcdsPackage.Extensions"/>); codes come
/// from the OCDS 1.1 codelists only.
/// </summary>
public static partial class OcdsReleases
{
    public const string Currency = "GBP";

    /// <summary>The open contracting id: the publisher's registered prefix and the tender's own id, stable for its life.</summary>
    public static string Ocid(string prefix, Guid tenderId) => $"{prefix}-{tenderId}";

    public static IReadOnlyList<JsonObject> For(string prefix, OcdsBuyer buyer, TenderSnapshot tender, IReadOnlyList<AwardSnapshot>? awards = null)
    {
        var ocid = Ocid(prefix, tender.Id);
        var releases = new List<JsonObject> { TenderRelease(ocid, buyer, tender, tender.PublishedAt, "tender") };
        // Each addendum is an amendment to the tender: released again as it stood then, documents and all.
        foreach (var addendum in tender.Documents.Where(d => d.Published > tender.PublishedAt).OrderBy(d => d.Published))
        {
            releases.Add(TenderRelease(ocid, buyer, tender, addendum.Published, "tenderAmendment"));
        }

        foreach (var award in (awards ?? []).OrderBy(a => a.Date))
        {
            releases.Add(AwardRelease(ocid, buyer, tender, award));
        }

        foreach (var award in (awards ?? []).Where(a => a.Contract is not null).OrderBy(a => ContractDate(a)))
        {
            releases.Add(ContractRelease(ocid, buyer, award));
        }

        return releases;
    }

    private static JsonObject TenderRelease(string ocid, OcdsBuyer buyer, TenderSnapshot t, DateTime asAt, string tag)
    {
        var body = new JsonObject
        {
            ["id"] = t.Id.ToString(),
            ["title"] = t.Title,
            ["status"] = t.Status == TenderStatus.Cancelled ? "cancelled" : "active",
            ["value"] = Value(t.EstimatedValue),
            ["procurementMethod"] = Method(t.Route),
            ["procurementMethodDetails"] = MethodDetails(t.Route),
            ["awardCriteria"] = t.PriceWeight == 100 ? "priceOnly" : t.PriceWeight == 0 ? "qualityOnly" : "ratedCriteria",
            ["awardCriteriaDetails"] = CriteriaDetails(t),
            ["tenderPeriod"] = Period(t.PublishedAt, t.SubmissionDeadline),
            // Suitability extension (sme) and UK extension (vcse).
            ["suitability"] = new JsonObject { ["sme"] = t.SuitableForSme, ["vcse"] = t.SuitableForVcse },
            // UK extension: whether the value is at or above the threshold in force when the tender was published.
            ["aboveThreshold"] = t.AboveThreshold,
        };
        if (t.Description.Length > 0)
        {
            body["description"] = t.Description;
        }

        // A kind of "goods and services" does not say which of the two the contract mostly buys, so no category is
        // claimed for it rather than a guess.
        if (t.Kind is ContractKind.LightTouchServices or ContractKind.Works)
        {
            body["mainProcurementCategory"] = t.Kind == ContractKind.Works ? "works" : "services";
        }

        // UK extension: the light touch regime (Procurement Act 2023 s.9) is a special regime, as Find a Tender marks it.
        if (t.Kind == ContractKind.LightTouchServices)
        {
            body["specialRegime"] = new JsonArray("lightTouch");
        }

        if (t.ClarificationDeadline is { } questionsClose)
        {
            body["enquiryPeriod"] = Period(t.PublishedAt, questionsClose);
        }

        // Lots extension; the UK extension's noLotsDivisionRationale when the contract is not divided.
        if (t.Lots.Count > 0)
        {
            body["lots"] = new JsonArray([.. t.Lots.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = LotId(l.Number),
                ["title"] = l.Title,
                ["status"] = t.Status == TenderStatus.Cancelled ? "cancelled" : "active",
                ["value"] = Value(l.EstimatedValue),
            })]);
        }
        else if (t.NoLotsReason.Length > 0)
        {
            body["lotDetails"] = new JsonObject { ["noLotsDivisionRationale"] = t.NoLotsReason };
        }

        var documents = t.Documents.Where(d => d.Published <= asAt).OrderBy(d => d.Published).ToList();
        if (documents.Count > 0)
        {
            body["documents"] = new JsonArray([.. documents.Select(d => (JsonNode)Document(d))]);
        }

        var release = Release(ocid, $"{ocid}-{(tag == "tender" ? "tender" : "amendment")}-{Stamp(asAt)}", asAt, tag, Parties(buyer, []), buyer);
        release["tender"] = body;
        return release;
    }

    private static JsonObject Document(TenderSnapshot.Document d)
    {
        var document = new JsonObject
        {
            ["id"] = d.Id,
            ["documentType"] = d.Type,
            ["title"] = d.Title,
            ["datePublished"] = Date(d.Published),
            ["format"] = d.Format,
            ["language"] = "en",
        };
        if (d.Description.Length > 0)
        {
            document["description"] = d.Description;
        }

        return document;
    }

    private static JsonObject AwardRelease(string ocid, OcdsBuyer buyer, TenderSnapshot tender, AwardSnapshot a)
    {
        var award = new JsonObject
        {
            ["id"] = a.Id,
            ["status"] = Code(a.Status),
            ["date"] = Date(a.Date),
            ["value"] = Value(a.Value),
            ["suppliers"] = new JsonArray([.. a.Suppliers.Select(s => (JsonNode)Reference(s.Id, s.Name))]),
        };
        if (a.LotNumbers.Count > 0)
        {
            award["relatedLots"] = new JsonArray([.. a.LotNumbers.Select(n => (JsonNode)LotId(n)!)]);
        }

        // UK extension: the standstill period before the contract may be entered into (Procurement Act 2023 s.51).
        if (a.StandstillStart is not null || a.StandstillEnd is not null)
        {
            award["standstillPeriod"] = Period(a.StandstillStart, a.StandstillEnd);
        }

        // An award is released again when its status changes, so each release is named for the award and the moment.
        var release = Release(ocid, $"{ocid}-award-{a.Id}-{Stamp(a.Date)}", a.Date, "award", Parties(buyer, a.Suppliers), buyer);
        release["tender"] = new JsonObject { ["id"] = tender.Id.ToString(), ["title"] = tender.Title };
        release["awards"] = new JsonArray(award);
        return release;
    }

    private static JsonObject ContractRelease(string ocid, OcdsBuyer buyer, AwardSnapshot a)
    {
        var c = a.Contract!;
        var contract = new JsonObject
        {
            ["id"] = c.Id,
            ["awardID"] = a.Id,
            ["status"] = Code(c.Status),
            ["value"] = Value(c.Value),
        };
        if (c.Start is not null || c.End is not null)
        {
            contract["period"] = Period(c.Start, c.End);
        }

        if (c.DateSigned is { } signed)
        {
            contract["dateSigned"] = Date(signed);
        }

        var release = Release(ocid, $"{ocid}-contract-{c.Id}", ContractDate(a), "contract", Parties(buyer, a.Suppliers), buyer);
        release["contracts"] = new JsonArray(contract);
        return release;
    }

    private static JsonObject Release(string ocid, string id, DateTime date, string tag, JsonArray parties, OcdsBuyer buyer) => new()
    {
        ["ocid"] = ocid,
        ["id"] = id,
        ["date"] = Date(date),
        ["tag"] = new JsonArray(tag),
        ["initiationType"] = "tender",
        ["language"] = "en",
        ["parties"] = parties,
        ["buyer"] = Reference(buyer.Id, buyer.Name),
    };

    private static JsonArray Parties(OcdsBuyer buyer, IReadOnlyList<SupplierSnapshot> suppliers)
    {
        var parties = new JsonArray(Party(buyer.Id, buyer.Name, buyer.Identifier, "buyer", null));
        foreach (var supplier in suppliers)
        {
            parties.Add(Party(supplier.Id, supplier.Name, supplier.Identifier, "supplier", supplier.Vcse));
        }

        return parties;
    }

    private static JsonObject Party(string id, string name, OcdsIdentifier? identifier, string role, bool? vcse)
    {
        var party = new JsonObject { ["id"] = id, ["name"] = name, ["roles"] = new JsonArray(role) };
        if (identifier is not null)
        {
            party["identifier"] = new JsonObject { ["scheme"] = identifier.Scheme, ["id"] = identifier.Id };
            if (identifier.LegalName is { Length: > 0 } legalName)
            {
                party["identifier"]!["legalName"] = legalName;
            }
        }

        // UK extension: whether the organisation is a voluntary, community or social enterprise.
        if (vcse is not null)
        {
            party["details"] = new JsonObject { ["vcse"] = vcse };
        }

        return party;
    }

    private static JsonObject Reference(string id, string name) => new() { ["id"] = id, ["name"] = name };

    private static JsonObject Value(decimal amount) => new()
    {
        ["amount"] = amount,
        ["currency"] = Currency,
        // UK extension: Placeshaper's values include VAT, as the procurement thresholds do, so the gross amount is the same.
        ["amountGross"] = amount,
    };

    private static JsonObject Period(DateTime? start, DateTime? end)
    {
        var period = new JsonObject();
        if (start is { } s)
        {
            period["startDate"] = Date(s);
        }

        if (end is { } e)
        {
            period["endDate"] = Date(e);
        }

        return period;
    }

    /// <summary>OCDS's closed method codelist: how open the competition is, not the Act's procedure name.</summary>
    private static string Method(Route route) => route switch
    {
        // Quotes are asked of suppliers the council chooses.
        Route.Quotes => "limited",
        // Any supplier may bid: below threshold the Act forbids shortlisting before tenders (s.85).
        Route.BelowThreshold or Route.OpenProcedure => "open",
        // A competitive flexible procedure usually shortlists those who meet the conditions of participation.
        _ => "selective",
    };

    private static string MethodDetails(Route route) => route switch
    {
        Route.Quotes => "Quotes under the council's contract standing orders (below the notifiable value)",
        Route.BelowThreshold => "Below-threshold competition (Procurement Act 2023, Part 6)",
        Route.OpenProcedure => "Open procedure (Procurement Act 2023 s.20(2)(a))",
        _ => "Competitive flexible procedure (Procurement Act 2023 s.20(2)(b))",
    };

    private static string CriteriaDetails(TenderSnapshot t)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Price {Percent(t.PriceWeight)}, quality {Percent(t.QualityWeight)} and social value {Percent(t.SocialValueWeight)} of the total score."));
        if (t.SocialValueWaiverReason.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" Social value carries less than 10% because: {t.SocialValueWaiverReason}");
        }

        if (t.PriceWeight > 0)
        {
            text.Append(" The lowest price scores the whole price weight and other prices in proportion.");
        }

        foreach (var (kind, name, weight) in new[] { (QuestionKind.Quality, "Quality", t.QualityWeight), (QuestionKind.SocialValue, "Social value", t.SocialValueWeight) })
        {
            var questions = t.Questions.Where(q => q.Kind == kind).ToList();
            if (questions.Count > 0 && weight > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" {name} questions, weighted within their part: ");
                text.AppendJoin("; ", questions.Select(q => $"{q.Text} ({Percent(q.Weight)})"));
                text.Append('.');
            }
        }

        text.Append(CultureInfo.InvariantCulture, $" Each answer is scored from 0 to {Tender.MaxScore} against published descriptors.");
        return text.ToString();
    }

    private static string Percent(decimal weight) => weight.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string? LotId(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Code(AwardState status) => status switch
    {
        AwardState.Active => "active",
        AwardState.Cancelled => "cancelled",
        AwardState.Unsuccessful => "unsuccessful",
        _ => "pending",
    };

    private static string Code(ContractState status) => status switch
    {
        ContractState.Active => "active",
        ContractState.Cancelled => "cancelled",
        ContractState.Terminated => "terminated",
        _ => "pending",
    };

    private static DateTime ContractDate(AwardSnapshot a) => a.Contract!.DateSigned ?? a.Date;

    /// <summary>RFC 3339 in UTC, as OCDS's date-time format requires.</summary>
    public static string Date(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
