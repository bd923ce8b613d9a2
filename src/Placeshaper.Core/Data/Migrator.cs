using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Migrations.Postgres;
using Placeshaper.Migrations.Sqlite;

namespace Placeshaper.Data;

/// <summary>
/// Applies the provider's versioned SQL scripts in name order, each in its own transaction, and records them
/// with a checksum so an edited script that was already applied is refused rather than silently skipped.
/// See docs/adr/0002-migrations.md for why scripts and not EF migrations.
/// </summary>
public static class Migrator
{
    public const string HistoryTable = "placeshaper_migrations";

    private const long PostgresMigrationLock = 7363735;

    public sealed record Script(string Id, string Sql)
    {
        public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
    }

    public static IReadOnlyList<Script> ScriptsFor(DatabaseProvider provider)
    {
        var assembly = provider == DatabaseProvider.Postgres ? PostgresScripts.Assembly : SqliteScripts.Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Script(Path.GetFileNameWithoutExtension(n), Read(assembly, n)))
            .ToList();
    }

    /// <summary>Brings the database up to date; returns the ids of the scripts it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(PlaceshaperDb db, CancellationToken cancellationToken = default)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(db.Database.GetConnectionString());
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var locked = false;
        try
        {
            if (db.Provider == DatabaseProvider.Postgres)
            {
                // Several servers may migrate at once; one does, the others wait and then find nothing to do.
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresMigrationLock})", cancellationToken);
                locked = true;
            }
            else
            {
                // 16 KiB pages for a new database (an existing one keeps its own; the pragma does nothing there): a
                // spend import writes a quarter as many pages, each once to the write-ahead log and once to the file,
                // and its inserts split pages a quarter as often (ADR 0025, fifth measurement). Set before WAL mode,
                // which fixes the page size.
                await ExecuteAsync(connection, null, "PRAGMA page_size=16384", cancellationToken);
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
            }

            await ExecuteAsync(
                connection,
                null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id varchar(200) NOT NULL PRIMARY KEY, checksum varchar(64) NOT NULL, applied_at varchar(40) NOT NULL)",
                cancellationToken);

            var applied = await AppliedAsync(connection, cancellationToken);
            var newlyApplied = new List<string>();
            foreach (var script in ScriptsFor(db.Provider))
            {
                if (applied.TryGetValue(script.Id, out var checksum))
                {
                    if (checksum != script.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {script.Id} was changed after it was applied to this database. Applied scripts are never edited: add a new script instead.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await ExecuteAsync(
                    connection,
                    transaction,
                    $"INSERT INTO {HistoryTable} (id, checksum, applied_at) VALUES ('{script.Id}', '{script.Checksum}', '{DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)}')",
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                newlyApplied.Add(script.Id);
            }

            return newlyApplied;
        }
        finally
        {
            if (locked)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresMigrationLock})", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Scripts not yet applied, without applying anything.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(PlaceshaperDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var hasHistory = db.Provider == DatabaseProvider.Postgres
                ? await ScalarAsync(connection, $"SELECT to_regclass('{HistoryTable}') IS NOT NULL", cancellationToken)
                : await ScalarAsync(connection, $"SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'", cancellationToken);
            var applied = hasHistory ? await AppliedAsync(connection, cancellationToken) : [];
            return ScriptsFor(db.Provider).Where(s => !applied.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Dictionary<string, string>> AppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, checksum FROM {HistoryTable}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task<bool> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;

        // No time limit: a script that rewrites a large table (migration 0046 over a million payments on PostgreSQL)
        // outlasts the default 30 seconds, and each script runs in its own transaction, so stopping it half-way would
        // only throw the work away. Cancellation still stops it.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
