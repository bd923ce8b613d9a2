using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Cli;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// <c>placeshaper import spend FILE... --org SLUG [--profile NAME]</c>: each file streamed in whole or not at all,
/// with a progress bar on standard error, a summary line per file, and the first problems (file:line: column:
/// reason) and exit code 1 when a file is refused.
/// </summary>
public static class SpendCommands
{
    public const int ProblemsShown = 20;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Spend files (CSV or .xlsx) in any layout councils publish", Arity = ArgumentArity.OneOrMore };
        var organisation = new Option<string>("--org") { Description = "Slug of the organisation whose spend this is", Required = true };
        var profile = new Option<string?>("--profile") { Description = "A saved column-mapping profile to use instead of the suggested mapping" };
        var command = new Command("spend", "Import spend files (payments over £250/£500 under the Transparency Code): header found below any preamble, columns suggested from their names, padding and totals skipped; payments already held are not added twice.")
        {
            files, organisation, profile,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            PlaceshaperCli.ConnectionString(parse), parse.GetValue(files)!, parse.GetValue(organisation)!, parse.GetValue(profile), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        string? connectionString, IEnumerable<FileInfo> files, string slug, string? profile, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
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

            await using var scope = services.OperatorScope("import spend " + file.Name);
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

            ImportSpend.Report report;
            await using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            using (var bar = new ProgressBar(file.Name, errors, errors == Console.Error ? null : false))
            {
                report = await scope.ServiceProvider.GetRequiredService<ImportSpend>().HandleAsync(organisationId, stream, file.Name, profile, bar, cancellationToken);
            }

            await output.WriteLineAsync(report.ToString());
            if (!report.Accepted)
            {
                foreach (var problem in report.Problems.Take(ProblemsShown))
                {
                    await errors.WriteLineAsync("  " + problem);
                }

                if (report.Problems.Count > ProblemsShown)
                {
                    await errors.WriteLineAsync($"  … and {report.Problems.Count - ProblemsShown} more");
                }

                exit = 1;
            }
            else
            {
                var suppliers = await scope.ServiceProvider.GetRequiredService<ResolveSuppliers>().HandleAsync(organisationId, cancellationToken);
                await output.WriteLineAsync($"  suppliers: {suppliers.Suppliers}, resolved {suppliers.Resolved}, to review {suppliers.ToReview}, unresolved {suppliers.Unresolved}");
                foreach (var skipped in report.SkippedRows.Take(ProblemsShown))
                {
                    await output.WriteLineAsync("  skipped: " + skipped);
                }

                if (report.SkippedRows.Count > ProblemsShown)
                {
                    await output.WriteLineAsync($"  … and {report.SkippedRows.Count - ProblemsShown} more skipped");
                }
            }
        }

        return exit;
    }
}
