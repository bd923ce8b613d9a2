using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Data;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Data;

/// <summary>
/// SQLite runs in multi-thread mode, as the product starts it (ADR 0026): a connection takes no mutex of its own.
/// The whole suite runs so, whichever test opens SQLite first, so every SQLite test also shows the mode is safe for
/// how the product uses connections.
/// </summary>
public sealed class SqliteThreadingTests
{
    [ModuleInitializer]
    internal static void StartSqliteAsTheProductDoes() => SqliteThreading.UseMultiThreadMode();

    [Fact]
    public async Task A_connection_takes_no_mutex_of_its_own()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = DatabaseSetup.Create(database.ConnectionString);
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!.DangerousGetHandle();

        DatabaseMutex(handle).ShouldBe(0, "in serialized mode every call would take this mutex");
    }

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_db_mutex")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory)]
    private static extern nint DatabaseMutex(nint database);
}
