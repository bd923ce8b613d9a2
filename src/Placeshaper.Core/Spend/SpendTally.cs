using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Placeshaper.Spend;

/// <summary>
/// What an import adds, worked out as the file is read: whether each payment is new to the organisation (its
/// identity not among those held), and the totals the summaries read, summed exactly in
/// stored units from the new payments only: by day and supplier and by day, service area and expense type, line by
/// line, keyed by their numbers in the import's <see cref="SpendNames"/>; by month and supplier and by day, from
/// those at the end. Kept on the writing thread, beside the writes, while the reading thread parses and hashes; the
/// writer adds the totals to their tables at the end.
/// </summary>
/// <remarks>
/// Identities within one file are distinct already: <see cref="SpendIdentity"/> gives a line that repeats an earlier
/// one an identity of its own, counting the repeats. So only the identities held before the import are looked up,
/// a set that stays empty for an organisation's first import, rather than every identity added to a second set of
/// a million (ADR 0027).
/// </remarks>
public sealed class SpendTally(IReadOnlyCollection<long> held, SpendNames names)
{
    private readonly IdentitySet identitiesHeld = new(held);

    // Keyed by the suppliers' and the service areas' numbers (SpendNames), which hash in a step where texts took one
    // per character; turned into the texts the totals tables are keyed by when asked for, at the end.
    private readonly Dictionary<(DateOnly Date, int Supplier, string Number), (long Units, int Count)> supplierDays = [];
    private readonly Dictionary<(DateOnly Date, int ServiceExpense), (long Units, int Count)> serviceExpenseDays = [];
    private long units;

    /// <summary>Per (day, supplier key, company number): suppliers written differently with one key are summed together.</summary>
    public IEnumerable<((DateOnly Date, string Key, string Number) Key, (long Units, int Count) Value)> SupplierDays =>
        Sum(supplierDays, d => (d.Date, names.SupplierOf(d.Supplier).Key, d.Number));

    /// <summary>Per (day, service area, expense type), "" for either not given.</summary>
    public IEnumerable<((DateOnly Date, string Area, string Type) Key, (long Units, int Count) Value)> DayCategories =>
        Sum(serviceExpenseDays, d =>
        {
            var (area, type) = names.ServiceExpenseOf(d.ServiceExpense);
            return (d.Date, area ?? "", type ?? "");
        });

    /// <summary>Per (yyyymm month, supplier key, company number), summed from the supplier's days.</summary>
    public IEnumerable<((int Month, string Key, string Number) Key, (long Units, int Count) Value)> Months =>
        Sum(supplierDays, d => (Month(d.Date), names.SupplierOf(d.Supplier).Key, d.Number));

    /// <summary>Per day, summed from the day's service areas and expense types.</summary>
    public IEnumerable<(DateOnly Key, (long Units, int Count) Value)> Days => Sum(serviceExpenseDays, d => d.Date);

    /// <summary>Payments that were new.</summary>
    public int Added { get; private set; }

    /// <summary>Their total, exact.</summary>
    public decimal Total => Common.Money.FromStoredUnits(units);

    /// <summary>
    /// Counts a payment read, and its amount in the totals, when its identity is not held; false for a payment held
    /// already, which is neither counted nor to be written. <paramref name="supplier"/> and <paramref name="serviceExpense"/> are numbers
    /// from the import's <see cref="SpendNames"/>; the company number is cut to its column, "" when not given.
    /// </summary>
    // Every line of a spend file passes through here: compiled for speed at its first call rather than run slowly
    // until the tiered JIT gets to it, which in a fresh process is well into a million-line import (docs/spend.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(DateOnly date, long stored, int supplier, string companyNumber, int serviceExpense, long identity)
    {
        if (identitiesHeld.Contains(identity))
        {
            return false;
        }

        ref var bySupplierDay = ref CollectionsMarshal.GetValueRefOrAddDefault(supplierDays, (date, supplier, companyNumber), out _);
        bySupplierDay = (bySupplierDay.Units + stored, bySupplierDay.Count + 1);
        ref var byCategory = ref CollectionsMarshal.GetValueRefOrAddDefault(serviceExpenseDays, (date, serviceExpense), out _);
        byCategory = (byCategory.Units + stored, byCategory.Count + 1);
        units += stored;
        Added++;
        return true;
    }

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
