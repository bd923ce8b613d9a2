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
        var newOnly = new Option<bool>("--new")
        {
            Description = "Only the statements no existing migration script contains: new tables and indexes, the start of the next script",
        };
        var script = new Command("script", "Print the SQL that creates the current model's schema, for writing a new migration script (developers).")
        {
            providerOption,
            newOnly,
        };
        script.SetAction(parse =>
        {
            var provider = parse.GetValue(providerOption);
            using var db = DatabaseSetup.Create(provider == DatabaseProvider.Postgres ? "Host=localhost;Database=placeshaper" : "Data Source=:memory:");
            var create = db.Database.GenerateCreateScript();
            if (!parse.GetValue(newOnly))
            {
                Console.Write(create);
                return 0;
            }

            var existing = Migrator.ScriptsFor(provider).SelectMany(s => Statements(s.Sql)).Select(Normalise).ToHashSet(StringComparer.Ordinal);
            foreach (var statement in Statements(create).Where(s => !existing.Contains(Normalise(s))))
            {
                Console.WriteLine(statement + ";");
                Console.WriteLine();
            }

            Console.Error.WriteLine("-- Changed columns are not listed: write ALTER statements for them; the schema test shows what differs.");
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

    private static IEnumerable<string> Statements(string sql) =>
        System.Text.RegularExpressions.Regex.Split(sql.ReplaceLineEndings("\n"), ";\\s*\n")
            .Select(s => string.Join("\n", s.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0);

    private static string Normalise(string statement) =>
        System.Text.RegularExpressions.Regex.Replace(statement, "\\s+", " ").Trim();
}
