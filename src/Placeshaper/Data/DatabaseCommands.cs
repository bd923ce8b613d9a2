using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Cli;

namespace Placeshaper.Data;

public static class DatabaseCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply the database migrations that have not been applied yet (servers run this before `serve`).");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = OperatorServices.Create(PlaceshaperCli.ConnectionString(parse));
            await using var scope = services.OperatorScope("db migrate");
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            var applied = await Migrator.MigrateAsync(db, cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"The {db.Provider} database is up to date."
                : $"Applied {applied.Count} migration(s) to the {db.Provider} database: {string.Join(", ", applied)}");
            return 0;
        });

        var providerOption = new Option<DatabaseProvider>("--provider") { Description = "sqlite or postgres", Required = true };
        var script = new Command("script", "Print the SQL that creates the current model's schema, for writing a new migration script (developers).")
        {
            providerOption,
        };
        script.SetAction(parse =>
        {
            var provider = parse.GetValue(providerOption);
            using var db = DatabaseSetup.Create(provider == DatabaseProvider.Postgres ? "Host=localhost;Database=placeshaper" : "Data Source=:memory:");
            Console.Write(db.Database.GenerateCreateScript());
            return 0;
        });

        var check = new Command("check", "Exit non-zero if the database has migrations this version of Placeshaper would apply (for deployment checks).");
        check.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = OperatorServices.Create(PlaceshaperCli.ConnectionString(parse));
            await using var scope = services.OperatorScope("db check");
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            var pending = await Migrator.PendingAsync(db, cancellationToken);
            if (pending.Count > 0)
            {
                await Console.Error.WriteLineAsync($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}. Run `placeshaper db migrate`.");
                return 1;
            }

            Console.WriteLine("All migrations are applied.");
            return 0;
        });

        return new Command("db", "Database maintenance.") { migrate, script, check };
    }
}
