namespace Placeshaper.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database a connection string points at, and the embedded default.</summary>
public static class DatabaseConnection
{
    public const string EnvironmentVariable = "PLACESHAPER_DATABASE";

    public const string DefaultSqliteFile = "data/placeshaper.db";

    public static string Default => "Data Source=" + DefaultSqliteFile;

    /// <summary>
    /// PostgreSQL connection strings name a host (<c>Host=…</c>) or are URLs; anything else is SQLite.
    /// A bare path to a <c>.db</c> file is accepted as shorthand for a SQLite data source.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(string? connectionString)
    {
        var cs = string.IsNullOrWhiteSpace(connectionString) ? Default : connectionString.Trim();
        if (cs.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || cs.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return (DatabaseProvider.Postgres, FromUrl(new Uri(cs)));
        }

        if (cs.Contains("Host=", StringComparison.OrdinalIgnoreCase) || cs.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            return (DatabaseProvider.Postgres, cs);
        }

        if (!cs.Contains('=', StringComparison.Ordinal))
        {
            cs = "Data Source=" + cs;
        }

        return (DatabaseProvider.Sqlite, cs);
    }

    private static readonly Dictionary<string, string> LibpqNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["sslrootcert"] = "Root Certificate",
    };

    private static readonly Dictionary<string, string> SslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    private static string FromUrl(Uri url)
    {
        var userInfo = url.UserInfo.Split(':', 2);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        // Query parameters such as ?sslmode=require are connection settings too; libpq's names are translated.
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            builder[LibpqNames.GetValueOrDefault(name, name)] = name == "sslmode" ? SslModes.GetValueOrDefault(value, value) : value;
        }

        return builder.ConnectionString;
    }
}
