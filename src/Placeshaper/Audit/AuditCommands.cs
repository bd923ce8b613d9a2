using System.CommandLine;
using Placeshaper.Cli;
using Placeshaper.Data;

namespace Placeshaper.Audit;

public static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit trail's hash chain. Exits 1 and names the first bad entry if any entry was edited, removed or reordered.");
        verify.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = OperatorServices.Create(PlaceshaperCli.ConnectionString(parse));
            await using var scope = services.OperatorScope("audit verify");
            var result = await AuditQueries.VerifyAsync(scope.ServiceProvider.GetRequiredService<PlaceshaperDb>(), cancellationToken);
            if (!result.IsIntact)
            {
                await Console.Error.WriteLineAsync($"Audit trail broken at entry {result.FirstBadSequence}: {result.Problem}.");
                return 1;
            }

            Console.WriteLine($"Audit trail intact: {result.Entries} entries. Head hash {result.HeadHash}");
            Console.WriteLine("(Record the head hash somewhere else, e.g. in committee minutes, to detect a wholesale rewrite later.)");
            return 0;
        });
        return new Command("audit", "The tamper-evident audit trail.") { verify };
    }
}
