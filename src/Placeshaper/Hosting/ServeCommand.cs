using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Placeshaper.Cli;
using Placeshaper.Data;
using Placeshaper.Demo;
using Placeshaper.Organisations;

namespace Placeshaper.Hosting;

public static class ServeCommand
{
    public const string DefaultUrl = "http://localhost:5080";

    private static readonly Option<string?> Urls = new("--urls") { Description = $"Addresses to listen on (ASP.NET Core's --urls). Default {DefaultUrl}" };

    private static readonly Option<bool> MigrateOption = new("--migrate")
    {
        Description = "Apply pending migrations before serving. Always done for SQLite; for PostgreSQL prefer `placeshaper db migrate` as a deployment step.",
    };

    private static readonly Option<bool> DemoOption = new("--demo")
    {
        Description = "Demo mode: seed Anytown's demo data when the database is empty and allow the demo sign-ins. On by default for the embedded SQLite database only; PLACESHAPER_DEMO=true|false overrides.",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the web UI and JSON API (the default verb). Migrates the database first.")
        {
            Urls,
            DemoOption,
            MigrateOption,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        // Unrecognised tokens pass through to ASP.NET Core's configuration, which takes only --key value pairs.
        if (parse.UnmatchedTokens is [var first, ..] && !first.StartsWith("--", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{first}'. Run `placeshaper --help` for the verbs.");
            return 2;
        }

        var given = PlaceshaperCli.ConnectionString(parse);
        var (provider, connectionString) = DatabaseConnection.Resolve(given);
        var demoMode = DemoMode(parse.GetValue(DemoOption), given is null, Environment.GetEnvironmentVariable("PLACESHAPER_DEMO"));
        var urls = parse.GetValue(Urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl;

        var app = WebApp.Build(new PlaceshaperSettings(provider, connectionString, demoMode), [.. parse.UnmatchedTokens, "--urls", urls]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsOperator("serve");
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            if (provider == DatabaseProvider.Sqlite || parse.GetValue(MigrateOption))
            {
                var applied = await Migrator.MigrateAsync(db, cancellationToken);
                if (applied.Count > 0)
                {
                    Console.WriteLine($"Database migrated ({provider}): {string.Join(", ", applied)}");
                }
            }
            else if (await Migrator.PendingAsync(db, cancellationToken) is { Count: > 0 } pending)
            {
                await Console.Error.WriteLineAsync(
                    $"The database needs {pending.Count} migration(s) ({string.Join(", ", pending)}). Run `placeshaper db migrate` first, or start with --migrate.");
                return 1;
            }

            if (demoMode && await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(cancellationToken))
            {
                Console.WriteLine("Seeded the Anytown demo data.");
            }
        }

        // Storage limitation: contact emails kept past the retention period go before anyone is served (then daily).
        var retention = app.Services.GetRequiredService<Intelligence.ContactEmailRetentionSettings>();
        if (await Intelligence.ContactEmailRetention.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), retention.Days, cancellationToken) is > 0 and var erased)
        {
            Console.WriteLine($"Erased the contact email from {erased} report(s) moderated more than {retention.Days} days ago.");
        }

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Console.WriteLine();
        Console.WriteLine($"Placeshaper is running at {string.Join(", ", addresses)}  (database: {Describe(provider, connectionString)})");
        if (demoMode)
        {
            Console.WriteLine($"Demo mode. Sign in with any of these, password: {DemoData.Password}");
            foreach (var person in DemoData.People.DistinctBy(p => p.Email))
            {
                Console.WriteLine($"  {person.Email,-42} {person.Role.Describe()} at {person.Organisation}");
            }
        }

        var email = app.Services.GetRequiredService<Email.EmailSettings>();
        if (email.Delivery == Email.EmailDelivery.Pickup)
        {
            Console.WriteLine($"Emails (such as residents' review confirmations) are written as .eml files to {Path.GetFullPath(email.PickupDirectory)}");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>On with --demo; else as PLACESHAPER_DEMO says (true/false); else only for the embedded default database.</summary>
    internal static bool DemoMode(bool flag, bool embeddedDefault, string? environment) =>
        flag || (bool.TryParse(environment, out var fromEnvironment) ? fromEnvironment : embeddedDefault);

    private static string Describe(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {postgres.Host}:{postgres.Port}/{postgres.Database}";
    }
}
