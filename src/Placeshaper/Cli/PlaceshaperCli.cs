using System.CommandLine;
using Placeshaper.Access;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Demo;
using Placeshaper.Hosting;
using Placeshaper.People;

namespace Placeshaper.Cli;

/// <summary>The <c>placeshaper</c> command: <c>serve</c> by default, and the operator's verbs of each area.</summary>
public static class PlaceshaperCli
{
    public static readonly Option<string?> Database = new("--database")
    {
        Description = $"Connection string: SQLite (Data Source=FILE) or PostgreSQL (Host=…). Default: ${DatabaseConnection.EnvironmentVariable}, else {DatabaseConnection.Default}",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var serve = ServeCommand.Create();
        var root = new RootCommand("Placeshaper: strategic commissioning for councils and their partners. Without a verb, runs `serve`.");
        root.Options.Add(Database);
        foreach (var option in serve.Options)
        {
            root.Options.Add(option);
        }

        root.TreatUnmatchedTokensAsErrors = false;
        root.Action = serve.Action;
        root.Subcommands.Add(serve);
        root.Subcommands.Add(DatabaseCommands.Create());
        root.Subcommands.Add(DemoCommands.Create());
        root.Subcommands.Add(UsersCommands.Create());
        root.Subcommands.Add(TokensCommands.Create());
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(Imports.ImportCommands.Create());
        root.Subcommands.Add(Intelligence.IntelligenceCommands.Create());
        root.Subcommands.Add(Spend.SpendBench.Create());
        return root;
    }

    /// <summary>Whether the command line runs the web server: `serve`, or no verb at all.</summary>
    public static bool Serves(ParseResult parse) => parse.CommandResult.Command is RootCommand or { Name: "serve" };

    /// <summary>The connection string a verb was given: <c>--database</c>, then the environment, then the embedded default.</summary>
    public static string? ConnectionString(ParseResult parse) =>
        parse.GetValue(Database) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(DatabaseConnection.EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
