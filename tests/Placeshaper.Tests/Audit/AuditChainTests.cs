using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Audit;

namespace Placeshaper.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime Start = new(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc);

    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var previous = (0L, AuditChain.GenesisHash);
        for (var i = 0; i < length; i++)
        {
            var entry = AuditChain.Append(previous, Start.AddSeconds(i), Guid.Empty, null, "someone@anytown.example", "updated", "Contract", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"Value\":1}", "{\"Value\":2}");
            entries.Add(entry);
            previous = (entry.Sequence, entry.Hash);
        }

        return entries;
    }

    private static AuditHead HeadOf(List<AuditEntry> entries) =>
        new() { LastSequence = entries[^1].Sequence, LastHash = entries[^1].Hash };

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        var chain = Chain(5);

        var result = AuditChain.Verify(chain, HeadOf(chain));

        result.IsIntact.ShouldBeTrue();
        result.Entries.ShouldBe(5);
        result.HeadHash.ShouldBe(chain[^1].Hash);
    }

    [Fact]
    public void An_edited_entry_is_named()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain[2] = Copy(chain[2], after: "{\"Value\":3}");

        var result = AuditChain.Verify(chain, head);

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(3);
        result.Problem!.ShouldContain("edited");
    }

    [Fact]
    public void A_removed_entry_is_named()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain.RemoveAt(1);

        var result = AuditChain.Verify(chain, head);

        result.FirstBadSequence.ShouldBe(3);
        result.Problem!.ShouldContain("missing");
    }

    [Fact]
    public void Entries_removed_from_the_end_are_caught_by_the_head()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain.RemoveRange(3, 2);

        var result = AuditChain.Verify(chain, head);

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(4);
    }

    [Fact]
    public void Swapped_entries_are_caught_even_with_their_sequence_numbers_swapped_back()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        (chain[1], chain[2]) = (Copy(chain[2], sequence: 2), Copy(chain[1], sequence: 3));

        var result = AuditChain.Verify(chain, head);

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(2);
    }

    [Fact]
    public void Any_change_to_any_field_of_any_entry_is_detected()
    {
        var mutations = new Func<AuditEntry, AuditEntry>[]
        {
            e => Copy(e, actor: e.Actor + "x"),
            e => Copy(e, action: "deleted"),
            e => Copy(e, after: null),
            e => Copy(e, before: "{}"),
            e => Copy(e, at: e.At.AddTicks(10)),
            e => Copy(e, entityId: e.EntityId + "0"),
            e => Copy(e, organisationId: Guid.NewGuid()),
        };
        var cases =
            from length in Gen.Choose(1, 12)
            from index in Gen.Choose(0, length - 1)
            from mutation in Gen.Choose(0, mutations.Length - 1)
            select (length, index, mutation);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var chain = Chain(c.length);
                var head = HeadOf(chain);
                chain[c.index] = mutations[c.mutation](chain[c.index]);
                var result = AuditChain.Verify(chain, head);
                return !result.IsIntact && result.FirstBadSequence == c.index + 1;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_hash_format_is_fixed_so_old_trails_verify_after_upgrades()
    {
        var entry = AuditChain.Append(
            (41, "ab".PadRight(64, 'c')),
            new DateTime(2026, 11, 21, 9, 30, 15, DateTimeKind.Utc).AddTicks(1234567),
            Guid.Parse("01a2007d-ccdb-7607-8ec1-1ba67aafecf6"),
            null,
            "administrator@anytown.example",
            "updated",
            "Membership",
            "42",
            "{\"Role\":\"Evaluator\"}",
            "{\"Role\":\"Commissioner \u00e9\"}");

        // Computed once by hand from the documented format (docs/adr/0007-audit-trail.md); it must never change.
        entry.Hash.ShouldBe(ExpectedGoldenHash);
    }

    private const string ExpectedGoldenHash = "919a9b4cd8e697ce39edacb8162d6ea1787a19d9ae4319754c7e2ebc26b7ebd5";

    [Fact]
    public void Times_are_kept_to_the_microsecond_that_both_databases_store()
    {
        var entry = AuditChain.Append((0, AuditChain.GenesisHash), new DateTime(638_999_999_999_999_999, DateTimeKind.Utc), null, null, "a", "b", "c", "d", null, null);

        (entry.At.Ticks % 10).ShouldBe(0);
        AuditChain.ComputeHash(entry).ShouldBe(entry.Hash);
    }

    private static AuditEntry Copy(
        AuditEntry e,
        long? sequence = null,
        string? actor = null,
        string? action = null,
        string? before = "\u0000",
        string? after = "\u0000",
        DateTime? at = null,
        string? entityId = null,
        Guid? organisationId = null) => new()
        {
            Sequence = sequence ?? e.Sequence,
            At = at ?? e.At,
            OrganisationId = organisationId ?? e.OrganisationId,
            ActorId = e.ActorId,
            Actor = actor ?? e.Actor,
            Action = action ?? e.Action,
            EntityType = e.EntityType,
            EntityId = entityId ?? e.EntityId,
            Before = before == "\u0000" ? e.Before : before,
            After = after == "\u0000" ? e.After : after,
            PreviousHash = e.PreviousHash,
            Hash = e.Hash,
        };
}
