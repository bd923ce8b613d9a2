using Microsoft.EntityFrameworkCore;

namespace Placeshaper.Data;

/// <summary>
/// Appending to the audit chain reads its head and writes the next link, so appends must not interleave.
/// One process uses SQLite (embedded), where an in-process lock suffices; PostgreSQL servers may run several
/// instances, so there a transaction-scoped advisory lock serialises appends across them.
/// </summary>
internal static class AuditAppendLock
{
    private const long PostgresAdvisoryKey = 0x504C4143455348; // "PLACESH"

    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static async Task<IDisposable> AcquireAsync(PlaceshaperDb db, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            return NoLock.Instance;
        }

        await InProcess.WaitAsync(cancellationToken);
        return new Release();
    }

    public static async Task LockInDatabaseAsync(PlaceshaperDb db, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresAdvisoryKey})", cancellationToken);
        }
    }

    private sealed class Release : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                InProcess.Release();
            }
        }
    }

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
