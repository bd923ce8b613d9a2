using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Placeshaper.Data;

/// <summary>
/// Recognises a save refused by a unique index, on either database, so that two requests racing for the same slot (two
/// bids from one provider at once, say) get a 409 rather than a 500.
/// </summary>
public static class UniqueViolations
{
    // SQLite's extended result code for a UNIQUE constraint; PostgreSQL's SQLSTATE for unique_violation.
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
