using Placeshaper.Reviews;

namespace Placeshaper.Tests.Reviews;

public sealed class ReviewTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Provider = Guid.NewGuid();

    private static Review.Input Good(string comment = "Kind and on time every single visit, thank you.") =>
        new(Provider, null, new ReviewRatings(5, 4, 5, 4), comment, "Jo", "jo@example.com", true);

    [Fact]
    public void Every_missing_or_out_of_range_answer_is_named()
    {
        var errors = Review.Check(new Review.Input(null, null, new ReviewRatings(0, 6, null, 3), "Too short", new string('x', 61), "not-an-email", false));

        errors.ByField.Keys.ShouldBe(["providerId", "quality", "reliability", "respect", "comment", "displayName", "email", "acceptRules"], ignoreOrder: true);
    }

    [Fact]
    public void A_clean_review_is_published_when_confirmed_and_the_email_is_kept_only_as_a_hash()
    {
        var (review, token) = Review.Submit(Guid.NewGuid(), Good(), "192.0.2.1", Now);

        review.Status.ShouldBe(ReviewStatus.AwaitingConfirmation);
        review.EmailHash.ShouldBe(Review.HashEmail(" JO@example.com "));
        review.ConfirmationTokenHash.ShouldBe(Review.Hash(token));
        review.ConfirmationTokenHash.ShouldNotContain(token);
        review.Overall.ShouldBe(4.5m);

        review.Confirm([], Now.AddHours(1)).Succeeded.ShouldBeTrue();
        (review.Status, review.PublishedAt).ShouldBe((ReviewStatus.Published, Now.AddHours(1)));
    }

    [Fact]
    public void A_review_with_concerns_is_held_and_a_moderator_must_say_which_rule_a_rejection_breaks()
    {
        var (review, _) = Review.Submit(Guid.NewGuid(), Good(), "192.0.2.1", Now);
        review.Confirm(["a link"], Now.AddHours(1)).Succeeded.ShouldBeTrue();
        (review.Status, review.HeldBecause, review.PublishedAt).ShouldBe((ReviewStatus.HeldForModeration, "a link", null));

        review.Moderate(publish: false, "  ", Now.AddDays(1)).Errors!.ByField.Keys.ShouldBe(["note"]);
        review.Moderate(publish: false, "No links or advertising", Now.AddDays(1)).Succeeded.ShouldBeTrue();
        review.Status.ShouldBe(ReviewStatus.Rejected);
        review.Moderate(publish: true, null, Now.AddDays(2)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void A_confirmation_link_expires_after_seven_days()
    {
        var (review, _) = Review.Submit(Guid.NewGuid(), Good(), "192.0.2.1", Now);

        review.Confirm([], Now + Review.ConfirmationLifetime + TimeSpan.FromMinutes(1)).Errors!.ByField.Keys.ShouldBe(["token"]);
        review.Status.ShouldBe(ReviewStatus.AwaitingConfirmation);
    }

    [Fact]
    public void Only_the_provider_reviewed_may_reply_and_only_once_the_review_is_published()
    {
        var (review, _) = Review.Submit(Guid.NewGuid(), Good(), "192.0.2.1", Now);
        review.ReplyAsProvider(Provider, "Thank you", Now).Succeeded.ShouldBeFalse();
        review.Confirm([], Now.AddHours(1));

        review.ReplyAsProvider(Guid.NewGuid(), "We are better", Now).Succeeded.ShouldBeFalse();
        review.ReplyAsProvider(Provider, "", Now).Succeeded.ShouldBeFalse();
        review.ReplyAsProvider(Provider, "Thank you, Jo.", Now.AddDays(1)).Succeeded.ShouldBeTrue();
        (review.Reply, review.RepliedAt).ShouldBe(("Thank you, Jo.", Now.AddDays(1)));
    }
}
