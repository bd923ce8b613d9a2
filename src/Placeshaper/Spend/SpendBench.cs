using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Cli;
using Placeshaper.Data;

namespace Placeshaper.Spend;

/// <summary>
/// <c>placeshaper bench spend FILE [--postgres CONNECTION]</c>: times the spend import end to end on a fresh SQLite
/// database (and PostgreSQL when given), with peak memory, the time spent reading alone, and the medians of the
/// summary over what was imported. The import itself runs in a child process of the same command, so that its peak
/// working set is the import's alone and not the bench's own reading pass, migrations and demo seeding. bench/run-spend.sh runs it beside the DuckDB and pandas baselines.
/// </summary>
public static class SpendBench
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The spend file to import (bench/make-spend-input.sh makes the million-row one)" };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string to bench too (its database is migrated and its spend for the bench organisation replaced)" };
        var runs = new Option<int>("--summary-runs") { Description = "How many times to run the summary for its median", DefaultValueFactory = _ => 21 };
        var imports = new Option<int>("--import-runs") { Description = "How many times to import the file into each database, from the same state each time, for the median", DefaultValueFactory = _ => 1 };
        var into = new Option<string?>("--import-into") { Description = "Only import, into this prepared database, and print the time and this process's peak memory (the bench runs itself so)", Hidden = true };
        var organisation = new Option<Guid>("--organisation") { Hidden = true };
        var spend = new Command("spend", "Time importing a spend file into SQLite (and PostgreSQL), peak memory, and the summary query's median.") { file, postgres, runs, imports, into, organisation };
        spend.SetAction((parse, cancellationToken) => parse.GetValue(into) is { } connection
            ? ImportOnlyAsync(connection, parse.GetValue(organisation), parse.GetValue(file)!, cancellationToken)
            : RunAsync(parse.GetValue(file)!, parse.GetValue(postgres), parse.GetValue(runs), Math.Max(1, parse.GetValue(imports)), cancellationToken));
        return new Command("bench", "Benchmarks.") { spend };
    }

    private static async Task<int> RunAsync(FileInfo file, string? postgres, int runs, int imports, CancellationToken cancellationToken)
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
            var database = Path.Combine(directory.FullName, "bench.db");
            var sqlite = await ImportAsync($"Data Source={database}", file, runs, imports, cancellationToken);
            if (sqlite != TimeSpan.Zero)
            {
                await StoringAloneAsync(database, Path.Combine(directory.FullName, "storing-alone.db"), imports, cancellationToken);
            }

            if (postgres is not null)
            {
                var onPostgres = await ImportAsync(postgres, file, runs, imports, cancellationToken);
                Console.WriteLine(onPostgres == TimeSpan.Zero || sqlite == TimeSpan.Zero ? "postgres/sqlite import: not measured" : $"postgres/sqlite import: {onPostgres.TotalSeconds / sqlite.TotalSeconds:0.00}× (target ≤ 1.5×)");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task<TimeSpan> ImportAsync(string connectionString, FileInfo file, int runs, int imports, CancellationToken cancellationToken)
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
        }

        // Each import starts from the same state: the organisation without spend, its space given back. The import
        // runs in a fresh process of its own, so its peak working set is the import's and not this process's (the
        // read-only pass, migrating and seeding the demo all happened here). On a machine whose speed changes from
        // run to run, the median of several is the figure to compare (docs/spend.md, eighth measurement).
        var times = new List<TimeSpan>();
        for (var run = 0; run < imports; run++)
        {
            await ClearAsync(services, organisationId, cancellationToken);
            if (await ChildImportAsync(connectionString, organisationId, file, cancellationToken) is not { } elapsed)
            {
                return TimeSpan.Zero;
            }

            times.Add(elapsed);
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        if (imports > 1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import end to end, median of {imports}: {median.TotalSeconds:0.00} s (each: {string.Join(", ", times.Select(t => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))} s)"));
        }

        // The same call the summary API makes, in a fresh scope each time as a request would have.
        var (whole, summary) = await MedianAsync(services, organisationId, new DateOnly(2016, 4, 1), new DateOnly(2017, 3, 31), runs, cancellationToken);
        var (part, _) = await MedianAsync(services, organisationId, new DateOnly(2016, 4, 15), new DateOnly(2017, 3, 15), runs, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary FY2016-17 ({summary.TransactionCount} payments, £{summary.Total:N2}): median {whole:0.0} ms over {runs} runs (target < 50 ms); with part months at both ends (15 April to 15 March) median {part:0.0} ms"));
        return median;
    }

    /// <summary>
    /// What SQLite alone takes to store the payments just imported, already parsed, into an empty table like theirs in
    /// a new database set up as the import's is (16 KiB pages, write-ahead log, the import's page cache), committed:
    /// no file reading, parsing, hashing, tallying, names or totals. Two ways: row by row, as the import inserts them
    /// (a WHERE clause keeps SQLite from copying the records whole; reading them from the other database is counted
    /// too), and their records copied whole, SQLite's least work for the rows' pages. Printed beside the import for
    /// docs/spend.md's comparison with DuckDB, whose whole load on this machine takes about as long as the first.
    /// </summary>
    private static async Task StoringAloneAsync(string source, string target, int runs, CancellationToken cancellationToken)
    {
        var rowByRow = await StoreAsync(source, target, " WHERE line > 0", runs, cancellationToken);
        var whole = await StoreAsync(source, target, "", runs, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SQLite storing alone: {rowByRow.Time.TotalSeconds:0.00} s ({rowByRow.Stored} payments already parsed, inserted row by row into an empty table and committed, median of {runs}); {whole.Time.TotalSeconds:0.00} s with their records copied whole"));
    }

    private static async Task<(TimeSpan Time, int Stored)> StoreAsync(string source, string target, string where, int runs, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>();
        var stored = 0;
        for (var run = 0; run < runs; run++)
        {
            File.Delete(target);
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                await ExecuteAsync(connection, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA cache_size = -16384", cancellationToken);
                await ExecuteAsync(connection, $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS source", cancellationToken);
                await using (var ddl = connection.CreateCommand())
                {
                    ddl.CommandText = "SELECT sql FROM source.sqlite_master WHERE name = 'spend_payments'";
                    await ExecuteAsync(connection, (string)(await ddl.ExecuteScalarAsync(cancellationToken))!, cancellationToken);
                }

                var watch = Stopwatch.StartNew();
                await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
                {
                    stored = await ExecuteAsync(connection, "INSERT INTO main.spend_payments SELECT * FROM source.spend_payments" + where, cancellationToken, transaction);
                    await transaction.CommitAsync(cancellationToken);
                }

                times.Add(watch.Elapsed);
            }

            File.Delete(target);
        }

        times.Sort();
        return (times[times.Count / 2], stored);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, System.Data.Common.DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)transaction;
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the organisation's spend, then gives the space back (VACUUM), so an import starts as on a fresh database.</summary>
    private static async Task ClearAsync(ServiceProvider services, Guid organisationId, CancellationToken cancellationToken)
    {
        await using (var scope = services.OperatorScope("bench spend"))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            var ledger = db.SpendLedgers.Where(l => l.OrganisationId == organisationId).Select(l => l.Number);
            await db.SpendPayments.Where(t => ledger.Contains(t.OrganisationNumber)).ExecuteDeleteAsync(cancellationToken);
            await db.SpendSupplierNames.Where(n => ledger.Contains(n.OrganisationNumber)).ExecuteDeleteAsync(cancellationToken);
            await db.SpendServiceExpenses.Where(n => ledger.Contains(n.OrganisationNumber)).ExecuteDeleteAsync(cancellationToken);
            await db.SpendLedgers.Where(l => l.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            await db.SpendSupplierMonths.Where(t => t.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            await db.SpendSupplierDays.Where(t => t.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            await db.SpendDays.Where(t => t.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            await db.SpendDayCategories.Where(t => t.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            await db.SpendImports.Where(t => t.OrganisationId == organisationId).ExecuteDeleteAsync(cancellationToken);
            // After a million payments are removed, VACUUM can outlast a command's default 30 seconds on a busy machine.
            db.Database.SetCommandTimeout(TimeSpan.Zero);
            await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
        }
    }

    private static async Task<(double Milliseconds, SpendQueries.Summary Summary)> MedianAsync(
        ServiceProvider services, Guid organisationId, DateOnly from, DateOnly to, int runs, CancellationToken cancellationToken)
    {
        // One run first, not counted: a server answering the API has its code compiled and its connections open.
        var times = new List<double>();
        SpendQueries.Summary? summary = null;
        for (var i = -1; i < Math.Max(runs, 1); i++)
        {
            await using var scope = services.OperatorScope("bench spend");
            var db = scope.ServiceProvider.GetRequiredService<PlaceshaperDb>();
            var watch = Stopwatch.StartNew();
            summary = await SpendQueries.SummaryAsync(db, organisationId, from, to, cancellationToken);
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (times[times.Count / 2], summary!);
    }

    private static async Task<TimeSpan?> ChildImportAsync(string connectionString, Guid organisationId, FileInfo file, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SpendBench).Assembly.Location);
        }

        foreach (var argument in (string[])["bench", "spend", file.FullName, "--import-into", connectionString, "--organisation", organisationId.ToString()])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "1";
        using var child = Process.Start(start)!;
        TimeSpan? elapsed = null;
        while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(ElapsedLine, StringComparison.Ordinal))
            {
                elapsed = TimeSpan.FromSeconds(double.Parse(line[ElapsedLine.Length..], CultureInfo.InvariantCulture));
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync(cancellationToken);
        return child.ExitCode == 0 ? elapsed : null;
    }

    private const string ElapsedLine = "elapsed-seconds: ";

    private static async Task<int> ImportOnlyAsync(string connectionString, Guid organisationId, FileInfo file, CancellationToken cancellationToken)
    {
        await using var services = OperatorServices.Create(connectionString);
        await using (var warm = services.OperatorScope("bench spend"))
        {
            // Started as a server would be: the model built and a connection opened, before the clock starts.
            await warm.ServiceProvider.GetRequiredService<PlaceshaperDb>().Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken);
        }

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
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
        Console.WriteLine(Figure("import end to end", elapsed, $"{report.Imported / elapsed.TotalSeconds:0} rows/s, {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s of CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak working set: {process.PeakWorkingSet64 / 1048576.0:0} MiB (the whole import process, from its start; target < 300 MiB); GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:0} MiB at the end"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ElapsedLine}{elapsed.TotalSeconds:0.000}"));
        return report.Accepted ? 0 : 1;
    }

    private static string Figure(string what, TimeSpan elapsed, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {elapsed.TotalSeconds:0.00} s ({detail})");
}
