using Placeshaper.Organisations;

namespace Placeshaper.Tests.Organisations;

public sealed class OrganisationTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("anytown")]
    [InlineData("anytown-icb")]
    [InlineData("e06000023")]
    [InlineData(" Anytown ")]
    public void Good_slugs_are_accepted_in_lower_case(string slug)
    {
        var result = Organisation.Create(slug, "Anytown Borough Council", OrganisationKind.Council, Now);

        result.Succeeded.ShouldBeTrue();
        result.Value.Slug.ShouldBe(slug.Trim().ToLowerInvariant());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("-anytown")]
    [InlineData("anytown-")]
    [InlineData("any--town")]
    [InlineData("any town")]
    [InlineData("anytown/icb")]
    public void Bad_slugs_are_refused_with_the_field_named(string slug)
    {
        var result = Organisation.Create(slug, "Anytown", OrganisationKind.Council, Now);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ByField.Keys.ShouldBe(["slug"]);
    }

    [Fact]
    public void A_name_is_required() =>
        Organisation.Create("anytown", " ", OrganisationKind.Council, Now).Errors!.ByField.Keys.ShouldBe(["name"]);
}
