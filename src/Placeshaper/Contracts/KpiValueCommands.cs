using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Cli;
using Placeshaper.Contracts.Delivery;
using Placeshaper.Data;

namespace Placeshaper.Contracts;

/// <summary>
/// <c>placeshaper import kpi-values FILE... --org SLUG --contract REF</c>: a contract's KPI values (kpi, period,
/// value, comment) through the same import as the API and the page, each file whole or not at all, with a progress
/// bar on standard error while it is read, a summary line per file, every problem as file:line: column: reason, and
/// exit code 1 when a file is refused (2 for an unknown organisation or contract). Values wait for approval.
/// </summary>
public static class KpiValueCommands
{
    public const int ProblemsShown = 50;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "CSV files or Excel workbooks (.xlsx) of KPI values: kpi,period,value,comment", Arity = ArgumentArity.OneOrMore };
        var organisation = new Option<string>("--org") { Description = "Slug of the organisation whose contract this is", Required = true };
        var contract = new Option<string>("--contract") { Description = "The contract's reference, as in the contracts register", Required = true };
        var sheet = new Option<string?>("--sheet") { Description = "For Excel workbooks: the worksheet to read, by name. Default: the first worksheet. CSV files ignore it." };
        var command = new Command("kpi-values", "Import a contract's KPI values (kpi,period,value,comment), to be approved by the contract manager; importing a file again adds nothing.")
        {
            files, organisation, contract, sheet,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            PlaceshaperCli.ConnectionString(parse), parse.GetValue(files)!, parse.GetValue(organisation)!, parse.GetValue(contract)!, parse.GetValue(sheet), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? connectionString, IEnumerable<FileInfo> files, string slug, string reference, string? sheet, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var services = OperatorServices.Create(connectionString);
        var exit = 0;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                await errors.WriteLineAsync($"{file.Name}: no such file");
                exit = 1;
                continue;
            }

            // One scope per file: a refused file leaves nothing behind for the next.
            await using var scope = services.OperatorScope("import kpi-values " + file.Name);
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            if (await OperatorServices.EnsureCurrentSchemaAsync(db, cancellationToken) is { } schemaProblem)
            {
                await errors.WriteLineAsync(schemaProblem);
                return 1;
            }

            var key = slug.Trim().ToLowerInvariant();
            if (await db.Organisations.Where(o => o.Slug == key).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken) is not { } organisationId)
            {
                await errors.WriteLineAsync($"error: --org: there is no organisation '{key}'");
                return 2;
            }

            var wanted = reference.Trim();
            var id = await db.Contracts.Where(c => c.OrganisationId == organisationId && c.Reference == wanted).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (id is null || await ContractQueries.FindAsync(db, organisationId, id.Value, cancellationToken) is not { } found)
            {
                await errors.WriteLineAsync($"error: --contract: '{key}' has no contract with the reference '{wanted}'");
                return 2;
            }

            byte[] content;
            await using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            using (var bar = new ProgressBar(file.Name, errors, errors == Console.Error ? null : false))
            {
                content = await ReadAsync(stream, bar, cancellationToken);
            }

            var report = await scope.ServiceProvider.GetRequiredService<ImportObservations>()
                .HandleAsync(found, content, file.Name, new KpiObservation.Actor(null, null), cancellationToken, sheet);
            await output.WriteLineAsync(report.ToString());
            foreach (var problem in report.Problems.Take(ProblemsShown))
            {
                await errors.WriteLineAsync("  " + problem);
            }

            if (report.Problems.Count > ProblemsShown)
            {
                await errors.WriteLineAsync($"  … and {report.Problems.Count - ProblemsShown} more");
            }

            exit = report.Accepted ? exit : 1;
        }

        return exit;
    }

    /// <summary>The whole file, reporting the bytes read so far.</summary>
    private static async Task<byte[]> ReadAsync(Stream stream, ProgressBar progress, CancellationToken cancellationToken)
    {
        var length = stream.Length;
        using var into = new MemoryStream(length > int.MaxValue ? 0 : (int)length);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            into.Write(buffer, 0, read);
            progress.Report((into.Length, length));
        }

        return into.ToArray();
    }
}
