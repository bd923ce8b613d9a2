using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Data;

/// <summary>
/// The migration scripts must build exactly the schema the model expects. A failure here means the model changed
/// without a migration (or a script was written wrong): add a script under src/Placeshaper.Migrations.*/Scripts.
/// </summary>
public abstract class SchemaTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_migrated_database_has_exactly_the_schema_the_model_expects()
    {
        TestEnvironment.SkipUnless(TestDatabase.IsAvailable(provider), TestDatabase.UnavailableReason(provider));
        await using var migratedDatabase = await TestDatabase.CreateAsync(provider);
        await using var modelDatabase = await TestDatabase.CreateAsync(provider);
        await using var migrated = DatabaseSetup.Create(migratedDatabase.ConnectionString);
        await using var fromModel = DatabaseSetup.Create(modelDatabase.ConnectionString);

        await Migrator.MigrateAsync(migrated);
        await fromModel.Database.EnsureCreatedAsync();

        var expected = await SchemaReader.DescribeAsync(fromModel);
        var actual = await SchemaReader.DescribeAsync(migrated);
        expected.Count.ShouldBeGreaterThan(50);
        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        (missing.Count + unexpected.Count).ShouldBe(
            0,
            "Pending model changes: the migrations and the model disagree.\nMissing from the migrated database:\n  "
            + string.Join("\n  ", missing) + "\nNot in the model:\n  " + string.Join("\n  ", unexpected));
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        TestEnvironment.SkipUnless(TestDatabase.IsAvailable(provider), TestDatabase.UnavailableReason(provider));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DatabaseSetup.Create(database.ConnectionString);

        var first = await Migrator.MigrateAsync(db);
        var second = await Migrator.MigrateAsync(db);

        first.ShouldBe(Migrator.ScriptsFor(provider).Select(s => s.Id).ToList());
        second.ShouldBeEmpty();
        (await Migrator.PendingAsync(db)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_script_edited_after_it_was_applied_is_refused()
    {
        TestEnvironment.SkipUnless(TestDatabase.IsAvailable(provider), TestDatabase.UnavailableReason(provider));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = DatabaseSetup.Create(database.ConnectionString);
        await Migrator.MigrateAsync(db);
        await db.Database.ExecuteSqlRawAsync($"UPDATE {Migrator.HistoryTable} SET checksum = 'edited'");

        var error = await Should.ThrowAsync<InvalidOperationException>(() => Migrator.MigrateAsync(db));

        error.Message.ShouldContain("0001_foundation");
    }
}

public sealed class SchemaTestsOnSqlite() : SchemaTests(DatabaseProvider.Sqlite);

public sealed class SchemaTestsOnPostgres() : SchemaTests(DatabaseProvider.Postgres);
