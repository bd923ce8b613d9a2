using Placeshaper.Clarifications;
using Placeshaper.Tenders;

namespace Placeshaper.Tests.Clarifications;

public sealed class ClarificationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime QuestionsClose = Now.AddDays(5);
    private static readonly DateTime BidsClose = Now.AddDays(10);
    private static readonly string[] Descriptors = ["No answer", "Poor", "Weak", "Adequate", "Good", "Excellent"];
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Officer = Guid.NewGuid();

    private static Tender Drafted(DateTime? clarificationDeadline = null)
    {
        var tender = Tender.Draft(Guid.NewGuid(), null, "ANY-2026-050", "Home care", null, ContractKind.GoodsAndServices, 100_000m, ProcurementThresholds.Official, Now.AddDays(-1)).Value!;
        tender.SetAwardCriteria(40, 50, 10, null,
        [
            new(null, QuestionKind.Quality, "How will you keep visits on time?", 100, Descriptors),
            new(null, QuestionKind.SocialValue, "How many local people will you employ?", 100, Descriptors),
        ], Now.AddDays(-1)).ShouldBeNull();
        tender.SetLots([], "One small contract", true, true, Now.AddDays(-1)).ShouldBeNull();
        tender.SetTimetable(clarificationDeadline, BidsClose, Now.AddDays(-1)).ShouldBeNull();
        return tender;
    }

    private static Tender Published(DateTime? clarificationDeadline = null)
    {
        var tender = Drafted(clarificationDeadline);
        tender.Publish(Now, ProcurementThresholds.Official).ShouldBeNull();
        return tender;
    }

    private static Clarification Asked(Tender tender) => Clarification.Ask(tender, Provider, Person, "Will staff transfer under TUPE?", Now).Value!;

    [Fact]
    public void A_bidder_asks_a_published_tender_until_the_clarification_deadline_in_UK_time()
    {
        var tender = Published(QuestionsClose);

        var asked = Clarification.Ask(tender, Provider, Person, "  Will staff transfer under TUPE?  ", QuestionsClose.AddTicks(-1));
        var late = Clarification.Ask(tender, Provider, Person, "Will staff transfer under TUPE?", QuestionsClose);

        asked.Value!.ShouldSatisfyAllConditions(
            c => c.Question.ShouldBe("Will staff transfer under TUPE?"),
            c => c.Status.ShouldBe(ClarificationStatus.Asked),
            c => c.ProviderId.ShouldBe(Provider),
            c => c.AskedBy.ShouldBe(Person),
            c => c.IsPublished.ShouldBeFalse());
        late.Errors!.ByField.Keys.ShouldBe(["tender"]);
        // 27 November 2026 10:00 UTC is 10am in London (GMT).
        Clarification.WhyQuestionsAreClosed(tender, QuestionsClose)!.ShouldBe("Questions closed at 27 November 2026, 10:00am: the clarification deadline has passed.");
    }

    [Fact]
    public void Without_a_clarification_deadline_questions_close_with_bids_and_a_draft_takes_none()
    {
        var open = Published();

        Clarification.WhyQuestionsAreClosed(open, BidsClose.AddTicks(-1)).ShouldBeNull();
        Clarification.WhyQuestionsAreClosed(open, BidsClose)!.ShouldContain("deadline for bids");
        Clarification.WhyQuestionsAreClosed(Drafted(), Now).ShouldBe("This tender is not taking questions.");
        Clarification.Ask(Drafted(), Provider, Person, "Anything?", Now).Errors!.ByField.Keys.ShouldBe(["tender"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_question_must_say_something(string? question) =>
        Clarification.Ask(Published(), Provider, Person, question, Now).Errors!.ByField.Keys.ShouldBe(["question"]);

    [Fact]
    public void Questions_and_answers_have_their_lengths()
    {
        var tender = Published();
        Clarification.Ask(tender, Provider, Person, new string('q', Clarification.MaxQuestion), Now).Succeeded.ShouldBeTrue();
        Clarification.Ask(tender, Provider, Person, new string('q', Clarification.MaxQuestion + 1), Now).Errors!.ByField["question"].Single().ShouldContain("4,000");

        var errors = Asked(tender).Publish(tender, new string('q', 4001), new string('a', Clarification.MaxAnswer + 1), Officer, Now)!.ByField;

        errors.Keys.ShouldBe(["publishedQuestion", "answer"], ignoreOrder: true);
        errors["answer"].Single().ShouldContain("8,000");
    }

    [Fact]
    public void An_answer_is_published_in_the_buyers_wording_or_the_askers_and_is_then_final()
    {
        var tender = Published(QuestionsClose);
        var reworded = Asked(tender);
        var asIs = Asked(tender);

        // Answers may go out after questions close, until the deadline for bids.
        reworded.Publish(tender, "Will staff transfer?", "Yes, about 200 care workers.", Officer, QuestionsClose.AddDays(1)).ShouldBeNull();
        asIs.Publish(tender, "  ", "Yes.", Officer, Now).ShouldBeNull();

        reworded.ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe(ClarificationStatus.Answered),
            c => c.PublishedQuestion.ShouldBe("Will staff transfer?"),
            c => c.Question.ShouldBe("Will staff transfer under TUPE?"),
            c => c.Answer.ShouldBe("Yes, about 200 care workers."),
            c => c.AnsweredAt.ShouldBe(QuestionsClose.AddDays(1)),
            c => c.AnsweredBy.ShouldBe(Officer));
        asIs.PublishedQuestion.ShouldBe("Will staff transfer under TUPE?");
        reworded.WhyNotAnswerable(tender, Now)!.ShouldContain("already been answered");
        reworded.Publish(tender, null, "Changed my mind", Officer, Now)!.ByField.Keys.ShouldBe(["tender"]);
        reworded.Answer.ShouldBe("Yes, about 200 care workers.");
        reworded.WhyNotDeclinable().ShouldNotBeNull();
    }

    [Fact]
    public void No_answer_is_published_once_bids_have_closed()
    {
        var tender = Published(QuestionsClose);
        var clarification = Asked(tender);

        clarification.WhyNotAnswerable(tender, BidsClose)!.ShouldBe("The deadline for bids passed at 2 December 2026, 10:00am: an answer can no longer be published to bidders.");
        clarification.Publish(tender, null, "Too late", Officer, BidsClose)!.ByField.Keys.ShouldBe(["tender"]);
        clarification.Status.ShouldBe(ClarificationStatus.Asked);
        Clarification.PublishOwn(tender, Officer, "Correction", "Lot 2 is 400 hours", BidsClose).Errors!.ByField.Keys.ShouldBe(["tender"]);
    }

    [Fact]
    public void A_declined_question_keeps_its_reason_for_the_asker_and_cannot_then_be_answered()
    {
        var tender = Published(QuestionsClose);
        var clarification = Asked(tender);

        clarification.Decline(" ", Officer, Now)!.ByField.Keys.ShouldBe(["reason"]);
        clarification.Decline("Commercially sensitive: it asks for another provider's rates", Officer, Now.AddHours(1)).ShouldBeNull();

        clarification.ShouldSatisfyAllConditions(
            c => c.Status.ShouldBe(ClarificationStatus.Declined),
            c => c.DeclineReason.ShouldBe("Commercially sensitive: it asks for another provider's rates"),
            c => c.PublishedQuestion.ShouldBeEmpty(),
            c => c.IsPublished.ShouldBeFalse());
        clarification.WhyNotAnswerable(tender, Now).ShouldBe("This question was declined.");
        clarification.Decline("Again", Officer, Now)!.ByField.Keys.ShouldBe(["tender"]);
    }

    [Fact]
    public void The_buyers_own_clarification_is_published_at_once_with_no_asker()
    {
        var tender = Published(QuestionsClose);

        var own = Clarification.PublishOwn(tender, Officer, "Correction to lot 2", "Lot 2 covers 400 hours a week, not 300.", QuestionsClose.AddDays(1)).Value!;

        own.ShouldSatisfyAllConditions(
            c => c.IsBuyers.ShouldBeTrue(),
            c => c.ProviderId.ShouldBeNull(),
            c => c.IsPublished.ShouldBeTrue(),
            c => c.PublishedQuestion.ShouldBe("Correction to lot 2"),
            c => c.AnsweredAt.ShouldBe(QuestionsClose.AddDays(1)));
        Clarification.PublishOwn(tender, Officer, "", "", Now).Errors!.ByField.Keys.ShouldBe(["question", "answer"], ignoreOrder: true);
        Clarification.PublishOwn(Drafted(), Officer, "Correction", "Text", Now).Errors!.ByField.Keys.ShouldBe(["tender"]);
    }
}
