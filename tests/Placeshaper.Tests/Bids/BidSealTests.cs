using System.Security.Cryptography;
using System.Text;
using Placeshaper.Bids;

namespace Placeshaper.Tests.Bids;

public sealed class BidSealTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    private static BidSeal.Identity AnIdentity() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void A_sealed_bid_opens_with_its_key_and_identity_to_exactly_what_was_sealed()
    {
        var identity = AnIdentity();
        var content = Encoding.UTF8.GetBytes("{\"price\":380000}");

        var envelope = BidSeal.Seal(content, identity, Key);

        Encoding.UTF8.GetString(envelope).ShouldNotContain("380000");
        BidSeal.Open(envelope, identity, Key).ShouldBe(content);
    }

    [Fact]
    public void An_envelope_moved_to_another_bid_or_altered_or_opened_with_another_key_does_not_open()
    {
        var identity = AnIdentity();
        var envelope = BidSeal.Seal("secret"u8, identity, Key);
        var altered = envelope.ToArray();
        altered[^1] ^= 1;

        Should.Throw<CryptographicException>(() => BidSeal.Open(envelope, identity with { BidId = Guid.NewGuid() }, Key));
        Should.Throw<CryptographicException>(() => BidSeal.Open(envelope, identity with { ProviderId = Guid.NewGuid() }, Key));
        Should.Throw<CryptographicException>(() => BidSeal.Open(altered, identity, Key));
        Should.Throw<CryptographicException>(() => BidSeal.Open(envelope, identity, RandomNumberGenerator.GetBytes(32)));
        Should.Throw<CryptographicException>(() => BidSeal.Open([], identity, Key));
    }

    [Fact]
    public void Sealing_the_same_bid_twice_gives_different_envelopes_so_equal_bids_cannot_be_spotted()
    {
        var identity = AnIdentity();

        BidSeal.Seal("same"u8, identity, Key).ShouldNotBe(BidSeal.Seal("same"u8, identity, Key));
    }

    [Fact]
    public void The_key_file_is_created_once_kept_private_and_read_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}", "sealing-keys");
        try
        {
            var created = SealingKeys.LoadOrCreate(path, TimeProvider.System);
            var again = SealingKeys.LoadOrCreate(path, TimeProvider.System);

            again.CurrentId.ShouldBe(created.CurrentId);
            again.Current.ShouldBe(created.Current);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_key_file_is_refused_naming_the_line()
    {
        var error = Should.Throw<InvalidOperationException>(() => SealingKeys.Parse(["# keys", "k1 not-base64"], "keys.txt"));

        error.Message.ShouldContain("keys.txt, line 2");
        Should.Throw<InvalidOperationException>(() => SealingKeys.Parse([], "empty")).Message.ShouldContain("no sealing key");
        var rotated = SealingKeys.Parse([$"new {Convert.ToBase64String(new byte[32])}", $"old {Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray())}"], "keys");
        (rotated.CurrentId, rotated.Find("old")![0], rotated.Find("missing")).ShouldBe(("new", (byte)1, (byte[]?)null));
    }
}
