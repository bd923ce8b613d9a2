using Placeshaper.Reviews;

namespace Placeshaper.Tests.Reviews;

public sealed class HouseRulesTests
{
    [Theory]
    [InlineData("Great service, see www.example.com for more", "a link")]
    [InlineData("Read my blog at https://blog.example/post", "a link")]
    [InlineData("Best carers, cheaper-care.co.uk are worse", "a link")]
    [InlineData("Email me at jo.bloggs@example.com if you want to know more", "personal data: an email address")]
    [InlineData("Ring me on 07700 900123 any time", "personal data: a phone number")]
    [InlineData("Ring me on +44 7700 900 123 any time", "personal data: a phone number")]
    [InlineData("They came to my flat at AT1 2AB every morning", "personal data: a postcode")]
    [InlineData("The manager is an idiot and should be sacked", "possible abuse")]
    public void Text_that_may_break_the_rules_is_held_for_a_moderator_saying_why(string text, string concern) =>
        HouseRules.Concerns(text).ShouldContain(concern);

    [Theory]
    [InlineData("The carers came on time every day and were kind to Mum. Five stars from our family.")]
    [InlineData("Visits were 30 minutes, twice a day, 7 days a week, for 12 weeks in 2025.")]
    [InlineData("Scunthorpe relatives thought the service was good value.")]
    public void Ordinary_reviews_pass_without_being_held(string text) =>
        HouseRules.Concerns(text).ShouldBeEmpty();

    [Fact]
    public void The_name_a_reviewer_shows_is_checked_too() =>
        HouseRules.Concerns("A fair review of the service that is long enough", "jo@example.com").ShouldContain("personal data: an email address");
}
