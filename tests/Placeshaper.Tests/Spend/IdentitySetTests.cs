using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Spend;

namespace Placeshaper.Tests.Spend;

/// <summary>The identity set stands in for a hash set of identities: it must answer as one would, for any identities.</summary>
public sealed class IdentitySetTests
{
    [Fact]
    public void Holds_what_a_hash_set_holds_whatever_the_identities() =>
        Prop.ForAll(
            Gen.OneOf(
                ArbMap.Default.GeneratorFor<long>(),
                Gen.Choose(-3, 3).Select(i => (long)i),
                // Alike in their low bits, or in their high ones: runs of taken slots, and growth past them.
                Gen.Choose(0, 5000).Select(i => (long)i << 40),
                Gen.Choose(0, 5000).Select(i => (long)i)).ArrayOf().ToArbitrary(),
            Gen.Choose(0, 64).ToArbitrary(),
            (identities, capacity) =>
            {
                var set = new IdentitySet(capacity);
                var expected = new HashSet<long>();
                foreach (var identity in identities)
                {
                    set.Add(identity).ShouldBe(expected.Add(identity), $"adding {identity}");
                }

                set.Count.ShouldBe(expected.Count);
                foreach (var identity in identities.Concat([0L, 1L, -1L, long.MinValue, long.MaxValue]))
                {
                    set.Contains(identity).ShouldBe(expected.Contains(identity), $"looking for {identity}");
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Added_or_looked_up_a_batch_at_a_time_it_answers_as_one_at_a_time() =>
        Prop.ForAll(
            Gen.OneOf(
                ArbMap.Default.GeneratorFor<long>(),
                Gen.Choose(-3, 3).Select(i => (long)i),
                Gen.Choose(0, 500).Select(i => (long)i << 40)).ArrayOf().ArrayOf().ToArbitrary(),
            batches =>
            {
                var set = new IdentitySet();
                var expected = new HashSet<long>();
                foreach (var batch in batches)
                {
                    var held = new bool[batch.Length];
                    set.ContainsAll(batch, held);
                    held.ShouldBe(batch.Select(expected.Contains).ToArray(), "looked up before adding");

                    var added = new bool[batch.Length];
                    set.AddAll(batch, added);
                    added.ShouldBe(batch.Select(expected.Add).ToArray(), "a repeat within the batch is added where it comes first");
                    set.Count.ShouldBe(expected.Count);
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Grown_a_doubling_at_a_time_it_loses_nothing()
    {
        var random = new Random(20261122);
        var identities = Enumerable.Range(0, 100_000).Select(_ => random.NextInt64()).ToList();
        var set = new IdentitySet();

        identities.ShouldAllBe(identity => set.Add(identity));
        set.Count.ShouldBe(identities.Count);
        identities.ShouldAllBe(identity => set.Contains(identity) && !set.Add(identity));
    }

    [Fact]
    public void Made_from_identities_held_and_grown_in_advance_it_keeps_them()
    {
        var held = Enumerable.Range(0, 10_000).Select(i => (long)i * 7919).ToList();
        var set = new IdentitySet(held);
        set.EnsureCapacity(200_000);

        set.Count.ShouldBe(held.Distinct().Count());
        held.ShouldAllBe(identity => set.Contains(identity));
        set.Add(7919).ShouldBeFalse("held");
        set.Add(7918).ShouldBeTrue();
        set.Contains(7918).ShouldBeTrue();
    }
}
