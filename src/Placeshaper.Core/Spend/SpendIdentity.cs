using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Placeshaper.Spend;

/// <summary>
/// The identity of a payment within its organisation, so that a file imported twice, or one that overlaps an earlier
/// one (a quarter and one of its months), adds nothing twice. It is a 64-bit hash of the transaction number and the
/// line's content: date, amount to the stored four places, supplier as written, service area, expense type and
/// description, plus how many identical lines came before it in the same file. Files do list genuinely separate,
/// identical payments (two road-tax payments of £322.50 to DVLA on one day by card); the count keeps both, and the
/// same file read again gives them the same two identities.
/// </summary>
/// <remarks>
/// Two schemes hash the same text, and an organisation keeps the one its ledger was opened with
/// (<see cref="SpendLedger.IdentityScheme"/>), so a file imported before a change of scheme still matches (ADR 0025):
/// <list type="number">
/// <item>SHA-256 of the text in UTF-8, first eight bytes; a repeat hashes the text with its count appended.</item>
/// <item>XXH3 (64-bit) of the text in UTF-16LE; a repeat is XXH3 of the first hash and the count. A tenth of the
/// cost: no call into OpenSSL, no copy to UTF-8. Not cryptographic, nor need it be: a collision between two of one
/// organisation's payments is as likely as with eight bytes of SHA-256 (both 64 bits) and would be a duplicate
/// counted, never a payment changed.</item>
/// </list>
/// </remarks>
public sealed class SpendIdentity(int scheme = SpendIdentity.Current) : IDisposable
{
    public const int Sha256 = 1;
    public const int Xxh3 = 2;

    /// <summary>The scheme a newly opened ledger uses.</summary>
    public const int Current = Xxh3;

    // One hash object reused for every line: a fresh one per call cost more than the hashing.
    private readonly IncrementalHash? sha256 = scheme == Sha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256)
        : scheme == Xxh3 ? null
        : throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "There is no such identity scheme.");

    // Content seen once in this file (8 bytes each, most lines), and how many more times for the few seen again.
    private readonly IdentitySet seen = new();
    private readonly Dictionary<long, int> repeats = [];
    private char[] text = new char[256];
    private int length;
    private byte[] bytes = new byte[512];

    public int Scheme => scheme;

    /// <summary>Makes room for about <paramref name="rows"/> lines at once, rather than growing a doubling at a time (<see cref="IdentitySet.EnsureCapacity"/>).</summary>
    public void Expect(int rows) => seen.EnsureCapacity(rows);

    public long Of(SpendRow row)
    {
        var content = Content(row);
        return seen.Add(content) ? content : Repeat(content);
    }

    /// <summary>
    /// The identities of <paramref name="rows"/>, in file order, into <paramref name="identities"/>: the same as
    /// <see cref="Of(SpendRow)"/> line by line, with the contents seen looked up together (<see cref="IdentitySet.AddAll"/>).
    /// </summary>
    // Every line of a spend file passes through here: compiled for speed at its first call rather than run slowly
    // until the tiered JIT gets to it, which in a fresh process is well into a million-line import (docs/spend.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Of(ReadOnlySpan<SpendRow> rows, Span<long> identities)
    {
        if (scheme == Sha256)
        {
            // A repeat hashes its line's text again, which only the line by line way still holds.
            for (var i = 0; i < rows.Length; i++)
            {
                identities[i] = Of(rows[i]);
            }

            return;
        }

        Contents(rows, identities);
        OfContents(identities[..rows.Length]);
    }

    /// <summary>Whether <see cref="Contents"/> may hash lines apart from <see cref="OfContents"/>: XXH3 only, whose repeats need no text.</summary>
    public bool HashesApart => scheme == Xxh3;

    /// <summary>
    /// The hashes of <paramref name="rows"/>' contents alone, into <paramref name="contents"/>, for
    /// <see cref="OfContents"/> on another instance: they depend on nothing seen before, so another thread can work
    /// them out (<see cref="HashesApart"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Contents(ReadOnlySpan<SpendRow> rows, Span<long> contents)
    {
        if (!HashesApart)
        {
            throw new InvalidOperationException("Only XXH3 identities are hashed apart from the lines seen.");
        }

        for (var i = 0; i < rows.Length; i++)
        {
            contents[i] = Content(rows[i]);
        }
    }

    /// <summary>
    /// Turns the next lines' content hashes (<see cref="Contents"/>), in file order, into their identities in place:
    /// a content seen before in the file becomes a repeat.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OfContents(Span<long> contents)
    {
        var first = contents.Length <= 1024 ? stackalloc bool[contents.Length] : new bool[contents.Length];
        seen.AddAll(contents, first);
        for (var i = 0; i < contents.Length; i++)
        {
            if (!first[i])
            {
                contents[i] = Repeat(contents[i]);
            }
        }
    }

    /// <summary>The hash of a line's content alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Content(SpendRow row)
    {
        length = 0;
        Append(row.TransactionNumber);
        Separate();
        Append(row.Date.DayNumber);
        Separate();
        Append(Common.Money.ToStoredUnits(row.Amount));
        Separate();
        Append(row.Redacted ? "\u0001" : row.Supplier);
        Separate();
        Append(row.ServiceArea);
        Separate();
        Append(row.ExpenseType);
        Separate();
        Append(row.Description);
        return scheme == Sha256 ? HashSha256() : (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan(0, length)));
    }

    /// <summary>
    /// The identity of a line whose content came before in the file, from its hash and how many times it has come
    /// before; SHA-256 hashes the line's text, which must be the last one <see cref="Content"/> was given.
    /// </summary>
    private long Repeat(long content)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(repeats, content, out _);
        count++;
        if (scheme == Sha256)
        {
            Append("\u001E");
            Append(count);
            return HashSha256();
        }

        Span<byte> repeat = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(repeat, content);
        BinaryPrimitives.WriteInt32LittleEndian(repeat[8..], count);
        return (long)XxHash3.HashToUInt64(repeat);
    }

    private void Separate() => Append("\u001F");

    private void Append(ReadOnlySpan<char> value)
    {
        Room(value.Length);
        value.CopyTo(text.AsSpan(length));
        length += value.Length;
    }

    private void Append(long value)
    {
        Room(20);
        value.TryFormat(text.AsSpan(length), out var written, provider: CultureInfo.InvariantCulture);
        length += written;
    }

    private void Room(int more)
    {
        if (length + more > text.Length)
        {
            Array.Resize(ref text, Math.Max(text.Length * 2, length + more));
        }
    }

    private long HashSha256()
    {
        var needed = Encoding.UTF8.GetMaxByteCount(length);
        if (needed > bytes.Length)
        {
            bytes = new byte[needed];
        }

        var written = Encoding.UTF8.GetBytes(text.AsSpan(0, length), bytes);
        Span<byte> hash = stackalloc byte[32];
        sha256!.AppendData(bytes.AsSpan(0, written));
        sha256.GetHashAndReset(hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    public void Dispose() => sha256?.Dispose();
}
