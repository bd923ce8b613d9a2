using System.Security.Cryptography;
using System.Text;

namespace Placeshaper.Bids;

/// <summary>
/// Envelope encryption for a bid's content: a fresh AES-256-GCM key per bid encrypts the content, and the sealing key
/// encrypts that key. The bid's identity (organisation, tender, bid, provider) is bound in as associated data, so a
/// sealed envelope copied onto another bid's row fails to open rather than being read as that bid.
/// </summary>
public static class BidSeal
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;
    private const int HeaderSize = 1 + NonceSize + TagSize + KeySize + NonceSize + TagSize;

    public sealed record Identity(Guid OrganisationId, Guid TenderId, Guid BidId, Guid ProviderId)
    {
        public byte[] AssociatedData() => Encoding.ASCII.GetBytes($"placeshaper-bid:v{Version}:{OrganisationId:N}:{TenderId:N}:{BidId:N}:{ProviderId:N}");
    }

    public static byte[] Seal(ReadOnlySpan<byte> content, Identity identity, byte[] sealingKey)
    {
        var associated = identity.AssociatedData();
        var envelope = new byte[HeaderSize + content.Length];
        var span = envelope.AsSpan();
        span[0] = Version;
        var keyNonce = span.Slice(1, NonceSize);
        var keyTag = span.Slice(1 + NonceSize, TagSize);
        var wrappedKey = span.Slice(1 + NonceSize + TagSize, KeySize);
        var contentNonce = span.Slice(1 + NonceSize + TagSize + KeySize, NonceSize);
        var contentTag = span.Slice(1 + NonceSize + TagSize + KeySize + NonceSize, TagSize);
        var ciphertext = span[HeaderSize..];

        Span<byte> bidKey = stackalloc byte[KeySize];
        try
        {
            RandomNumberGenerator.Fill(bidKey);
            RandomNumberGenerator.Fill(keyNonce);
            RandomNumberGenerator.Fill(contentNonce);
            using (var wrap = new AesGcm(sealingKey, TagSize))
            {
                wrap.Encrypt(keyNonce, bidKey, wrappedKey, keyTag, associated);
            }

            using var seal = new AesGcm(bidKey, TagSize);
            seal.Encrypt(contentNonce, content, ciphertext, contentTag, associated);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bidKey);
        }

        return envelope;
    }

    /// <summary>The content, or an exception when the envelope was altered, moved or sealed with another key.</summary>
    public static byte[] Open(ReadOnlySpan<byte> envelope, Identity identity, byte[] sealingKey)
    {
        if (envelope.Length < HeaderSize || envelope[0] != Version)
        {
            throw new CryptographicException("The sealed bid is not in a format this version can open.");
        }

        var associated = identity.AssociatedData();
        Span<byte> bidKey = stackalloc byte[KeySize];
        try
        {
            using (var unwrap = new AesGcm(sealingKey, TagSize))
            {
                unwrap.Decrypt(envelope.Slice(1, NonceSize), envelope.Slice(1 + NonceSize + TagSize, KeySize), envelope.Slice(1 + NonceSize, TagSize), bidKey, associated);
            }

            var content = new byte[envelope.Length - HeaderSize];
            using var open = new AesGcm(bidKey, TagSize);
            open.Decrypt(
                envelope.Slice(1 + NonceSize + TagSize + KeySize, NonceSize),
                envelope[HeaderSize..],
                envelope.Slice(1 + NonceSize + TagSize + KeySize + NonceSize, TagSize),
                content,
                associated);
            return content;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bidKey);
        }
    }

    /// <summary>What the bidder keeps as proof of what was sealed and when: a digest of the envelope, never of the content.</summary>
    public static string Receipt(ReadOnlySpan<byte> envelope) => Convert.ToHexStringLower(SHA256.HashData(envelope));
}
