using System.Security.Cryptography;

namespace Placeshaper.Imports;

/// <summary>
/// What one pass over an uploaded file tells an import before it parses a line: the file's SHA-256 (the checksum
/// an import keeps) and whether it is UTF-8 throughout, with or without a byte-order mark. Finance systems on Windows
/// write Windows-1252, where the £ is the single byte 0xA3 that UTF-8 never allows alone, so a file that is not
/// valid UTF-8 is read as Windows-1252.
/// </summary>
public sealed record FileCheck(string? Sha256, bool Utf8, bool ByteOrderMark)
{
    /// <summary>Bytes read at a time.</summary>
    public const int DefaultBlock = 1 << 20;

    /// <summary>
    /// Reads <paramref name="stream"/> from its start to its end and rewinds it. Without <paramref name="hash"/> the
    /// checksum is left out (<see cref="Sha256"/> is null), for a reader that only needs the encoding.
    /// </summary>
    public static FileCheck Read(Stream stream, bool hash = true, int block = DefaultBlock, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(block, 4);
        using var sha256 = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        var buffer = new byte[block + 3];
        stream.Position = 0;
        var (carried, utf8, first) = (0, true, true);
        var bom = false;
        int count;
        while ((count = stream.Read(buffer, carried, block)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sha256?.AppendData(buffer, carried, count);
            if (!utf8)
            {
                continue;
            }

            var bytes = buffer.AsSpan(0, carried + count);
            if (first && bytes.Length >= 3 && bytes[..3].SequenceEqual("\uFEFF"u8))
            {
                // A short first read leaves the mark to be seen as part of the text: it is valid UTF-8 either way.
                bom = true;
            }

            first = false;
            var complete = CompleteLength(bytes);
            utf8 = System.Text.Unicode.Utf8.IsValid(bytes[..complete]);
            carried = bytes.Length - complete;
            bytes[complete..].CopyTo(buffer);
        }

        stream.Position = 0;
        return new FileCheck(sha256 is null ? null : Convert.ToHexStringLower(sha256.GetHashAndReset()), utf8 && carried == 0, bom && utf8 && carried == 0);
    }

    /// <summary>
    /// The length of <paramref name="bytes"/> up to a character that runs past its end (at most three bytes are left:
    /// the start of a UTF-8 sequence of up to four), so a block's last character is checked whole with the next block.
    /// </summary>
    internal static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(4, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0b1100_0000) == 0b1000_0000)
            {
                // A continuation byte: the character started further back.
                continue;
            }

            var length = b < 0x80 ? 1 : (b & 0b1110_0000) == 0b1100_0000 ? 2 : (b & 0b1111_0000) == 0b1110_0000 ? 3 : (b & 0b1111_1000) == 0b1111_0000 ? 4 : 1;
            return length > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }
}
