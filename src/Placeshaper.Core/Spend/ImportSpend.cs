using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Audit;
using Placeshaper.Data;
using Placeshaper.Imports;
using Placeshaper.Providers;

namespace Placeshaper.Spend;

/// <summary>
/// Imports one spend file for an organisation, whole or not at all (ADR 0010, ADR 0021): rows are written as they
/// are read, in one transaction that is rolled back if the file turns out to have any problem, so a refused file
/// stores nothing however far into it the problem is. Payments the organisation already holds are counted as
/// duplicates and not written again (<see cref="SpendIdentity"/>). The procurement classifications its new lines give
/// their expense types are kept as suggestions for the spend categories (<see cref="SuggestSpendCategories"/>).
/// </summary>
public sealed class ImportSpend(PlaceshaperDb db, TimeProvider clock)
{
    /// <summary>What an import did, or why the file was refused (then nothing was stored and <see cref="ImportId"/> is null).</summary>
    public sealed record Report(
        string File,
        string Sha256,
        string Encoding,
        int Read,
        int Imported,
        int Duplicates,
        int Skipped,
        int Errors,
        decimal Total,
        IReadOnlyList<ImportProblem> Problems,
        IReadOnlyList<ImportProblem> SkippedRows,
        Guid? ImportId)
    {
        public bool Accepted => Problems.Count == 0;

        public override string ToString() => Accepted
            ? $"{File}: read {Read}, imported {Imported}, duplicates {Duplicates}, skipped {Skipped}, errors 0 (total £{Total:N2})"
            : $"{File}: refused, nothing imported: read {Read}, errors {Errors}";

        public static Report Refused(string file, string sha256, int read, IReadOnlyList<ImportProblem> problems, string encoding = "") =>
            new(file, sha256, encoding, read, 0, 0, 0, problems.Count, 0, problems, [], null);
    }

    /// <summary>
    /// Imports <paramref name="content"/>, which must be seekable (a file; uploads are spooled to one). A
    /// <paramref name="profile"/> names a saved column mapping; <paramref name="progress"/> hears the bytes read.
    /// </summary>
    public async Task<Report> HandleAsync(
        Guid organisationId, Stream content, string file, string? profile, IProgress<(long Done, long Length)>? progress, CancellationToken cancellationToken)
    {
        // The pass that hashes the file and finds its encoding runs beside opening the import in the database.
        var checking = Task.Run(() => FileCheck.Read(content, cancellationToken: cancellationToken), cancellationToken);
        try
        {
            return await ImportAsync(organisationId, content, checking, file, profile, progress, cancellationToken);
        }
        finally
        {
            // Never left reading a stream the caller is about to close.
            await ((Task)checking).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<Report> ImportAsync(
        Guid organisationId, Stream content, Task<FileCheck> checking, string file, string? profile, IProgress<(long Done, long Length)>? progress, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<SpendField, string>? fields = null;
        if (!string.IsNullOrWhiteSpace(profile))
        {
            var name = profile.Trim();
            var saved = await db.SpendProfiles.AsNoTracking().Where(p => p.OrganisationId == organisationId && p.Name == name).Select(p => p.Mapping).SingleOrDefaultAsync(cancellationToken);
            if (saved is null)
            {
                return Report.Refused(file, (await checking).Sha256!, 0, [new ImportProblem(file, 0, null, $"there is no mapping profile called '{name}'")]);
            }

            fields = SpendProfile.Parse(saved).Value;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var writer = await SpendWriter.OpenAsync(db, organisationId, cancellationToken);
        var import = SpendImport.Start(organisationId, file, clock.GetUtcNow().UtcDateTime);
        import.Numbered(writer.ImportNumber);

        // Reading starts now, beside saving the import's row and starting the bulk write (a fresh process compiles
        // EF Core's saving as it goes): the first batches wait in the channel.
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(BatchesWaiting) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(content, file, fields, checking, writer.Names, writer.IdentityScheme, batches, progress, stop.Token), stop.Token);
        var suggestions = new SpendCategorySuggestionTally();
        try
        {
            db.SpendImports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
            await writer.BeginAsync(cancellationToken);
            await WriteAsync(batches.Reader, writer, suggestions, cancellationToken);
        }
        catch
        {
            await stop.CancelAsync();
            await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (reading.IsCompletedSuccessfully)
            {
                reading.Result.Dispose();
            }

            // The reading side's failure, if any, is this one or follows from it: observed here, not reported again.
            _ = reading.Exception;
            throw;
        }

        using var reader = await reading;
        var sha256 = (await checking).Sha256!;
        var (added, total) = (0, 0m);
        if (reader.Problems.Count == 0)
        {
            await writer.FinishAsync(cancellationToken);
            (added, total) = (writer.Tally.Added, writer.Tally.Total);
        }

        // Ends a COPY still open (a refused file) before the transaction ends; disposing again at the end does nothing.
        await writer.DisposeAsync();

        progress?.Report((reader.Length, reader.Length));
        if (reader.Problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Report.Refused(file, sha256, reader.Read, reader.Problems, reader.Encoding);
        }

        var rows = reader.Read - reader.SkippedCount;
        import.Finish(reader, sha256, added, rows - added, total);
        await SuggestSpendCategories.SaveAsync(db, organisationId, import, suggestions, clock.GetUtcNow().UtcDateTime, cancellationToken);
        db.RecordDecision(new AuditDecision(organisationId, "spend-imported", "SpendImport", import.Id.ToString(), After: System.Text.Json.JsonSerializer.Serialize(new
        {
            file,
            sha256,
            read = reader.Read,
            imported = added,
            duplicates = rows - added,
            skipped = reader.SkippedCount,
        })));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Report(file, sha256, reader.Encoding, reader.Read, added, rows - added, reader.SkippedCount, 0, total, [], reader.Skipped, import.Id);
    }

    /// <summary>Rows per batch handed from the reading thread to the writing one.</summary>
    private const int BatchSize = 1000;

    /// <summary>
    /// Batches the reading thread may run ahead of the writing one, which it does while the import's row is saved. At
    /// 64 the million-line bench peaked 50 MiB higher and was no faster (rows waiting long are collected dearer).
    /// </summary>
    private const int BatchesWaiting = 16;

    /// <summary>The file's lines are estimated once this many batches are read.</summary>
    private const int EstimateAfter = 10;

    /// <summary>
    /// Tallies and writes the batches read on the other thread (<see cref="ReadAsync"/>) as they come: a bounded
    /// channel of batches between them keeps memory flat. Once the reader has found a problem nothing more is handed
    /// on (the file is refused and the transaction rolled back), but reading goes on to report the next problems.
    /// </summary>
    /// <remarks>
    /// The work is split so the two threads take about as long as each other on a large file: reading, parsing,
    /// normalising and numbering names on one; hashing identities, deciding what is new (<see cref="SpendTally"/>),
    /// summing the totals and writing on the other (ADR 0026, ADR 0027). Hashing the lines' contents moves to the
    /// reading thread while this one is behind (<see cref="Contents"/>).
    /// </remarks>
    private static async Task WriteAsync(ChannelReader<Batch> batches, SpendWriter writer, SpendCategorySuggestionTally suggestions, CancellationToken cancellationToken)
    {
        using var identities = new SpendIdentity(writer.IdentityScheme);
        var (rows, keys) = (new SpendRow[BatchSize], new long[BatchSize]);
        await foreach (var batch in batches.ReadAllAsync(cancellationToken))
        {
            if (batch.ExpectedLines > 0)
            {
                identities.Expect(batch.ExpectedLines);
            }

            if (batch.Contents is { } contents)
            {
                identities.OfContents(contents.AsSpan(0, batch.Rows.Count));
                Write(batch, contents, writer, suggestions);
                continue;
            }

            for (var i = 0; i < batch.Rows.Count; i++)
            {
                rows[i] = batch.Rows[i].Row;
            }

            identities.Of(rows.AsSpan(0, batch.Rows.Count), keys);
            Write(batch, keys, writer, suggestions);
        }
    }

    /// <summary>
    /// Payments read, with their suppliers' and service areas' numbers (<see cref="SpendNames"/>); once, the number of
    /// lines the file is expected to hold; and the hashes of their contents when the reading thread had time to work
    /// them out (<see cref="SpendIdentity.Contents"/>).
    /// </summary>
    private sealed record Batch(List<(SpendRow Row, int Supplier, int ServiceExpense)> Rows, int ExpectedLines = 0, long[]? Contents = null);

    /// <summary>
    /// Writes the payments in a batch that are new, by their <paramref name="identities"/>, counting them and their
    /// totals; duplicates are only counted.
    /// </summary>
    // Every line of a spend file passes through here: compiled for speed at its first call rather than run slowly
    // until the tiered JIT gets to it, which in a fresh process is well into a million-line import (docs/spend.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write(Batch batch, long[] identities, SpendWriter writer, SpendCategorySuggestionTally suggestions)
    {
        var tally = writer.Tally;
        for (var i = 0; i < batch.Rows.Count; i++)
        {
            var (row, supplier, serviceExpense) = batch.Rows[i];
            var identity = identities[i];
            var stored = Common.Money.ToStoredUnits(row.Amount);
            if (tally.Add(row.Date, stored, supplier, SpendLimits.Cut(row.CompanyNumber, SpendLimits.Number) ?? "", serviceExpense, identity))
            {
                writer.Add(row, supplier, serviceExpense, stored, identity);
                suggestions.Add(row);
            }
        }
    }

    /// <summary>
    /// Opens the file once its check has found the encoding, then reads, normalises and numbers supplier names and
    /// numbers service areas and expense types, handing every payment read to the writing thread. At the tenth batch
    /// it estimates the file's lines from how far into the file it is, and hands the estimate on, for the writing
    /// thread to make room for the file's identities at once. While the writing thread is behind, it also hashes the
    /// batches' contents (<see cref="Contents"/>). The reader it returns holds the counts and problems.
    /// </summary>
    private static async Task<SpendFileReader> ReadAsync(
        Stream content,
        string file,
        IReadOnlyDictionary<SpendField, string>? fields,
        Task<FileCheck> checking,
        SpendNames names,
        int identityScheme,
        Channel<Batch> channel,
        IProgress<(long Done, long Length)>? progress,
        CancellationToken cancellationToken)
    {
        SpendFileReader? reader = null;
        SpendIdentity? hasher = null;
        var batches = channel.Writer;
        try
        {
            hasher = new SpendIdentity(identityScheme);
            reader = SpendFileReader.Open(content, file, fields, await checking);
            cancellationToken.ThrowIfCancellationRequested();
            var suppliers = new Dictionary<string, int>(StringComparer.Ordinal);
            var serviceExpenses = new ServiceExpenses(names);
            var batch = new List<(SpendRow, int, int)>(BatchSize);
            var rows = new SpendRow[BatchSize];
            var next = 0L;
            var handed = 0;
            foreach (var row in reader.Rows())
            {
                if (reader.Problems.Count > 0)
                {
                    // Refused already: keep reading only to report the next problems; hand on nothing more, and stop
                    // at once if the writing side has stopped.
                    cancellationToken.ThrowIfCancellationRequested();
                    continue;
                }

                batch.Add((row, Supplier(suppliers, names, row.Supplier), serviceExpenses.Of(row)));
                if (batch.Count == BatchSize)
                {
                    var expected = 0;
                    if (++handed == EstimateAfter && reader.Position < reader.Length)
                    {
                        // The position runs ahead of the rows by what is buffered, so the estimate is a little low.
                        expected = (int)Math.Min(int.MaxValue / 4, (double)EstimateAfter * BatchSize * reader.Length / reader.Position * 1.1);
                    }

                    await batches.WriteAsync(new Batch(batch, expected, Contents(hasher, batch, rows, channel.Reader.Count)), cancellationToken);
                    batch = new List<(SpendRow, int, int)>(BatchSize);
                }

                if (progress is not null && reader.Position >= next)
                {
                    progress.Report((reader.Position, reader.Length));
                    next = reader.Position + (1 << 20);
                }
            }

            if (batch.Count > 0 && reader.Problems.Count == 0)
            {
                await batches.WriteAsync(new Batch(batch), cancellationToken);
            }

            batches.Complete();
            return reader;
        }
        catch (Exception e)
        {
            reader?.Dispose();
            batches.Complete(e);
            throw;
        }
        finally
        {
            hasher?.Dispose();
        }
    }

    /// <summary>
    /// The hashes of a batch's contents, worked out here when the writing thread is behind (half the batches that may
    /// wait are waiting), so the threads share the work whichever is the slower on the machine and the file. The
    /// writing thread hashes the rest itself. Each way gives the same identities (<see cref="SpendIdentity.OfContents"/>).
    /// </summary>
    private static long[]? Contents(SpendIdentity hasher, List<(SpendRow Row, int, int)> batch, SpendRow[] rows, int waiting)
    {
        if (!hasher.HashesApart || waiting < BatchesWaiting / 2)
        {
            return null;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            rows[i] = batch[i].Row;
        }

        var contents = new long[batch.Count];
        hasher.Contents(rows.AsSpan(0, batch.Count), contents);
        return contents;
    }

    /// <summary>
    /// The supplier's number, normalising each distinct name once: a file names the same few thousand suppliers again
    /// and again.
    /// </summary>
    private static int Supplier(Dictionary<string, int> suppliers, SpendNames names, string? supplier)
    {
        if (supplier is null)
        {
            return names.Supplier(null, "");
        }

        if (!suppliers.TryGetValue(supplier, out var number))
        {
            number = names.Supplier(SpendLimits.Cut(supplier, SpendLimits.Text), SpendLimits.Cut(NameNormaliser.Normalise(supplier), SpendLimits.Text)!);
            if (suppliers.Count < 200_000)
            {
                suppliers[supplier] = number;
            }
        }

        return number;
    }

    /// <summary>
    /// Numbers each line's service area and expense type. Files come in runs of one service area and expense type,
    /// and their texts are shared between lines (<see cref="Imports.CsvRecordReader"/>), so the line before's pair is
    /// tried first, by reference.
    /// </summary>
    private sealed class ServiceExpenses(SpendNames names)
    {
        private string? area;
        private string? type;
        private int number;

        public int Of(SpendRow row)
        {
            if (number == 0 || !ReferenceEquals(row.ServiceArea, area) || !ReferenceEquals(row.ExpenseType, type))
            {
                (area, type) = (row.ServiceArea, row.ExpenseType);
                number = names.ServiceExpense(SpendLimits.Cut(area, SpendLimits.Text), SpendLimits.Cut(type, SpendLimits.Text));
            }

            return number;
        }
    }
}
