using System.Security.Cryptography;
using System.Text;

namespace Placeshaper.Access;

/// <summary>
/// A bearer token for the JSON API. It acts as its person, never beyond: the person's organisations and roles,
/// optionally narrowed to one organisation. Only a SHA-256 hash is stored; the secret is shown once at creation.
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "ps_";

    private ApiToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The first characters of the secret, so a person can tell their tokens apart.</summary>
    public string Hint { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    /// <summary>When set, the token reaches only this organisation even if its person belongs to others.</summary>
    public Guid? OrganisationId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsUsableAt(DateTime now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTime now) => RevokedAt ??= now;

    /// <summary>Issues a token; the returned secret is the only copy there will ever be.</summary>
    public static (ApiToken Token, string Secret) Issue(Guid personId, string name, Guid? organisationId, TimeSpan lifetime, DateTime now)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(366))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token lives between a moment and a year.");
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            Name = string.IsNullOrWhiteSpace(name) ? "API token" : name.Trim(),
            Hint = secret[..(SecretPrefix.Length + 6)],
            SecretHash = Hash(secret),
            OrganisationId = organisationId,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (token, secret);
    }

    /// <summary>The stored form of a secret. A plain hash suffices: the secret has 256 random bits, nothing to guess.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool LooksLikeSecret(string value) =>
        value.StartsWith(SecretPrefix, StringComparison.Ordinal) && value.Length is > 20 and < 100
        && value.AsSpan(SecretPrefix.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
