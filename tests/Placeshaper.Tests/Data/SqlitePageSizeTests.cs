using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Data;

/// <summary>
/// A new SQLite database is made with 16 KiB pages, which a large spend import writes a quarter as many of (ADR 0025);
/// a database made before keeps its pages, and migrates as before.
/// </summary>
public sealed class SqlitePageSizeTests
{
    [Fact]
    public async Task A_new_database_has_16_KiB_pages_in_write_ahead_log_mode()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = DatabaseSetup.Create(database.ConnectionString);

        await Migrator.MigrateAsync(db);

        (await PragmaAsync(database.ConnectionString, "page_size")).ShouldBe("16384");
        (await PragmaAsync(database.ConnectionString, "journal_mode")).ShouldBe("wal");
    }

    [Fact]
    public async Task A_database_made_before_keeps_its_page_size_and_migrates()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE made_before (id INTEGER PRIMARY KEY);";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var db = DatabaseSetup.Create(database.ConnectionString);
        var applied = await Migrator.MigrateAsync(db);

        applied.ShouldBe(Migrator.ScriptsFor(DatabaseProvider.Sqlite).Select(s => s.Id).ToList());
        (await PragmaAsync(database.ConnectionString, "page_size")).ShouldBe("4096");
        (await db.Organisations.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    private static async Task<string> PragmaAsync(string connectionString, string pragma)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
