using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Cli;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// <c>placeshaper bench spend FILE [--postgres CONNECTION]</c>: times the spend import end to end on a fresh SQLite
/// database (and PostgreSQL when given), with peak memory, the time spent reading alone, and the median of the
/// monthly summary over what was imported. bench/run-spend.sh runs it beside the DuckDB and pandas baselines.
/// </summary>
public static class SpendBench
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The spend file to import (bench/make-spend-input.sh makes the million-row one)" };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string to bench too (its database is migrated and its spend for the bench organisation replaced)" };
        var runs = new Option<int>("--summary-runs") { Description = "How many times to run the summary for its median", DefaultValueFactory = _ => 21 };
        var spend = new Command("spend", "Time importing a spend file into SQLite (and PostgreSQL), peak memory, and the summary query's median.") { file, postgres, runs };
        spend.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(postgres), parse.GetValue(runs), cancellationToken));
        return new Command("bench", "Benchmarks.") { spend };
    }

    private static async Task<int> RunAsync(FileInfo file, string? postgres, int runs, CancellationToken cancellationToken)
    {
        Console.WriteLine($"file: {file.FullName} ({file.Length / 1e6:0.0} MB)");
        var read = Stopwatch.StartNew();
        var rows = 0;
        await using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        using (var reader = SpendFileReader.Open(stream, file.Name))
        {
            foreach (var row in reader.Rows())
            {
                rows++;
            }

            if (reader.Problems.Count > 0)
            {
                Console.Error.WriteLine("the file was refused: " + reader.Problems[0]);
                return 1;
            }
        }

        Console.WriteLine(Figure("read and parse only", read.Elapsed, $"{rows} rows"));
        var directory = Directory.CreateTempSubdirectory("placeshaper-bench-");
        try
        {
            var sqlite = await ImportAsync($"Data Source={Path.Combine(directory.FullName, "bench.db")}", file, runs, cancellationToken);
            if (postgres is not null)
            {
                var onPostgres = await ImportAsync(postgres, file, runs, cancellationToken);
                Console.WriteLine($"postgres/sqlite import: {onPostgres.TotalSeconds / sqlite.TotalSeconds:0.00}× (target ≤ 1.5×)");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task<TimeSpan> ImportAsync(string connectionString, FileInfo file, int runs, CancellationToken cancellationToken)
    {
        await using var services = OperatorServices.Create(connectionString);
        Guid organisationId;
        await using (var scope = services.OperatorScope("bench spend"))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            Console.WriteLine($"-- {db.Provider}");
            await Migrator.MigrateAsync(db, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Demo.DemoData>().SeedAsync(cancellationToken);
            organisationId = await db.Organisations.Where(o => o.Slug == "anytown").Select(o => o.Id).SingleAsync(cancellationToken);
            await db.SpendTransactions.Where(t => t.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            await db.SpendSupplierMonths.Where(t => t.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            await db.SpendImports.Where(t => t.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
        }

        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.PeakWorkingSet64;
        var import = Stopwatch.StartNew();
        ImportSpend.Report report;
        await using (var scope = services.OperatorScope("bench spend"))
        await using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            report = await scope.ServiceProvider.GetRequiredService<ImportSpend>().HandleAsync(organisationId, stream, file.Name, null, null, cancellationToken);
        }

        var elapsed = import.Elapsed;
        process.Refresh();
        Console.WriteLine(report.ToString());
        Console.WriteLine(Figure("import end to end", elapsed, $"{report.Imported / elapsed.TotalSeconds:0} rows/s"));
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1048576.0:0} MiB (before import {before / 1048576.0:0} MiB; target < 300 MiB); GC heap peak since start {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:0} MiB");

        var times = new List<double>();
        SpendQueries.Summary? summary = null;
        for (var i = 0; i < runs; i++)
        {
            await using var scope = services.OperatorScope("bench spend");
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            var watch = Stopwatch.StartNew();
            summary = await SpendQueries.SummaryAsync(db, organisationId, new DateOnly(2016, 4, 1), new DateOnly(2017, 3, 31), cancellationToken);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var partial = Stopwatch.StartNew();
        await using (var scope = services.OperatorScope("bench spend"))
        {
            await SpendQueries.SummaryAsync(scope.ServiceProvider.GetRequiredService<PlaceshaperDb>(), organisationId, new DateOnly(2016, 4, 15), new DateOnly(2017, 3, 15), cancellationToken);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary FY2016-17 ({summary!.TransactionCount} payments, £{summary.Total:N2}): median {times[times.Count / 2]:0.0} ms over {runs} runs (target < 50 ms); with part months at both ends {partial.Elapsed.TotalMilliseconds:0.0} ms"));
        return elapsed;
    }

    private static string Figure(string what, TimeSpan elapsed, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {elapsed.TotalSeconds:0.00} s ({detail})");
}
