using Microsoft.AspNetCore.DataProtection;
using Placeshaper.Data;
using Placeshaper.Demo;
using Placeshaper.People;

namespace Placeshaper.Cli;

/// <summary>The services a command-line verb needs, acting as the installation's operator.</summary>
public static class OperatorServices
{
    public static ServiceProvider Create(string? connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddPlaceshaperDb(connectionString);
        services.AddDataProtection().SetApplicationName(Hosting.WebApp.ApplicationName);
        services.AddPlaceshaperIdentity();
        services.AddScoped<DemoData>();
        services.AddSingleton(provider => Bids.SealingKeys.LoadOrCreate(
            Environment.GetEnvironmentVariable(Bids.SealingKeys.EnvironmentVariable) is { Length: > 0 } file ? file : Bids.SealingKeys.DefaultFile, provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<AddMember>();
        services.AddScoped<Access.IssueToken>();
        services.AddScoped<Access.Viewer>();
        services.AddScoped<Areas.ImportAreas>();
        services.AddScoped<Areas.ImportPostcodes>();
        services.AddScoped<Calendar.ImportBankHolidays>();
        services.AddScoped<Tenders.Timetable.ImportMinimumPeriods>();
        services.AddScoped<Needs.ImportIndicatorValues>();
        services.AddScoped<Intelligence.EraseContactEmails>();
        services.AddScoped<Providers.ImportProviders>();
        services.AddScoped<Contracts.ImportContracts>();
        services.AddScoped<Spend.ImportSpend>();
        services.AddScoped<Spend.ResolveSuppliers>();
        services.AddScoped<SocialValue.ImportSocialValueMeasures>();
        services.AddScoped<Contracts.Delivery.ImportObservations>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return provider;
    }

    /// <summary>
    /// Makes sure the schema is current before a verb uses it: the embedded SQLite database is migrated on the spot;
    /// a PostgreSQL server is migrated only by `db migrate`, a deliberate deployment step, so here it is only checked.
    /// Returns the problem to report, or null.
    /// </summary>
    public static async Task<string?> EnsureCurrentSchemaAsync(PlaceshaperDb db, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await Migrator.MigrateAsync(db, cancellationToken);
            return null;
        }

        var pending = await Migrator.PendingAsync(db, cancellationToken);
        return pending.Count == 0
            ? null
            : $"The database needs {pending.Count} migration(s) ({string.Join(", ", pending)}). Run `placeshaper db migrate` first.";
    }

    /// <summary>A scope whose database writes are audited as the operator running <paramref name="verb"/>.</summary>
    public static AsyncServiceScope OperatorScope(this ServiceProvider services, string verb)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsOperator(verb);
        return scope;
    }
}
