using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Access;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Cli;

public abstract class CliTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task A_token_created_at_the_command_line_is_printed_on_the_last_line_and_works()
    {
        app.RequireDatabase();

        var run = await Infrastructure.Cli.RunAsync("tokens", "create", "--email", "finance@anytown.example", "--name", "ledger export", "--database", app.ConnectionString);

        run.ExitCode.ShouldBe(0, run.Error);
        var secret = run.LastLine;
        ApiToken.LooksLikeSecret(secret).ShouldBeTrue(run.Output);
        using var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var me = await api.GetPathAsync("/api/v1/me");
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.ReadJsonAsync()).GetProperty("email").GetString().ShouldBe("finance@anytown.example");
        (await app.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.SecretHash == ApiToken.Hash(secret) && t.Name == "ledger export"))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_token_for_nobody_is_refused_with_the_option_named()
    {
        app.RequireDatabase();

        var run = await Infrastructure.Cli.RunAsync("tokens", "create", "--email", "nobody@example.org", "--database", app.ConnectionString);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--email");
    }

    [Fact]
    public async Task Users_add_creates_an_account_with_roles_and_prints_its_initial_password_once()
    {
        app.RequireDatabase();
        var email = $"cli.{Guid.NewGuid():N}@anytown.example";

        var run = await Infrastructure.Cli.RunAsync("users", "add", "--email", email, "--name", "Casey CLI", "--org", "anytown", "--role", "Commissioner", "Evaluator", "--database", app.ConnectionString);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Initial password (shown once):");
        var roles = await app.WithDbAsync(db => db.Memberships
            .Where(m => db.Users.Any(p => p.Id == m.PersonId && p.Email == email))
            .Select(m => m.Role.ToString())
            .ToListAsync());
        roles.ShouldBe(["Commissioner", "Evaluator"], ignoreOrder: true);
    }

    [Fact]
    public async Task Users_add_refuses_an_unknown_role_and_an_unknown_organisation()
    {
        app.RequireDatabase();

        var badRole = await Infrastructure.Cli.RunAsync("users", "add", "--email", "x@anytown.example", "--name", "X", "--org", "anytown", "--role", "Mayor", "--database", app.ConnectionString);
        var badOrganisation = await Infrastructure.Cli.RunAsync("users", "add", "--email", "x@anytown.example", "--name", "X", "--org", "nowhere", "--role", "Commissioner", "--database", app.ConnectionString);

        badRole.ExitCode.ShouldBe(2);
        badRole.Error.ShouldContain("--roles: 'Mayor' is not a role");
        badOrganisation.ExitCode.ShouldBe(2);
        badOrganisation.Error.ShouldContain("--org");
    }

    [Fact]
    public async Task Audit_verify_passes_an_intact_trail_and_names_the_first_hand_edited_entry()
    {
        app.RequireDatabase();
        var intact = await Infrastructure.Cli.RunAsync("audit", "verify", "--database", app.ConnectionString);
        intact.ExitCode.ShouldBe(0, intact.Error);
        intact.Output.ShouldContain("Audit trail intact");

        var target = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Skip(4).Select(e => e.Sequence).FirstAsync());
        try
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET actor = 'mallory' WHERE sequence = {target}"));

            var broken = await Infrastructure.Cli.RunAsync("audit", "verify", "--database", app.ConnectionString);

            broken.ExitCode.ShouldBe(1);
            broken.Error.ShouldContain($"entry {target}");
            broken.Error.ShouldContain("edited");
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET actor = 'system: test setup' WHERE sequence = {target}"));
        }
    }

    [Fact]
    public async Task The_database_can_come_from_the_environment()
    {
        app.RequireDatabase();

        var run = await Infrastructure.Cli.RunAsync(new Dictionary<string, string> { ["PLACESHAPER_DATABASE"] = app.ConnectionString }, "db", "check");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("All migrations are applied");
    }
}

public sealed class CliTestsOnSqlite(SqliteApp app) : CliTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class CliTestsOnPostgres(PostgresApp app) : CliTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>Command-line behaviour that needs no shared application.</summary>
public sealed class CliHelpTests
{
    [Theory]
    [InlineData("serve")]
    [InlineData("db", "migrate")]
    [InlineData("db", "check")]
    [InlineData("db", "script")]
    [InlineData("demo", "seed")]
    [InlineData("users", "add")]
    [InlineData("tokens", "create")]
    [InlineData("audit", "verify")]
    public async Task Every_verb_explains_itself_and_takes_a_database(params string[] verb)
    {
        var run = await Infrastructure.Cli.RunAsync([.. verb, "--help"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Usage:");
        run.Output.ShouldContain("--database");
    }

    [Fact]
    public async Task A_new_SQLite_database_is_migrated_once_and_then_up_to_date()
    {
        var file = Path.Combine(Path.GetTempPath(), "placeshaper-tests", $"{Guid.NewGuid():N}.db");
        try
        {
            var first = await Infrastructure.Cli.RunAsync("db", "migrate", "--database", $"Data Source={file}");
            var second = await Infrastructure.Cli.RunAsync("db", "migrate", "--database", $"Data Source={file}");

            first.Output.ShouldContain($"Applied {Placeshaper.Data.Migrator.ScriptsFor(Placeshaper.Data.DatabaseProvider.Sqlite).Count} migration(s)");
            second.Output.ShouldContain("up to date");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unknown_verb_is_an_error()
    {
        var run = await Infrastructure.Cli.RunAsync("frobnicate", "--database", "Data Source=:memory:", "--urls", "http://127.0.0.1:1");

        run.ExitCode.ShouldNotBe(0);
    }
}
