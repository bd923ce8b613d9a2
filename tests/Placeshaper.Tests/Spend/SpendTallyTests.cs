using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Spend;

namespace Placeshaper.Tests.Spend;

/// <summary>
/// The import's tally decides which payments are new and sums the totals the summaries read. Whatever the payments,
/// each total must be the plain sum of the new payments it covers, and a payment whose identity is held must count
/// nowhere. A file's identities are distinct (<see cref="SpendIdentity"/> gives a repeated line one of its own), so
/// the payments given here are too.
/// </summary>
public sealed class SpendTallyTests
{
    private static readonly DateOnly FirstDay = new(2024, 3, 25);

    [Fact]
    public void Every_total_is_the_sum_of_the_new_payments_it_covers() =>
        Prop.ForAll(
            (from day in Gen.Choose(0, 70)
             from stored in Gen.Choose(-500_000, 5_000_000)
             from key in Gen.Elements("ACME", "BETA", "")
             from written in Gen.Elements("", " Ltd")
             from number in Gen.Elements("", "01234567")
             from area in Gen.Elements("Adults", "Roads", "")
             from type in Gen.Elements("Care", "Fuel")
             from identity in Gen.Choose(1, 60)
             select new Payment(FirstDay.AddDays(day), stored, key + written, key, number, area, type, identity)).ArrayOf().ToArbitrary(),
            Gen.Choose(1, 60).Select(i => (long)i).ArrayOf().ToArbitrary(),
            (generated, held) =>
            {
                var payments = generated.DistinctBy(p => p.Identity).ToList();
                var names = SpendNames.None;
                var tally = new SpendTally(held, names);
                var heldSet = held.ToHashSet();
                var added = payments.Where(p => tally.Add(p.Date, p.Stored, names.Supplier(p.Written, p.Key), p.Number, names.ServiceExpense(p.Area, p.Type), p.Identity)).ToList();

                // New: each payment whose identity is not held.
                added.ShouldBe(payments.Where(p => !heldSet.Contains(p.Identity)).ToList());
                tally.Added.ShouldBe(added.Count);
                tally.Total.ShouldBe(Placeshaper.Common.Money.FromStoredUnits(added.Sum(p => p.Stored)));
                tally.Months.ToDictionary(m => m.Key, m => m.Value).ShouldBe(
                    added.GroupBy(p => (SpendTally.Month(p.Date), p.Key, p.Number)).ToDictionary(g => g.Key, g => (g.Sum(p => p.Stored), g.Count())), ignoreOrder: true);
                tally.Days.ToDictionary(d => d.Key, d => d.Value).ShouldBe(
                    added.GroupBy(p => p.Date).ToDictionary(g => g.Key, g => (g.Sum(p => p.Stored), g.Count())), ignoreOrder: true);
                tally.SupplierDays.ToDictionary(d => d.Key, d => d.Value).ShouldBe(
                    added.GroupBy(p => (p.Date, p.Key, p.Number)).ToDictionary(g => g.Key, g => (g.Sum(p => p.Stored), g.Count())), ignoreOrder: true);
                tally.DayCategories.ToDictionary(d => d.Key, d => d.Value).ShouldBe(
                    added.GroupBy(p => (p.Date, p.Area, p.Type)).ToDictionary(g => g.Key, g => (g.Sum(p => p.Stored), g.Count())), ignoreOrder: true);
            }).QuickCheckThrowOnFailure();

    /// <summary>A payment to a supplier <paramref name="Written"/> one way or another, whose name normalises to <paramref name="Key"/>.</summary>
    private sealed record Payment(DateOnly Date, long Stored, string Written, string Key, string Number, string Area, string Type, long Identity);

    [Fact]
    public void A_payment_held_before_the_import_is_not_counted()
    {
        var tally = new SpendTally([7], SpendNames.None);

        tally.Add(FirstDay, 100, 1, "", 1, 7).ShouldBeFalse("held before");
        tally.Add(FirstDay, 100, 1, "", 1, 8).ShouldBeTrue();
        (tally.Added, tally.Total).ShouldBe((1, 0.01m));
    }
}
