using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Placeshaper.Data;

public static class DatabaseSetup
{
    /// <summary>Registers the context for whichever database the connection string names.</summary>
    public static IServiceCollection AddPlaceshaperDb(this IServiceCollection services, string? connectionString)
    {
        var (provider, resolved) = DatabaseConnection.Resolve(connectionString);
        services.AddScoped<AccessScope>();
        services.AddDbContext<PlaceshaperDb>(options => Configure(options, provider, resolved));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            SqliteThreading.UseMultiThreadMode();
            options.UseSqlite(connectionString);
        }
    }

    /// <summary>A context outside dependency injection: for tests, tools and the schema check.</summary>
    public static PlaceshaperDb Create(string connectionString, AccessScope? scope = null, TimeProvider? clock = null)
    {
        var (provider, resolved) = DatabaseConnection.Resolve(connectionString);
        var options = new DbContextOptionsBuilder<PlaceshaperDb>();
        Configure(options, provider, resolved);
        if (scope is null)
        {
            scope = new AccessScope();
            scope.ActAsOperator("tool");
        }

        return new PlaceshaperDb(options.Options, scope, clock ?? TimeProvider.System);
    }
}
