using SQLitePCL;

namespace Placeshaper.Data;

/// <summary>
/// Puts SQLite in multi-thread mode before the process opens its first connection. SQLite's default, serialized mode,
/// takes a connection's mutex on every call into it, each value bound included: a quarter of a second of a
/// million-row spend import's writing thread (ADR 0026). An ADO.NET connection is used by one thread at a time (EF
/// Core refuses anything else, and the pool hands a connection to one user at a time), which is exactly what
/// multi-thread mode asks of its callers (https://www.sqlite.org/threadsafe.html). Once SQLite has started, it keeps
/// the mode it started in and this does nothing.
/// </summary>
internal static class SqliteThreading
{
    private static int done;

    public static void UseMultiThreadMode()
    {
        if (Interlocked.Exchange(ref done, 1) == 0)
        {
            Batteries_V2.Init();
            _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        }
    }
}
