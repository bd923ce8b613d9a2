using Placeshaper.Tenders;

namespace Placeshaper.Tests.Tenders;

public sealed class TenderRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];

    private static Tender Drafted(decimal value, ContractKind kind = ContractKind.GoodsAndServices) =>
        Tender.Draft(Guid.NewGuid(), null, "ANY-2026-001", "Home care", null, kind, value, ProcurementThresholds.Official, Now).Value!;

    [Theory]
    [InlineData(29_999.99, ContractKind.GoodsAndServices, Route.Quotes)]
    [InlineData(30_000, ContractKind.GoodsAndServices, Route.BelowThreshold)]
    [InlineData(207_719.99, ContractKind.GoodsAndServices, Route.BelowThreshold)]
    [InlineData(207_720, ContractKind.GoodsAndServices, Route.OpenProcedure)]
    [InlineData(663_539, ContractKind.LightTouchServices, Route.BelowThreshold)]
    [InlineData(663_540, ContractKind.LightTouchServices, Route.CompetitiveFlexible)]
    [InlineData(5_192_999, ContractKind.Works, Route.BelowThreshold)]
    [InlineData(5_193_000, ContractKind.Works, Route.OpenProcedure)]
    public void The_route_follows_the_thresholds_in_force_from_1_January_2026(decimal value, ContractKind kind, Route route)
    {
        var advice = ProcedureAdvice.For(kind, value, Today, ProcurementThresholds.Official);

        advice.Route.ShouldBe(route);
        advice.AboveThreshold.ShouldBe(route >= Route.OpenProcedure);
    }

    [Fact]
    public void A_procurement_keeps_the_thresholds_in_force_when_it_commenced()
    {
        var before = ProcurementThresholds.Official.For(ContractKind.GoodsAndServices, new DateOnly(2025, 12, 31))!;
        var after = ProcurementThresholds.Official.For(ContractKind.GoodsAndServices, new DateOnly(2026, 1, 1))!;

        (before.Amount, after.Amount).ShouldBe((214_904m, 207_720m));
        after.Source.ShouldContain("SI 2025/1200");
        ProcedureAdvice.For(ContractKind.GoodsAndServices, 210_000m, new DateOnly(2025, 6, 1), ProcurementThresholds.Official).Route.ShouldBe(Route.BelowThreshold);
    }

    [Fact]
    public void A_lighter_route_than_the_law_requires_is_refused_and_a_heavier_one_needs_a_reason()
    {
        var tender = Drafted(300_000m);
        var small = Drafted(50_000m);

        tender.ChooseRoute(Route.BelowThreshold, "cheaper", ProcurementThresholds.Official, Today)!.ByField.Keys.ShouldBe(["route"]);
        small.ChooseRoute(Route.OpenProcedure, null, ProcurementThresholds.Official, Today)!.ByField.Keys.ShouldBe(["routeReason"]);
        small.ChooseRoute(Route.OpenProcedure, "Complex safeguarding requirements", ProcurementThresholds.Official, Today).ShouldBeNull();
        small.Route.ShouldBe(Route.OpenProcedure);
    }

    [Fact]
    public void Award_criteria_follow_the_evaluation_rules()
    {
        var tender = Drafted(300_000m);
        Tender.QuestionInput Quality(decimal weight) => new(null, QuestionKind.Quality, "How will you keep visits on time?", weight, Descriptors);

        var noSocialValue = tender.SetAwardCriteria(60, 40, 0, null, [Quality(100)], Now)!.ByField;
        var badWeights = tender.SetAwardCriteria(50, 40, 20, null, [Quality(60), new(null, QuestionKind.SocialValue, "Local jobs?", 100, Descriptors)], Now)!.ByField;
        var undescribed = tender.SetAwardCriteria(40, 50, 10, null, [Quality(100) with { Descriptors = ["Poor"] }, new(null, QuestionKind.SocialValue, "Local jobs?", 100, Descriptors)], Now)!.ByField;

        noSocialValue.Keys.ShouldContain("weights.socialValue");
        badWeights.Keys.ShouldBe(["weights", "quality"], ignoreOrder: true);
        undescribed.Keys.ShouldBe(["questions[0].descriptors"]);
        tender.SetAwardCriteria(60, 40, 0, "Supply of road salt: no social value scope proportionate to the contract", [Quality(100)], Now).ShouldBeNull();
        tender.SocialValueWaiverReason.ShouldStartWith("Supply of road salt");
    }

    [Fact]
    public void A_route_advised_under_last_years_thresholds_cannot_be_published_under_this_years()
    {
        var december = new DateTime(2025, 12, 15, 10, 0, 0, DateTimeKind.Utc);
        var tender = Tender.Draft(Guid.NewGuid(), null, "ANY-2025-099", "Cleaning", null, ContractKind.GoodsAndServices, 210_000m, ProcurementThresholds.Official, december).Value!;
        tender.Route.ShouldBe(Route.BelowThreshold);
        tender.SetAwardCriteria(40, 50, 10, null, [new(null, QuestionKind.Quality, "Q", 100, Descriptors), new(null, QuestionKind.SocialValue, "SV", 100, Descriptors)], december);
        tender.SetLots([], "One building", true, true, december);
        tender.SetTimetable(null, Now.AddDays(30), december);

        tender.Publish(Now, ProcurementThresholds.Official)!.ByField.Keys.ShouldBe(["route"]);
    }

    [Fact]
    public void A_question_given_twice_or_weights_beyond_two_places_are_refused()
    {
        var tender = Drafted(300_000m);
        tender.SetAwardCriteria(40, 50, 10, null, [new(null, QuestionKind.Quality, "Q", 100, Descriptors), new(null, QuestionKind.SocialValue, "SV", 100, Descriptors)], Now).ShouldBeNull();
        var quality = tender.Questions.Single(q => q.Kind == QuestionKind.Quality).Id;

        var twice = tender.SetAwardCriteria(40, 50, 10, null,
            [new(quality, QuestionKind.Quality, "Q", 50, Descriptors), new(quality, QuestionKind.Quality, "Q again", 50, Descriptors), new(null, QuestionKind.SocialValue, "SV", 100, Descriptors)], Now)!.ByField;
        var places = tender.SetAwardCriteria(33.333m, 33.333m, 33.334m, null,
            [new(quality, QuestionKind.Quality, "Q", 100, Descriptors), new(null, QuestionKind.SocialValue, "SV", 100, Descriptors)], Now)!.ByField;

        twice.Keys.ShouldBe(["questions[1].id"]);
        places.Keys.ShouldBe(["weights.price", "weights.quality", "weights.socialValue"], ignoreOrder: true);
    }

    [Fact]
    public void A_question_with_a_bad_weight_is_named_by_its_place_in_the_request()
    {
        var tender = Drafted(300_000m);

        var errors = tender.SetAwardCriteria(40, 50, 10, null,
        [
            new(null, QuestionKind.Quality, "Q1", 50, Descriptors),
            new(null, QuestionKind.SocialValue, "SV", 100, Descriptors),
            new(null, QuestionKind.Quality, "Q2", 150, Descriptors),
        ], Now)!.ByField;

        errors.Keys.ShouldContain("questions[2].weight");
    }

    [Fact]
    public void Lots_add_up_to_the_estimated_value_or_the_reason_for_none_is_recorded()
    {
        var tender = Drafted(300_000m);

        tender.SetLots([("North", 100_000m), ("South", 150_000m)], null, true, true, Now)!.ByField.Keys.ShouldBe(["lots"]);
        tender.SetLots([], null, true, false, Now)!.ByField.Keys.ShouldBe(["noLotsReason"]);
        tender.SetLots([("North", 100_000m), ("South", 200_000m)], null, true, true, Now).ShouldBeNull();
        tender.Lots.Select(l => l.Number).ShouldBe([1, 2]);
    }

    [Fact]
    public void Publishing_needs_questions_lots_and_a_future_deadline_then_fixes_the_terms()
    {
        var tender = Drafted(300_000m);
        tender.Publish(Now, ProcurementThresholds.Official)!.ByField["tender"].ShouldBe([
            "Add the quality questions",
            "Add the social value questions",
            "Divide the contract into lots, or say why not",
            "Set a deadline for bids in the future",
            "Give at least one question, or weigh this part 0",
            "Give at least one question, or weigh this part 0",
        ]);

        tender.SetAwardCriteria(40, 50, 10, null, [new(null, QuestionKind.Quality, "Q", 100, Descriptors), new(null, QuestionKind.SocialValue, "SV", 100, Descriptors)], Now).ShouldBeNull();
        tender.SetLots([], "One home care service for a small borough", true, true, Now).ShouldBeNull();
        tender.SetTimetable(Now.AddDays(20), Now.AddDays(30), Now).ShouldBeNull();

        tender.Publish(Now, ProcurementThresholds.Official).ShouldBeNull();
        tender.Status.ShouldBe(TenderStatus.Published);
        tender.SetTimetable(Now.AddDays(20), Now.AddDays(40), Now)!.ByField["tender"].Single().ShouldContain("bidders rely on them");
    }
}
