using System.Text.Json.Nodes;
using Placeshaper.Tenders;
using Placeshaper.Tenders.Publication;

namespace Placeshaper.Tests.Tenders.Publication;

public sealed class OcdsReleasesTests
{
    private const string Prefix = "ocds-test00";
    private static readonly DateTime Published = new(2026, 3, 2, 9, 30, 0, DateTimeKind.Utc);
    private static readonly OcdsBuyer Buyer = new("anytown", "Anytown Borough Council", new OcdsIdentifier("GB-LAE", "ANY", "Anytown Borough Council"));
    private static readonly Uri PackageUri = new("https://placeshaper.example/api/v1/orgs/anytown/tenders/x/ocds");

    private static TenderSnapshot HomeCare(Route route = Route.CompetitiveFlexible, ContractKind kind = ContractKind.LightTouchServices) => new(
        Guid.Parse("0195f2a0-0000-7000-8000-000000000014"), "ANYTOWN-2026-014", "Home care in Anytown's neighbourhoods", "Reablement-first home care",
        kind, 42_250_000m, route, TenderStatus.Published, AboveThreshold: true, Published, Published.AddDays(14), Published.AddDays(24),
        30, 55, 15, "",
        [new(QuestionKind.Quality, "How will you help people regain independence?", 100), new(QuestionKind.SocialValue, "How many local people will you employ?", 100)],
        [new(1, "North neighbourhoods", 21_125_000m), new(2, "South neighbourhoods", 21_125_000m)],
        "", SuitableForSme: true, SuitableForVcse: true);

    /// <summary>Lot 1 awarded to a VCSE, lot 2 to a small company; the first contract signed after standstill, the second still pending.</summary>
    private static IReadOnlyList<AwardSnapshot> Awards() =>
    [
        new("award-1", Published.AddDays(40), AwardState.Active,
            [new SupplierSnapshot("GB-CHC-1234567", "Anytown Community Care CIC", new OcdsIdentifier("GB-CHC", "1234567"), Vcse: true)],
            20_500_000m, [1], Published.AddDays(40), Published.AddDays(52),
            new ContractSnapshot("contract-1", ContractState.Active, 20_500_000m, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2031, 5, 31, 0, 0, 0, DateTimeKind.Utc), Published.AddDays(55))),
        new("award-2", Published.AddDays(41), AwardState.Pending,
            [new SupplierSnapshot("GB-COH-99000401", "Riverside Home Care Ltd", new OcdsIdentifier("GB-COH", "99000401"), Vcse: false)],
            20_900_000m, [2], Published.AddDays(41), Published.AddDays(53),
            new ContractSnapshot("contract-2", ContractState.Pending, 20_900_000m, null, null, null)),
    ];

    private static JsonObject Package(IReadOnlyList<JsonObject> releases) =>
        OcdsPackage.Of(PackageUri, "Anytown Borough Council", OcdsPackage.OpenGovernmentLicence, new Uri("https://anytown.example/open-data/policy"), releases);

    [Fact]
    public void The_tender_release_says_what_is_bought_how_and_by_when_in_OCDS_terms()
    {
        var release = OcdsReleases.For(Prefix, Buyer, HomeCare()).Single();
        var tender = release["tender"]!;

        release["ocid"]!.GetValue<string>().ShouldBe("ocds-test00-0195f2a0-0000-7000-8000-000000000014");
        release["id"]!.GetValue<string>().ShouldBe("ocds-test00-0195f2a0-0000-7000-8000-000000000014-tender-20260302T093000Z");
        release["date"]!.GetValue<string>().ShouldBe("2026-03-02T09:30:00Z");
        release["tag"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["tender"]);
        release["initiationType"]!.GetValue<string>().ShouldBe("tender");
        release["buyer"]!["id"]!.GetValue<string>().ShouldBe("anytown");
        var party = release["parties"]!.AsArray().Single()!;
        party["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["buyer"]);
        party["identifier"]!["scheme"]!.GetValue<string>().ShouldBe("GB-LAE");
        tender["status"]!.GetValue<string>().ShouldBe("active");
        tender["value"]!["amount"]!.GetValue<decimal>().ShouldBe(42_250_000m);
        tender["value"]!["currency"]!.GetValue<string>().ShouldBe("GBP");
        tender["procurementMethod"]!.GetValue<string>().ShouldBe("selective");
        tender["procurementMethodDetails"]!.GetValue<string>().ShouldContain("Competitive flexible procedure");
        tender["mainProcurementCategory"]!.GetValue<string>().ShouldBe("services");
        tender["specialRegime"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["lightTouch"]);
        tender["tenderPeriod"]!["endDate"]!.GetValue<string>().ShouldBe("2026-03-26T09:30:00Z");
        tender["enquiryPeriod"]!["endDate"]!.GetValue<string>().ShouldBe("2026-03-16T09:30:00Z");
        tender["awardCriteria"]!.GetValue<string>().ShouldBe("ratedCriteria");
        tender["awardCriteriaDetails"]!.GetValue<string>().ShouldStartWith("Price 30%, quality 55% and social value 15% of the total score.");
        tender["awardCriteriaDetails"]!.GetValue<string>().ShouldContain("How many local people will you employ? (100%)");
        (tender["suitability"]!["sme"]!.GetValue<bool>(), tender["suitability"]!["vcse"]!.GetValue<bool>()).ShouldBe((true, true));
        tender["lots"]!.AsArray().Select(l => (l!["id"]!.GetValue<string>(), l["value"]!["amount"]!.GetValue<decimal>())).ShouldBe([("1", 21_125_000m), ("2", 21_125_000m)]);
    }

    [Theory]
    [InlineData(Route.Quotes, "limited")]
    [InlineData(Route.BelowThreshold, "open")]
    [InlineData(Route.OpenProcedure, "open")]
    [InlineData(Route.CompetitiveFlexible, "selective")]
    public void Each_route_maps_to_how_open_the_competition_is(Route route, string method) =>
        OcdsReleases.For(Prefix, Buyer, HomeCare(route)).Single()["tender"]!["procurementMethod"]!.GetValue<string>().ShouldBe(method);

    [Fact]
    public void Goods_and_services_claim_no_main_category_and_works_are_works()
    {
        OcdsReleases.For(Prefix, Buyer, HomeCare(Route.OpenProcedure, ContractKind.GoodsAndServices)).Single()["tender"]!.AsObject().ContainsKey("mainProcurementCategory").ShouldBeFalse();
        OcdsReleases.For(Prefix, Buyer, HomeCare(Route.OpenProcedure, ContractKind.Works)).Single()["tender"]!["mainProcurementCategory"]!.GetValue<string>().ShouldBe("works");
    }

    [Fact]
    public void A_contract_not_divided_into_lots_says_why_instead()
    {
        var tender = OcdsReleases.For(Prefix, Buyer, HomeCare() with { Lots = [], NoLotsReason = "One integrated service across the borough" }).Single()["tender"]!.AsObject();

        tender.ContainsKey("lots").ShouldBeFalse();
        tender["lotDetails"]!["noLotsDivisionRationale"]!.GetValue<string>().ShouldBe("One integrated service across the borough");
    }

    [Fact]
    public void Awards_and_contracts_follow_the_tender_with_suppliers_standstill_values_and_periods()
    {
        var releases = OcdsReleases.For(Prefix, Buyer, HomeCare(), Awards());

        releases.Select(r => r["tag"]![0]!.GetValue<string>()).ShouldBe(["tender", "award", "award", "contract", "contract"]);
        releases.Select(r => r["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(5, "release ids are unique within the ocid");
        releases.Select(r => r["ocid"]!.GetValue<string>()).Distinct().Count().ShouldBe(1);
        var award = releases[1]["awards"]![0]!;
        award["status"]!.GetValue<string>().ShouldBe("active");
        award["value"]!["amount"]!.GetValue<decimal>().ShouldBe(20_500_000m);
        award["suppliers"]![0]!["id"]!.GetValue<string>().ShouldBe("GB-CHC-1234567");
        award["relatedLots"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["1"]);
        award["standstillPeriod"]!["startDate"]!.GetValue<string>().ShouldBe("2026-04-11T09:30:00Z");
        award["standstillPeriod"]!["endDate"]!.GetValue<string>().ShouldBe("2026-04-23T09:30:00Z");
        var supplier = releases[1]["parties"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "GB-CHC-1234567")!;
        supplier["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["supplier"]);
        supplier["details"]!["vcse"]!.GetValue<bool>().ShouldBeTrue();
        var signed = releases.Single(r => r["id"]!.GetValue<string>().EndsWith("contract-contract-1", StringComparison.Ordinal));
        signed["date"]!.GetValue<string>().ShouldBe("2026-04-26T09:30:00Z", "a contract release is dated when the contract was signed");
        var contract = signed["contracts"]![0]!;
        contract["awardID"]!.GetValue<string>().ShouldBe("award-1");
        contract["status"]!.GetValue<string>().ShouldBe("active");
        contract["period"]!["startDate"]!.GetValue<string>().ShouldBe("2026-06-01T00:00:00Z");
        contract["period"]!["endDate"]!.GetValue<string>().ShouldBe("2031-05-31T00:00:00Z");
        contract["dateSigned"]!.GetValue<string>().ShouldBe("2026-04-26T09:30:00Z");
        var pending = releases.Single(r => r["id"]!.GetValue<string>().EndsWith("contract-contract-2", StringComparison.Ordinal))["contracts"]![0]!.AsObject();
        (pending.ContainsKey("period"), pending.ContainsKey("dateSigned"), pending["status"]!.GetValue<string>()).ShouldBe((false, false, "pending"));
    }

    [Fact]
    public void The_package_is_dated_by_its_latest_release_and_lists_the_extensions_used()
    {
        var package = Package(OcdsReleases.For(Prefix, Buyer, HomeCare(), Awards()));

        package["version"]!.GetValue<string>().ShouldBe("1.1");
        package["publishedDate"]!.GetValue<string>().ShouldBe("2026-04-26T09:30:00Z");
        package["uri"]!.GetValue<string>().ShouldBe(PackageUri.AbsoluteUri);
        package["license"]!.GetValue<string>().ShouldContain("open-government-licence");
        package["extensions"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldContain("https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json");
    }

    [Fact]
    public async Task Tender_award_and_contract_releases_are_valid_against_the_official_schema_and_the_UK_extension()
    {
        var json = Package(OcdsReleases.For(Prefix, Buyer, HomeCare(), Awards())).ToJsonString();
        var cancelled = Package(OcdsReleases.For(Prefix, Buyer, HomeCare(Route.Quotes, ContractKind.GoodsAndServices) with { Status = TenderStatus.Cancelled, ClarificationDeadline = null, Lots = [], NoLotsReason = "Small" })).ToJsonString();

        OcdsSchema.Errors(await OcdsSchema.CoreAsync(), json).ShouldBeEmpty();
        OcdsSchema.Errors(await OcdsSchema.WithUkExtensionAsync(), json).ShouldBeEmpty();
        OcdsSchema.Errors(await OcdsSchema.WithUkExtensionAsync(), cancelled).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_validator_catches_an_invalid_package()
    {
        var package = Package(OcdsReleases.For(Prefix, Buyer, HomeCare(), Awards()));
        package.Remove("version");
        package["releases"]![0]!["tag"] = new JsonArray("tendering");
        package["releases"]![0]!["tender"]!["value"]!["currency"] = "POUNDS";
        package["releases"]![1]!["awards"]![0]!["standstillPeriod"]!["endDate"] = "after Easter";
        var core = await OcdsSchema.CoreAsync();
        var uk = await OcdsSchema.WithUkExtensionAsync();

        var errors = OcdsSchema.Errors(core, package.ToJsonString());
        var ukErrors = OcdsSchema.Errors(uk, package.ToJsonString());

        errors.ShouldContain(e => e.StartsWith("PropertyRequired", StringComparison.Ordinal) && e.EndsWith("#/version", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("NotInEnumeration", StringComparison.Ordinal) && e.Contains("tag[0]", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("NotInEnumeration", StringComparison.Ordinal) && e.Contains("value.currency", StringComparison.Ordinal));
        errors.ShouldNotContain(e => e.Contains("standstillPeriod", StringComparison.Ordinal), "the core schema knows nothing of the UK's standstill period");
        // A nullable date that is not a date: neither of its types validates.
        ukErrors.ShouldContain("NoTypeValidates: #/releases[1].awards[0].standstillPeriod.endDate");
    }

    [Fact]
    public void Every_code_used_is_in_the_OCDS_1_1_codelists()
    {
        OcdsSchema.RequireData();
        var variants = Enum.GetValues<Route>().SelectMany(r => Enum.GetValues<ContractKind>().Select(k => HomeCare(r, k)))
            .Append(HomeCare() with { Status = TenderStatus.Cancelled }).Append(HomeCare() with { PriceWeight = 100, QualityWeight = 0, SocialValueWeight = 0 });
        var awards = Awards().Concat(
            Enum.GetValues<AwardState>().Select(s => Awards()[0] with { Id = "a-" + s, Status = s, Contract = Awards()[0].Contract! with { Id = "c-" + s, Status = (ContractState)(int)s } }))
            .ToList();
        var releases = variants.SelectMany(t => OcdsReleases.For(Prefix, Buyer, t, awards)).ToList();

        Used(releases, r => r["tag"]!.AsArray()).ShouldBeSubsetOf(OcdsSchema.Codelist("releaseTag"));
        Used(releases, r => [r["initiationType"]]).ShouldBeSubsetOf(OcdsSchema.Codelist("initiationType"));
        Used(releases, r => r["parties"]!.AsArray().SelectMany(p => p!["roles"]!.AsArray())).ShouldBeSubsetOf(OcdsSchema.Codelist("partyRole"));
        Used(releases, r => [r["tender"]?["procurementMethod"]]).ShouldBeSubsetOf(OcdsSchema.Codelist("method"));
        Used(releases, r => [r["tender"]?["mainProcurementCategory"]]).ShouldBeSubsetOf(OcdsSchema.Codelist("procurementCategory"));
        Used(releases, r => [r["tender"]?["awardCriteria"]]).ShouldBeSubsetOf(OcdsSchema.Codelist("awardCriteria"));
        Used(releases, r => [r["tender"]?["status"], .. r["tender"]?["lots"]?.AsArray().Select(l => l!["status"]) ?? []]).ShouldBeSubsetOf(OcdsSchema.Codelist("tenderStatus"));
        Used(releases, r => r["awards"]?.AsArray().Select(a => a!["status"]) ?? []).ShouldBeSubsetOf(OcdsSchema.Codelist("awardStatus"));
        Used(releases, r => r["contracts"]?.AsArray().Select(c => c!["status"]) ?? []).ShouldBeSubsetOf(OcdsSchema.Codelist("contractStatus"));
        Used(releases, r => [r["tender"]?["value"]?["currency"]]).ShouldBeSubsetOf(OcdsSchema.Codelist("currency"));
        Used(releases, r => [r["tender"]?["awardCriteria"]]).ShouldBe(["ratedCriteria", "priceOnly"], ignoreOrder: true);
        Used(releases, r => r["awards"]?.AsArray().Select(a => a!["status"]) ?? []).Count.ShouldBe(4, "every award state was tried");
    }

    [Fact]
    public void A_draft_has_nothing_to_publish()
    {
        var draft = Tender.Draft(Guid.NewGuid(), null, "D-1", "Draft", null, ContractKind.GoodsAndServices, 10_000m, ProcurementThresholds.Official, Published).Value!;

        Should.Throw<InvalidOperationException>(() => TenderSnapshot.Of(draft, ProcurementThresholds.Official));
    }

    private static HashSet<string> Used(IEnumerable<JsonObject> releases, Func<JsonObject, IEnumerable<JsonNode?>> codes) =>
        releases.SelectMany(codes).Where(c => c is not null).Select(c => c!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
}
