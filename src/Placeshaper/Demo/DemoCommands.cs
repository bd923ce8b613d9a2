using System.CommandLine;
using Placeshaper.Cli;
using Placeshaper.Data;

namespace Placeshaper.Demo;

public static class DemoCommands
{
    public static Command Create()
    {
        var seed = new Command("seed", "Add the fictional Anytown organisations, providers and demo people (idempotent). Demo people can sign in only in demo mode.");
        seed.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = OperatorServices.Create(PlaceshaperCli.ConnectionString(parse));
            await using var scope = services.OperatorScope("demo seed");
            if (await OperatorServices.EnsureCurrentSchemaAsync(scope.ServiceProvider.GetRequiredService<PlaceshaperDb>(), cancellationToken) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 1;
            }

            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
            Console.WriteLine($"Anytown demo data is in place: {DemoData.Organisations.Count} organisations, {DemoData.People.DistinctBy(p => p.Email).Count()} people. Password (demo mode only): {DemoData.Password}");
            return 0;
        });
        return new Command("demo", "Demonstration data.") { seed };
    }
}
