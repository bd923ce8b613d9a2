using Placeshaper.Scrutiny;

namespace Placeshaper.Tests.Scrutiny;

public sealed class ScrutinyQuestionTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Guid Councillor = Guid.NewGuid();
    private static readonly Guid Officer = Guid.NewGuid();

    private static ScrutinyQuestion Asked(DateOnly? due = null) =>
        ScrutinyQuestion.Ask(Guid.NewGuid(), 7, new("Missed visits", "How many visits were missed?", ScrutinySubject.Contract, Guid.NewGuid(), due),
            Councillor, "Cllr Jones", subjectExists: true, Today, Today.AddDays(14), Now).Value!;

    [Fact]
    public void A_question_names_each_thing_missing_or_wrong()
    {
        var errors = ScrutinyQuestion.Ask(Guid.NewGuid(), 1, new(" ", "", ScrutinySubject.Contract, Guid.NewGuid(), Today), Councillor, "Cllr Jones", subjectExists: false, Today, Today, Now).Errors!;

        errors.ByField.Keys.ShouldBe(["title", "question", "subjectId", "dueOn"], ignoreOrder: true);
        ScrutinyQuestion.Ask(Guid.NewGuid(), 1, new("General", "Why?", ScrutinySubject.General, Guid.NewGuid(), null), Councillor, "Cllr Jones", true, Today, Today, Now)
            .Errors!.ByField.Keys.ShouldBe(["subjectId"]);
    }

    [Fact]
    public void The_answer_is_due_on_the_default_date_unless_the_councillor_sets_one_and_is_overdue_only_while_open()
    {
        Asked().DueOn.ShouldBe(Today.AddDays(14));
        var question = Asked(Today.AddDays(5));
        question.DueOn.ShouldBe(Today.AddDays(5));
        question.IsOverdue(Today.AddDays(5)).ShouldBeFalse();
        question.IsOverdue(Today.AddDays(6)).ShouldBeTrue();

        question.Answer("Twelve.", Officer, "Chris", Now.AddDays(7)).Succeeded.ShouldBeTrue();
        question.IsOverdue(Today.AddDays(6)).ShouldBeFalse();
    }

    [Fact]
    public void The_thread_grows_in_order_and_only_the_councillor_who_asked_follows_up_or_closes()
    {
        var question = Asked();
        question.Answer("Mine", Councillor, "Cllr Jones", Now).Errors!.ByField.Keys.ShouldBe(["text"]);
        question.Close(Councillor, Now).Succeeded.ShouldBeFalse("nothing to close before an answer");

        question.Answer("Twelve visits were missed.", Officer, "Chris", Now.AddDays(1)).Succeeded.ShouldBeTrue();
        question.FollowUp("Why?", Officer, "Chris", Today.AddDays(20), Now.AddDays(2)).Succeeded.ShouldBeFalse();
        question.FollowUp("Which wards?", Councillor, "Cllr Jones", Today.AddDays(20), Now.AddDays(2)).Succeeded.ShouldBeTrue();
        (question.Status, question.DueOn).ShouldBe((QuestionStatus.Open, Today.AddDays(20)));
        question.Answer("Eastbrook and Millfield.", Officer, "Chris", Now.AddDays(3)).Succeeded.ShouldBeTrue();

        question.Close(Officer, Now.AddDays(4)).Succeeded.ShouldBeFalse();
        question.Close(Councillor, Now.AddDays(4)).Succeeded.ShouldBeTrue();
        question.Answer("More", Officer, "Chris", Now.AddDays(5)).Succeeded.ShouldBeFalse("a closed question stays as it was closed");
        question.Entries.Select(e => (e.Number, e.Kind)).ShouldBe([(1, EntryKind.Question), (2, EntryKind.Answer), (3, EntryKind.FollowUp), (4, EntryKind.Answer)]);
    }
}
