using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Bids;
using Placeshaper.SocialValue;
using Placeshaper.Tenders;

namespace Placeshaper.Tests.SocialValue;

public sealed class SocialValueRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];

    private static MeasureOption Option(string code, string? unit = "people", decimal? proxy = 1_234.5678m) =>
        new(code, "Local jobs", null, "Anytown residents employed", unit, proxy, "Council evaluation", false);

    private static Tender Ready(params MeasureOption[] offered)
    {
        var tender = Tender.Draft(Guid.NewGuid(), null, "ANY-2026-SV", "Home care", null, ContractKind.GoodsAndServices, 100_000m, ProcurementThresholds.Official, Now).Value!;
        tender.SetAwardCriteria(40, 50, 10, null, [new(null, QuestionKind.Quality, "Q", 100, Descriptors), new(null, QuestionKind.SocialValue, "SV", 100, Descriptors)], Now).ShouldBeNull();
        tender.SetLots([], "Small contract", true, true, Now).ShouldBeNull();
        tender.SetTimetable(Now.AddDays(5), Now.AddDays(10), Now).ShouldBeNull();
        tender.OfferSocialValueMeasures(offered, Now).ShouldBeNull();
        return tender;
    }

    [Fact]
    public void A_measure_needs_a_code_theme_description_and_unit_and_a_proxy_value_to_at_most_four_places()
    {
        var valid = new MeasureDetails(" any-01 ", "Local jobs", null, "Residents employed", "people", 1_500.1234m, null, null).Check();
        valid.Value!.Code.ShouldBe("ANY-01", "codes are written in capitals, so any-01 and ANY-01 are one measure");
        valid.Value.ProxyValue.ShouldBe(1_500.1234m);

        var invalid = new MeasureDetails("has space", " ", null, "", null, 1.23456m, null, null).Check();
        invalid.Errors!.ByField.Keys.Order().ShouldBe(["code", "description", "proxyValue", "theme", "unit"]);
        new MeasureDetails("PPN002-M9", "T", null, "D", "u", null, null, null).Check().Errors!.ByField["code"].Single().ShouldContain("PPN 002");
        new MeasureDetails("X", "T", null, "D", "u", -1m, null, null).Check().Errors!.ByField.Keys.ShouldBe(["proxyValue"]);
        new MeasureDetails("X", "T", null, "D", "u", 0m, null, null).Check().Succeeded.ShouldBeTrue("a measure may be worth nothing at proxy");
    }

    [Fact]
    public void The_proxy_value_is_quantity_times_pounds_per_unit_shown_to_the_penny_with_the_working()
    {
        var value = ProxyValue.Of(12.5m, "people", 1_234.5678m);

        value.Value.ShouldBe(15_432.0975m, "exact: no rounding until it is shown");
        value.ShownValue.ShouldBe(15_432.10m);
        value.Working.ShouldBe("12.5 people × £1,234.5678 = £15,432.10");
        ProxyValue.Of(3m, "hours", 0.005m).ShownValue.ShouldBe(0.02m, "half a penny rounds away from zero");
    }

    [Fact]
    public void The_proxy_value_is_always_exactly_quantity_times_proxy() =>
        Prop.ForAll(
            Gen.Choose(1, 100_000_000).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (hundredthsOfUnits, tenThousandthsOfPounds) =>
            {
                var quantity = hundredthsOfUnits / 100m;
                var perUnit = tenThousandthsOfPounds / 10_000m;
                var value = ProxyValue.Of(quantity, "units", perUnit);
                return value.Value == quantity * perUnit
                    && value.Value * 1_000_000m == (decimal)((long)hundredthsOfUnits * tenThousandthsOfPounds)
                    && value.ShownValue == Math.Round(value.Value, 2, MidpointRounding.AwayFromZero);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_shipped_reference_rows_are_the_five_PPN_002_missions_each_cited_and_dated()
    {
        SocialValueReference.Rows.Select(r => r.Mission).ShouldBe([
            "Kick start economic growth", "Make Britain a clean energy superpower", "Take back our streets", "Break down barriers to opportunity", "Build an NHS fit for the future",
        ]);
        SocialValueReference.Rows.ShouldAllBe(r => r.Code.StartsWith(SocialValueReference.CodePrefix) && r.Level == "mission"
            && r.Source == "https://www.gov.uk/government/publications/ppn-002-taking-account-of-social-value-in-the-award-of-contracts"
            && r.Published == new DateOnly(2025, 2, 13) && r.Licence.Contains("Open Government Licence"));
        SocialValueReference.Find("ppn002-m3")!.Mission.ShouldBe("Take back our streets");
    }

    [Fact]
    public void Measures_offered_by_a_tender_are_copied_then_fixed_on_publication()
    {
        var tender = Ready(Option("ANY-01"), MeasureOption.Of(SocialValueReference.Rows[0]));
        tender.SocialValueMeasures.Select(m => (m.Code, m.Unit, m.ProxyValue, m.IsReference)).ShouldBe([("ANY-01", "people", 1_234.5678m, false), ("PPN002-M1", null, null, true)]);
        tender.OfferSocialValueMeasures([Option("ANY-01"), Option("ANY-01")], Now)!.ByField.Keys.ShouldBe(["codes[1]"]);

        tender.Publish(Now, ProcurementThresholds.Official).ShouldBeNull();

        tender.OfferSocialValueMeasures([Option("ANY-02")], Now)!.ByField["tender"].Single().ShouldContain("bidders rely on them");
        tender.SocialValueMeasures.Select(m => m.Code).ShouldBe(["ANY-01", "PPN002-M1"]);
    }

    [Fact]
    public void A_commitment_against_a_measure_takes_its_unit_and_an_unknown_measure_is_refused()
    {
        var tender = Ready(Option("ANY-01"), MeasureOption.Of(SocialValueReference.Rows[0]));
        var social = tender.Questions.Single(q => q.Kind == QuestionKind.SocialValue).Id;
        BidContent.Input Input(params BidContent.CommitmentInput[] commitments) => new(
            [new BidContent.LotPrice(null, 90_000m)], tender.Questions.Select(q => (BidContent.AnswerInput?)new BidContent.AnswerInput(q.Id, "Answer")).ToList(), commitments, []);

        var content = BidContent.From(Input(
            new(social, null, 12.5m, "hours", "any-01"),
            new BidContent.CommitmentInput(social, "Jobs for care leavers", 3m, "jobs", "PPN002-M1"),
            new BidContent.CommitmentInput(social, "Coffee mornings", 40m, "mornings")), tender).Value!;

        content.Commitments.ShouldBe([
            new BidContent.Commitment(social, "Anytown residents employed", 12.5m, "people", "ANY-01"),
            new BidContent.Commitment(social, "Jobs for care leavers", 3m, "jobs", "PPN002-M1"),
            new BidContent.Commitment(social, "Coffee mornings", 40m, "mornings"),
        ]);
        BidContent.From(Input(new BidContent.CommitmentInput(social, "x", 1m, "u", "ANY-99")), tender).Errors!.ByField.Keys.ShouldBe(["commitments[0].measureCode"]);
        BidContent.From(Input(new BidContent.CommitmentInput(social, "x", 1m, null, "PPN002-M1")), tender).Errors!.ByField.Keys.ShouldBe(["commitments[0].unit"]); // a mission has no unit: the bidder gives one

        var lines = CommitmentValues.For(tender, content);
        lines.Select(l => l.Value?.Value).ShouldBe([15_432.0975m, null, null]);
        CommitmentValues.Total(lines).ShouldBe(15_432.0975m);
    }

    [Fact]
    public void Sealed_content_from_before_measures_still_opens_and_a_measure_code_survives_the_round_trip()
    {
        var question = Guid.NewGuid();
        var old = $$"""{"Prices":[{"LotId":null,"Price":1000}],"Answers":[],"Commitments":[{"QuestionId":"{{question}}","Measure":"Apprenticeships","Quantity":6,"Unit":"people"}],"Documents":[]}""";

        var opened = JsonSerializer.Deserialize<BidContent>(Encoding.UTF8.GetBytes(old))!;
        opened.Commitments.Single().ShouldBe(new BidContent.Commitment(question, "Apprenticeships", 6m, "people"));
        opened.Commitments.Single().MeasureCode.ShouldBeNull();

        var withCode = opened with { Commitments = [new BidContent.Commitment(question, "Apprenticeships", 6m, "people", "ANY-01")] };
        JsonSerializer.Deserialize<BidContent>(JsonSerializer.SerializeToUtf8Bytes(withCode))!.Commitments.Single().MeasureCode.ShouldBe("ANY-01");
    }
}
