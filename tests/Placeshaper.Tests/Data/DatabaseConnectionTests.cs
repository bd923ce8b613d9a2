using Placeshaper.Data;

namespace Placeshaper.Tests.Data;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void Nothing_given_means_the_embedded_SQLite_file() =>
        DatabaseConnection.Resolve(null).ShouldBe((DatabaseProvider.Sqlite, "Data Source=data/placeshaper.db"));

    [Fact]
    public void A_bare_path_is_a_SQLite_file() =>
        DatabaseConnection.Resolve("/var/lib/placeshaper/live.db").ShouldBe((DatabaseProvider.Sqlite, "Data Source=/var/lib/placeshaper/live.db"));

    [Fact]
    public void A_host_means_PostgreSQL() =>
        DatabaseConnection.Resolve("Host=db;Database=placeshaper;Username=app").Provider.ShouldBe(DatabaseProvider.Postgres);

    [Fact]
    public void A_PostgreSQL_URL_is_turned_into_a_connection_string()
    {
        var (provider, connectionString) = DatabaseConnection.Resolve("postgresql://app:s%40cret@db.internal:5433/placeshaper");

        provider.ShouldBe(DatabaseProvider.Postgres);
        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        (parsed.Host, parsed.Port, parsed.Database, parsed.Username, parsed.Password).ShouldBe(("db.internal", 5433, "placeshaper", "app", "s@cret"));
    }

    [Fact]
    public void Libpq_query_parameters_in_a_URL_become_Npgsql_settings()
    {
        var (_, connectionString) = DatabaseConnection.Resolve("postgresql://app@db/placeshaper?sslmode=verify-full&connect_timeout=10&application_name=placeshaper");

        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        (parsed.SslMode, parsed.Timeout, parsed.ApplicationName).ShouldBe((Npgsql.SslMode.VerifyFull, 10, "placeshaper"));
    }

    [Theory]
    [InlineData("OrganisationId", "organisation_id")]
    [InlineData("IX_ApiTokens_SecretHash", "ix_api_tokens_secret_hash")]
    [InlineData("PK_people", "pk_people")]
    [InlineData("LockoutEnd", "lockout_end")]
    public void Names_become_snake_case(string name, string expected) =>
        SnakeCaseNames.ToSnake(name).ShouldBe(expected);
}
