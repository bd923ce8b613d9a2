using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Providers;
using Placeshaper.Spend;

namespace Placeshaper.Tests.Spend;

public sealed class SupplierRulesTests
{
    private static readonly Config ThousandCases = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static readonly Gen<string> Names =
        from words in Gen.Elements("the", "The", "Acme", "BRIGHTSIDE", "care", "Ltd", "LIMITED", "plc", "&", "and", "T/A", "Exeter", "-", "(Plymouth Branch)", "A.K.", "Smith's", "Co.", "  ", "Café").ListOf()
        select string.Join(' ', words);

    [Theory]
    [InlineData("The Brightside Family Support Ltd.", "BRIGHTSIDE FAMILY SUPPORT")]
    [InlineData("BRIGHTSIDE FAMILY SUPPORT LIMITED", "BRIGHTSIDE FAMILY SUPPORT")]
    [InlineData("Smith & Sons PLC", "SMITH AND SONS")]
    [InlineData("Tesco Stores Ltd - Exeter", "TESCO STORES")]
    [InlineData("Tesco Stores Ltd (Plymouth Branch)", "TESCO STORES")]
    [InlineData("Acme Ltd Account 2", "ACME")]
    [InlineData("J Smith Ltd T/A Sunny Days Nursery", "J SMITH")]
    [InlineData("Smith - Jones Ltd", "SMITH JONES")]
    public void A_supplier_name_is_reduced_to_its_match_key(string name, string key) =>
        SupplierNames.MatchKey(name).ShouldBe(key);

    [Fact]
    public void The_trading_name_after_T_A_is_kept_as_an_alias() =>
        SupplierNames.Alias("J Smith Ltd T/A Sunny Days Nursery").ShouldBe("SUNNY DAYS NURSERY");

    [Fact]
    public void Normalising_is_idempotent_and_ignores_case()
    {
        Prop.ForAll(Arb.From(Names), name =>
            {
                var key = SupplierNames.MatchKey(name);
                return SupplierNames.MatchKey(key) == key
                    && SupplierNames.MatchKey(name.ToUpperInvariant()) == key
                    && SupplierNames.MatchKey(name.ToLowerInvariant()) == key;
            })
            .Check(ThousandCases);
    }

    [Fact]
    public void Similarity_is_symmetric_between_0_and_1_and_1_for_the_same_words_in_any_order()
    {
        Prop.ForAll(Arb.From(Gen.Zip(Names, Names)), pair =>
            {
                var (a, b) = (SupplierNames.MatchKey(pair.Item1), SupplierNames.MatchKey(pair.Item2));
                var s = SupplierNames.Similarity(a, b);
                return s >= 0 && s <= 1 && Math.Abs(s - SupplierNames.Similarity(b, a)) < 1e-9;
            })
            .Check(ThousandCases);
        SupplierNames.Similarity("CARE BRIGHTSIDE", "BRIGHTSIDE CARE").ShouldBe(1);
    }

    private static readonly SupplierMatcher.RegisterEntry Brightside = new(Guid.NewGuid(), "Brightside Family Support Ltd", "01234567", null, "GB123456789");
    private static readonly SupplierMatcher.RegisterEntry Brightview = new(Guid.NewGuid(), "Brightview Family Support Ltd", "07654321", null, null);
    private static readonly SupplierMatcher.RegisterEntry Charity = new(Guid.NewGuid(), "Anytown Carers Trust", null, "1002459", null);

    private static SupplierMatcher.Resolution Resolve(string name, string? company = null, string? vat = null, SupplierMatcher.Decision? decision = null) =>
        SupplierMatcher.Resolve(new(NameNormaliser.Normalise(name), name, company, vat), [Brightside, Brightview, Charity], decision);

    [Fact]
    public void Numbers_come_before_names()
    {
        // The name says Brightview, the company number says Brightside: the number wins.
        Resolve("Brightview Family Support", company: "1234567").ShouldBe(new(SupplierStatus.Resolved, "company number", Brightside.Id, null, null));
        Resolve("Someone Else", company: "1002459").ProviderId.ShouldBe(Charity.Id);
        Resolve("Someone Else", vat: "GB 123 4567 89").ShouldBe(new(SupplierStatus.Resolved, "VAT number", Brightside.Id, null, null));
        Resolve("THE BRIGHTSIDE FAMILY SUPPORT LIMITED - EXETER").ShouldBe(new(SupplierStatus.Resolved, "exact name", Brightside.Id, null, null));
    }

    [Fact]
    public void Two_different_suppliers_with_similar_names_are_never_merged_silently()
    {
        var similar = Resolve("Brightsyde Family Support");
        similar.Status.ShouldBe(SupplierStatus.ToReview);
        similar.ProviderId.ShouldBeNull("a similar name is a suggestion, never a match");
        similar.CandidateId.ShouldBe(Brightside.Id);
        similar.Score!.Value.ShouldBeGreaterThanOrEqualTo(SupplierMatcher.ReviewThreshold);

        Resolve("Anytown Community Transport").Status.ShouldBe(SupplierStatus.Unresolved);
    }

    [Fact]
    public void Similar_names_never_resolve_whatever_the_name()
    {
        Prop.ForAll(Arb.From(Names), name =>
            {
                var r = Resolve(name);
                return r.Status != SupplierStatus.Resolved || r.Method == "exact name";
            })
            .Check(ThousandCases);
    }

    [Fact]
    public void An_officers_decision_overrides_the_matching()
    {
        var similar = Resolve("Brightsyde Family Support");
        Resolve("Brightsyde Family Support", decision: new(SupplierDecisionKind.Accept, similar.CandidateId))
            .ShouldBe(new(SupplierStatus.Resolved, "officer", Brightside.Id, null, null));
        var rejected = Resolve("Brightsyde Family Support", decision: new(SupplierDecisionKind.Reject, Brightside.Id));
        rejected.CandidateId.ShouldNotBe(Brightside.Id);
        Resolve("Brightsyde Family Support", decision: new(SupplierDecisionKind.NewSupplier, null)).Status.ShouldBe(SupplierStatus.NewSupplier);
        SupplierMatcher.Resolve(new("", null, null, null), [Brightside], null).Status.ShouldBe(SupplierStatus.Redacted);
    }

    private static readonly SupplierClassifier.Locality OwnArea = new(
        LocalDefinitionKind.OwnArea, new Dictionary<string, string> { ["E06000001"] = "Anytown" }, null, null, "the organisation's area");

    private static readonly Dictionary<string, SupplierClassifier.Place> Places = new()
    {
        ["AT1 1AA"] = new("E06000001", 51.5m, -0.1m),
        ["ZZ1 1ZZ"] = new("E06000099", 53.5m, -2.2m),
    };

    private static SupplierClassifier.Classification Classify(string name, string? postcode = null) =>
        SupplierClassifier.Classify(new SupplierFacts(NameNormaliser.Normalise(name), name, null, null, postcode, 100m, 1), null, OwnArea, Places);

    [Fact]
    public void Classification_rules()
    {
        Classify("Acme Ltd", "at11aa").IsLocal.ShouldBe(true);
        Classify("Acme Ltd", "ZZ1 1ZZ").IsLocal.ShouldBe(false);
        Classify("Acme Ltd", "XX9 9XX").IsLocal.ShouldBeNull("not in the directory");
        Classify("Acme Ltd").IsLocal.ShouldBeNull("no postcode");
        Classify("Devon County Council").IsPublicSector.ShouldBeTrue();
        Classify("Royal Devon University Healthcare NHS Foundation Trust").IsPublicSector.ShouldBeTrue();
        Classify("Councillor Supplies Ltd").IsPublicSector.ShouldBeFalse();
        Classify("Mrs J Smith").IsIndividual.ShouldBeTrue();
        Classify("Sunny Days CIC").IsVcse.ShouldBeTrue();
        Classify("Acme Ltd").IsSme.ShouldBeNull("an unmatched supplier is not known to be an SME");
        SupplierClassifier.Classify(new SupplierFacts("", null, null, null, null, 1m, 1), null, OwnArea, Places).IsIndividual.ShouldBeTrue();

        var radius = new SupplierClassifier.Locality(LocalDefinitionKind.Radius, new Dictionary<string, string>(), new(null, 51.5m, -0.2m), 10m, "AT1 1AA");
        SupplierClassifier.Local([("spend file's", "AT1 1AA")], radius, Places).IsLocal.ShouldBe(true, "about 7 km away");
        SupplierClassifier.Local([("spend file's", "ZZ1 1ZZ")], radius, Places).IsLocal.ShouldBe(false);
        SupplierClassifier.DistanceKm(51.5m, -0.1m, 51.5m, -0.2m).ShouldBe(6.9, 0.1);
    }

    [Fact]
    public void Likely_duplicates_are_the_same_supplier_and_amount_within_the_days_each_paired_with_the_next()
    {
        var day = new DateOnly(2026, 6, 1);
        DuplicatePayments.Payment P(long id, string key, decimal amount, int offset) => new(id, key, amount, day.AddDays(offset), "T" + id);
        var pairs = DuplicatePayments.Find(
            [P(1, "ACME", 100m, 0), P(2, "ACME", 100m, 3), P(3, "ACME", 100m, 7), P(4, "ACME", 100.01m, 1), P(5, "BETA", 100m, 1), P(6, "ACME", -50m, 0), P(7, "ACME", -50m, 0), P(8, "BETA", 100m, 1)],
            3);
        pairs.Select(p => (p.First.Id, p.Second.Id)).ShouldBe([(1L, 2L), (5L, 8L)], ignoreOrder: true);
        DuplicatePayments.Find([P(1, "ACME", 100m, 0), P(2, "ACME", 100m, 4)], 3).ShouldBeEmpty();
        DuplicatePayments.Find([P(1, "ACME", 100m, 0), P(2, "ACME", 100m, 0), P(3, "ACME", 100m, 0)], 0).Count.ShouldBe(2, "three identical payments are two pairs");
    }

    [Theory]
    [InlineData(2026, 4, "2026-27", "2026-27 Q1")]
    [InlineData(2026, 6, "2026-27", "2026-27 Q1")]
    [InlineData(2026, 7, "2026-27", "2026-27 Q2")]
    [InlineData(2026, 12, "2026-27", "2026-27 Q3")]
    [InlineData(2027, 1, "2026-27", "2026-27 Q4")]
    [InlineData(2027, 3, "2026-27", "2026-27 Q4")]
    [InlineData(1999, 4, "1999-00", "1999-00 Q1")]
    public void Financial_years_run_from_April_to_March(int year, int month, string financialYear, string quarter)
    {
        SpendAnalytics.FinancialYear(year, month).ShouldBe(financialYear);
        SpendAnalytics.Quarter(year, month).ShouldBe(quarter);
    }
}
