using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Placeshaper.Spend;

/// <summary>
/// A set of 64-bit payment identities (<see cref="SpendIdentity"/>), kept for a million lines or more while a file
/// is imported. Identities are hashes already, so each is placed by its own bits in one array, probing onward past
/// taken slots: a look-up touches one place in memory where <see cref="HashSet{T}"/> touches two (its buckets, then
/// its entries), and the import makes two look-ups a line in sets too large for the processor's cache.
/// </summary>
public sealed class IdentitySet
{
    /// <summary>The array is grown before it is more than three quarters full, so runs of taken slots stay short.</summary>
    private const double MostFull = 0.75;

    // An empty slot holds 0, so the identity 0 (as likely as any other) is remembered apart.
    private long[] slots;
    private int shift;
    private bool holdsZero;

    public IdentitySet(int capacity = 0) => slots = Slots(capacity, out shift);

    public IdentitySet(IReadOnlyCollection<long> identities)
        : this(identities.Count)
    {
        foreach (var identity in identities)
        {
            Add(identity);
        }
    }

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="identity"/>; false when it was already in the set.</summary>
    public bool Add(long identity)
    {
        if (identity == 0)
        {
            if (holdsZero)
            {
                return false;
            }

            holdsZero = true;
            Count++;
            return true;
        }

        if (Count + 1 > slots.Length * MostFull)
        {
            Grow(Count + 1);
        }

        var mask = slots.Length - 1;
        for (var at = Home(identity); ; at = (at + 1) & mask)
        {
            var taken = slots[at];
            if (taken == identity)
            {
                return false;
            }

            if (taken == 0)
            {
                slots[at] = identity;
                Count++;
                return true;
            }
        }
    }

    /// <summary>
    /// Adds each of <paramref name="identities"/> in turn, as <see cref="Add"/> would, saying in <paramref name="added"/>
    /// which were not in the set before (an identity repeated within the span is added once, where it comes first).
    /// </summary>
    /// <remarks>
    /// A million identities spread over 16 MB: nearly every look-up misses the processor's caches and waits for memory,
    /// a quarter of a second a million. Asking for the slot a few identities ahead while this one is placed lets the
    /// waits overlap.
    /// </remarks>
    // Every line of a spend file passes through here: compiled for speed at its first call rather than run slowly
    // until the tiered JIT gets to it, which in a fresh process is well into a million-line import (docs/spend.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddAll(ReadOnlySpan<long> identities, Span<bool> added)
    {
        EnsureCapacity(Count + identities.Length + 1);
        for (var i = 0; i < identities.Length; i++)
        {
            if (i + PrefetchAhead < identities.Length)
            {
                Prefetch(identities[i + PrefetchAhead]);
            }

            added[i] = Add(identities[i]);
        }
    }

    /// <summary>For each of <paramref name="identities"/>, whether it is in the set, looked up as <see cref="AddAll"/> adds.</summary>
    public void ContainsAll(ReadOnlySpan<long> identities, Span<bool> contained)
    {
        for (var i = 0; i < identities.Length; i++)
        {
            if (i + PrefetchAhead < identities.Length)
            {
                Prefetch(identities[i + PrefetchAhead]);
            }

            contained[i] = Contains(identities[i]);
        }
    }

    /// <summary>How many identities ahead a slot is asked for: enough for memory to answer before it is reached.</summary>
    private const int PrefetchAhead = 8;

    /// <summary>
    /// A hint, never a read: should the collector move the array at that instant, the processor fetches a line no one
    /// needs and nothing else happens.
    /// </summary>
    private unsafe void Prefetch(long identity)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), Home(identity))));
        }
    }

    public bool Contains(long identity)
    {
        if (identity == 0)
        {
            return holdsZero;
        }

        var mask = slots.Length - 1;
        for (var at = Home(identity); ; at = (at + 1) & mask)
        {
            var taken = slots[at];
            if (taken == identity)
            {
                return true;
            }

            if (taken == 0)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Makes room for <paramref name="capacity"/> identities at once: grown a doubling at a time, a set of a million
    /// holds its old and new arrays together at each step.
    /// </summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > slots.Length * MostFull)
        {
            Grow(capacity);
        }
    }

    /// <summary>
    /// The slot an identity starts from: its bits multiplied by the golden ratio's (Fibonacci hashing), top bits kept,
    /// so identities alike in their low bits (none should be, but a set must not depend on it) still spread.
    /// </summary>
    private int Home(long identity) => (int)(((ulong)identity * 0x9E3779B97F4A7C15UL) >> shift);

    private void Grow(int capacity)
    {
        var old = slots;
        slots = Slots(capacity, out shift);
        var mask = slots.Length - 1;
        foreach (var identity in old)
        {
            if (identity == 0)
            {
                continue;
            }

            var at = Home(identity);
            while (slots[at] != 0)
            {
                at = (at + 1) & mask;
            }

            slots[at] = identity;
        }
    }

    /// <summary>A power of two slots, at least 16, enough for <paramref name="capacity"/> within <see cref="MostFull"/>.</summary>
    private static long[] Slots(int capacity, out int shift)
    {
        var bits = 4;
        while ((1L << bits) * MostFull < capacity)
        {
            bits++;
        }

        // 2^30 slots (8 GiB) hold some 800 million identities; a file of more lines than that is refused rather than
        // probing a full array for ever.
        if (bits > 30)
        {
            throw new InvalidOperationException($"A set of payment identities holds at most {(int)((1 << 30) * MostFull):N0}.");
        }

        shift = 64 - bits;
        return new long[1 << bits];
    }
}
