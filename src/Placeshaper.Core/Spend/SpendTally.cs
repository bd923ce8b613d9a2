using System.Runtime.InteropServices;

namespace Placeshaper.Spend;

/// <summary>
/// What an import adds, worked out as the file is read: whether each payment is new to the organisation (its
/// identity not among those held, nor earlier in the file), and the totals the summaries read, summed exactly in
/// stored units from the new payments only: by day and supplier and by day and category, line by line; by month and
/// supplier and by day, from those at the end. Kept on the writing thread, beside the writes, while the reading
/// thread parses and hashes; the writer adds the totals to their tables at the end.
/// </summary>
public sealed class SpendTally(IEnumerable<long> held)
{
    private readonly HashSet<long> identities = [.. held];
    private long units;

    /// <summary>Per (day, supplier key, company number).</summary>
    public Dictionary<(DateOnly Date, string Key, string Number), (long Units, int Count)> SupplierDays { get; } = [];

    /// <summary>Per (day, service area, expense type).</summary>
    public Dictionary<(DateOnly Date, string Area, string Type), (long Units, int Count)> DayCategories { get; } = [];

    /// <summary>
    /// Per (yyyymm month, supplier key, company number): summed from the supplier's days when asked for, at the end,
    /// rather than kept line by line beside them.
    /// </summary>
    public IEnumerable<((int Month, string Key, string Number) Key, (long Units, int Count) Value)> Months =>
        Sum(SupplierDays, d => (Month(d.Date), d.Key, d.Number));

    /// <summary>Per day, summed from the day's categories when asked for.</summary>
    public IEnumerable<(DateOnly Key, (long Units, int Count) Value)> Days => Sum(DayCategories, d => d.Date);

    /// <summary>Payments that were new.</summary>
    public int Added { get; private set; }

    /// <summary>Their total, exact.</summary>
    public decimal Total => Common.Money.FromStoredUnits(units);

    /// <summary>
    /// Counts a payment read, and its amount in the totals, when its identity is new; false for a duplicate, which is
    /// neither counted nor to be written. The texts are already cut to their columns, "" when not given.
    /// </summary>
    public bool Add(DateOnly date, long stored, string supplierKey, string companyNumber, string serviceArea, string expenseType, long identity)
    {
        if (!identities.Add(identity))
        {
            return false;
        }

        ref var bySupplierDay = ref CollectionsMarshal.GetValueRefOrAddDefault(SupplierDays, (date, supplierKey, companyNumber), out _);
        bySupplierDay = (bySupplierDay.Units + stored, bySupplierDay.Count + 1);
        ref var byCategory = ref CollectionsMarshal.GetValueRefOrAddDefault(DayCategories, (date, serviceArea, expenseType), out _);
        byCategory = (byCategory.Units + stored, byCategory.Count + 1);
        units += stored;
        Added++;
        return true;
    }

    /// <summary>
    /// Makes room for about <paramref name="rows"/> more identities at once: a set of a million grown a doubling at a
    /// time holds its old and new arrays together at each step, tens of megabytes the import would otherwise peak at.
    /// </summary>
    public void Expect(int rows) => identities.EnsureCapacity(identities.Count + rows);

    /// <summary>The month as yyyymm, as payments and the month totals carry it.</summary>
    public static int Month(DateOnly date) => (date.Year * 100) + date.Month;

    private static IEnumerable<(TKey Key, (long Units, int Count) Value)> Sum<TFiner, TKey>(
        Dictionary<TFiner, (long Units, int Count)> finer, Func<TFiner, TKey> coarser)
        where TFiner : notnull
        where TKey : notnull
    {
        var sums = new Dictionary<TKey, (long Units, int Count)>();
        foreach (var (key, (units, count)) in finer)
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, coarser(key), out _);
            sum = (sum.Units + units, sum.Count + count);
        }

        return sums.Select(s => (s.Key, s.Value));
    }
}
