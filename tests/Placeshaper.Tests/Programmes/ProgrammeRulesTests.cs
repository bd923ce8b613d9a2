using Placeshaper.Programmes;

namespace Placeshaper.Tests.Programmes;

public sealed class ProgrammeRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Lead = Guid.NewGuid();

    private static Programme Started() => Programme.Start(Lead, "Older people living independently", null, [], null, "Chris", Now).Value.Programme;

    [Fact]
    public void A_new_programme_starts_by_assessing_needs_and_records_it()
    {
        var (programme, first) = Programme.Start(Lead, "Older people", null, [], Guid.Empty, "Chris", Now).Value;

        programme.Stages.ShouldBe([Stage.AssessNeeds]);
        first.Entered.ShouldBe([Stage.AssessNeeds]);
        first.Reason.ShouldBe("Programme started");
    }

    [Fact]
    public void A_programme_can_be_in_several_stages_and_move_back_with_a_reason()
    {
        var programme = Started();
        programme.MoveTo([Stage.ManageDelivery, Stage.ReviewAndLearn], "Contract live; first annual review", null, "Chris", Now).Succeeded.ShouldBeTrue();

        var back = programme.MoveTo([Stage.AssessNeeds, Stage.ManageDelivery], "Review found unmet need in two wards", null, "Chris", Now.AddDays(1));

        back.Succeeded.ShouldBeTrue();
        programme.Stages.ShouldBe([Stage.AssessNeeds, Stage.ManageDelivery]);
        back.Value!.Entered.ShouldBe([Stage.AssessNeeds]);
        back.Value.Left.ShouldBe([Stage.ReviewAndLearn]);
        back.Value.Reason.ShouldBe("Review found unmet need in two wards");
    }

    [Fact]
    public void Every_move_needs_a_reason_a_stage_and_a_change()
    {
        var programme = Started();

        programme.MoveTo([Stage.PriorityOutcomes], " ", null, "Chris", Now).Errors!.ByField.Keys.ShouldBe(["reason"]);
        programme.MoveTo([], "why", null, "Chris", Now).Errors!.ByField.Keys.ShouldBe(["stages"]);
        programme.MoveTo([Stage.AssessNeeds], "why", null, "Chris", Now).Errors!.ByField["stages"].Single().ShouldContain("already");
        programme.Stages.ShouldBe([Stage.AssessNeeds]);
    }

    [Fact]
    public void The_lead_cannot_be_its_own_partner() =>
        Programme.Start(Lead, "Older people", null, [Lead], null, "Chris", Now).Errors!.ByField.Keys.ShouldBe(["partners"]);

    [Fact]
    public void Decisions_need_a_date_not_in_the_future_and_papers_must_be_a_web_address()
    {
        var programme = Started();

        var result = ProgrammeDecision.Record(programme, DateOnly.FromDateTime(Now).AddDays(10), "Approve", "Cabinet", null, "file://share/papers.docx", Now);

        result.Errors!.ByField.Keys.ShouldBe(["decidedOn", "papersUrl"], ignoreOrder: true);
    }
}
