using Placeshaper.Access;

namespace Placeshaper.Tests.Access;

public sealed class ApiTokenTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Only_the_hash_of_the_secret_is_kept()
    {
        var (token, secret) = ApiToken.Issue(Guid.NewGuid(), "export", null, TimeSpan.FromDays(30), Now);

        secret.ShouldStartWith("ps_");
        ApiToken.LooksLikeSecret(secret).ShouldBeTrue();
        token.SecretHash.ShouldBe(ApiToken.Hash(secret));
        token.SecretHash.ShouldNotContain(secret[3..]);
        secret.ShouldStartWith(token.Hint);
    }

    [Fact]
    public void Two_tokens_never_share_a_secret()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => ApiToken.Issue(Guid.NewGuid(), "", null, TimeSpan.FromDays(1), Now).Secret).ToHashSet();

        secrets.Count.ShouldBe(200);
    }

    [Fact]
    public void A_token_stops_working_when_it_expires_or_is_revoked()
    {
        var (token, _) = ApiToken.Issue(Guid.NewGuid(), "", null, TimeSpan.FromDays(1), Now);

        token.IsUsableAt(Now.AddHours(23)).ShouldBeTrue();
        token.IsUsableAt(Now.AddDays(1)).ShouldBeFalse();
        token.Revoke(Now.AddHours(1));
        token.IsUsableAt(Now.AddHours(2)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("ps_")]
    [InlineData("ps_short")]
    [InlineData("Bearer ps_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("ps_aaaaaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("ps_aaaaaaaaaaaaaaaaaaaa'aaaaaaaaaaaaaaaaaaaa")]
    public void Malformed_secrets_are_recognised_before_any_lookup(string value) =>
        ApiToken.LooksLikeSecret(value).ShouldBeFalse();

    [Fact]
    public void Lifetimes_beyond_a_year_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ApiToken.Issue(Guid.NewGuid(), "", null, TimeSpan.FromDays(400), Now));
}
