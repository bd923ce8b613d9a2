using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Placeshaper.Spend;

/// <summary>
/// The identity of a payment within its organisation, so that a file imported twice, or one that overlaps an earlier
/// one (a quarter and one of its months), adds nothing twice. It is a 64-bit hash (the first eight bytes of SHA-256)
/// of the transaction number and the line's content: date, amount to the stored four places, supplier as written,
/// service area, expense type and description, plus how many identical lines came before it in the same file.
/// Files do list genuinely separate, identical payments (two road-tax payments of £322.50 to DVLA on one day by
/// card); the count keeps both, and the same file read again gives them the same two identities.
/// </summary>
public sealed class SpendIdentity : IDisposable
{
    // One hash object reused for every line: a fresh one per call cost more than the hashing.
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    // Content seen once in this file (8 bytes each, most lines), and how many more times for the few seen again.
    private readonly HashSet<long> seen = [];
    private readonly Dictionary<long, int> repeats = [];
    private readonly StringBuilder text = new(256);
    private byte[] bytes = new byte[512];

    public long Of(SpendRow row)
    {
        text.Clear()
            .Append(row.TransactionNumber).Append('\u001F')
            .Append(row.Date.DayNumber.ToString(CultureInfo.InvariantCulture)).Append('\u001F')
            .Append(Common.Money.ToStoredUnits(row.Amount).ToString(CultureInfo.InvariantCulture)).Append('\u001F')
            .Append(row.Redacted ? "\u0001" : row.Supplier).Append('\u001F')
            .Append(row.ServiceArea).Append('\u001F')
            .Append(row.ExpenseType).Append('\u001F')
            .Append(row.Description);
        var content = Hash();
        if (seen.Add(content))
        {
            return content;
        }

        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(repeats, content, out _);
        count++;
        text.Append('\u001E').Append(count.ToString(CultureInfo.InvariantCulture));
        return Hash();
    }

    private long Hash()
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > bytes.Length)
        {
            bytes = new byte[needed];
        }

        var length = 0;
        foreach (var chunk in text.GetChunks())
        {
            length += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(length));
        }

        Span<byte> hash = stackalloc byte[32];
        sha256.AppendData(bytes.AsSpan(0, length));
        sha256.GetHashAndReset(hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    public void Dispose() => sha256.Dispose();
}
