using System.Runtime.InteropServices;

namespace Placeshaper.Spend;

/// <summary>
/// What an import adds, worked out as the file is read: whether each payment is new to the organisation (its
/// identity not among those held, nor earlier in the file), and the totals the summaries read (by month and
/// supplier, by day and supplier, by day), summed exactly in stored units from the new payments only. Kept on the
/// reading thread, so the writing thread only writes; the writer adds the totals to their tables at the end.
/// </summary>
public sealed class SpendTally(IEnumerable<long> held)
{
    private readonly HashSet<long> identities = [.. held];
    private long units;

    /// <summary>The organisation's totals added by this import, per (yyyymm month, supplier key, company number).</summary>
    public Dictionary<(int Month, string Key, string Number), (long Units, int Count)> Months { get; } = [];

    /// <summary>Per (day, supplier key, company number).</summary>
    public Dictionary<(DateOnly Date, string Key, string Number), (long Units, int Count)> SupplierDays { get; } = [];

    /// <summary>Per (day, service area, expense type).</summary>
    public Dictionary<(DateOnly Date, string Area, string Type), (long Units, int Count)> DayCategories { get; } = [];

    /// <summary>Per day.</summary>
    public Dictionary<DateOnly, (long Units, int Count)> Days { get; } = [];

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

        var month = Month(date);
        ref var byMonth = ref CollectionsMarshal.GetValueRefOrAddDefault(Months, (month, supplierKey, companyNumber), out _);
        byMonth = (byMonth.Units + stored, byMonth.Count + 1);
        ref var bySupplierDay = ref CollectionsMarshal.GetValueRefOrAddDefault(SupplierDays, (date, supplierKey, companyNumber), out _);
        bySupplierDay = (bySupplierDay.Units + stored, bySupplierDay.Count + 1);
        ref var byCategory = ref CollectionsMarshal.GetValueRefOrAddDefault(DayCategories, (date, serviceArea, expenseType), out _);
        byCategory = (byCategory.Units + stored, byCategory.Count + 1);
        ref var byDay = ref CollectionsMarshal.GetValueRefOrAddDefault(Days, date, out _);
        byDay = (byDay.Units + stored, byDay.Count + 1);
        units += stored;
        Added++;
        return true;
    }

    /// <summary>The month as yyyymm, as payments and the month totals carry it.</summary>
    public static int Month(DateOnly date) => (date.Year * 100) + date.Month;
}
