using Placeshaper.Appraisals;
using Placeshaper.Programmes;

namespace Placeshaper.Tests.Appraisals;

public sealed class AppraisalRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    private static Appraisal Started() =>
        Appraisal.Start(Programme.Start(Guid.NewGuid(), "Home care", null, [], null, "Chris", Now).Value.Programme, "Home care models", null, Now).Value!;

    [Fact]
    public void A_new_appraisal_suggests_eight_criteria_weighing_100()
    {
        var appraisal = Started();

        appraisal.Criteria.Select(c => c.Name).ShouldBe(Appraisal.SuggestedCriteria.Select(c => c.Name));
        appraisal.Criteria.Sum(c => c.Weight).ShouldBe(100);
        appraisal.DiscountRate.ShouldBe(0.035m);
    }

    [Fact]
    public void A_score_needs_a_reason_and_stays_on_the_scale()
    {
        var appraisal = Started();
        var option = appraisal.AddOption(DeliveryModels.Find("in-house")!, null, null, Now).Value!;
        var quality = appraisal.Criteria[1].Id;

        var errors = appraisal.Score(option, [new(quality, 7, " ", null), new(appraisal.Criteria[0].Id, 10.5m, "why", null)])!.ByField;

        errors.Keys.ShouldBe([$"scores[{quality}].rationale", $"scores[{appraisal.Criteria[0].Id}].score"], ignoreOrder: true);
        option.Scores.ShouldBeEmpty();
    }

    [Fact]
    public void Removing_a_criterion_removes_its_scores_and_two_options_cannot_share_a_name()
    {
        var appraisal = Started();
        var option = appraisal.AddOption(DeliveryModels.Find("in-house")!, null, null, Now).Value!;
        var kept = appraisal.Criteria[0];
        appraisal.Score(option, [new(kept.Id, 5, "ok", null), new(appraisal.Criteria[1].Id, 5, "ok", null)]).ShouldBeNull();

        appraisal.SetCriteria([new(kept.Id, kept.Name, kept.Description, 100)], Now).ShouldBeNull();
        var twin = appraisal.AddOption(DeliveryModels.Find("in-house")!, null, null, Now);

        option.Scores.Select(s => s.CriterionId).ShouldBe([kept.Id]);
        twin.Errors!.ByField.Keys.ShouldBe(["name"]);
    }

    [Fact]
    public void The_due_diligence_list_follows_the_chosen_model()
    {
        var mutual = DueDiligence.For("mutual").Select(c => c.Source).ToList();
        var inHouse = DueDiligence.For("in-house").Select(c => c.Source).ToList();

        mutual.ShouldContain("Procurement Act 2023 s.33");
        mutual.ShouldContain("Transfer of Undertakings (Protection of Employment) Regulations 2006");
        inHouse.ShouldNotContain("Procurement Act 2023 s.33");
    }

    [Fact]
    public void A_risk_is_rated_likelihood_times_impact()
    {
        var appraisal = Started();
        var option = appraisal.AddOption(DeliveryModels.Find("outsource")!, null, null, Now).Value!;

        var risk = appraisal.AddRisk(option, "Provider exits", 3, 5, null, null, Now).Value!;
        var bad = appraisal.AddRisk(option, "", 0, 6, null, null, Now);

        (risk.Rating, risk.Band).ShouldBe((15, "Very high"));
        bad.Errors!.ByField.Keys.ShouldBe(["description", "likelihood", "impact"], ignoreOrder: true);
    }

    [Fact]
    public void A_long_title_and_option_name_still_fit_the_decisions_log()
    {
        var title = DecideAppraisal.LogTitle(new string('t', 200), new string('o', 200));

        title.Length.ShouldBe(300);
        title.ShouldEndWith("…");
    }
}
