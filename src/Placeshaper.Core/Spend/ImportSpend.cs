using System.Security.Cryptography;
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
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        IReadOnlyDictionary<SpendField, string>? fields = null;
        if (!string.IsNullOrWhiteSpace(profile))
        {
            var name = profile.Trim();
            var saved = await db.SpendProfiles.AsNoTracking().Where(p => p.OrganisationId == organisationId && p.Name == name).Select(p => p.Mapping).SingleOrDefaultAsync(cancellationToken);
            if (saved is null)
            {
                return Report.Refused(file, sha256, 0, [new ImportProblem(file, 0, null, $"there is no mapping profile called '{name}'")]);
            }

            fields = SpendProfile.Parse(saved).Value;
        }

        using var reader = SpendFileReader.Open(content, file, fields);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var import = SpendImport.Start(organisationId, file, sha256, clock.GetUtcNow().UtcDateTime);
        db.SpendImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);

        var (added, total) = (0, 0m);
        var suggestions = new SpendCategorySuggestionTally();
        await using (var writer = await SpendWriter.StartAsync(db, organisationId, import.Id, cancellationToken))
        {
            import.Numbered(writer.ImportNumber);
            await WriteAsync(reader, writer, suggestions, progress, cancellationToken);
            if (reader.Problems.Count == 0)
            {
                await writer.FinishAsync(cancellationToken);
                (added, total) = (writer.Tally.Added, writer.Tally.Total);
            }
        }

        progress?.Report((reader.Length, reader.Length));
        if (reader.Problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Report.Refused(file, sha256, reader.Read, reader.Problems, reader.Encoding);
        }

        var rows = reader.Read - reader.SkippedCount;
        import.Finish(reader, added, rows - added, total);
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
    /// Reads and parses on one thread while the rows read so far are written on this one: a bounded channel of
    /// batches between them keeps memory flat. Once the reader has found a problem nothing more is handed on (the
    /// file is refused and the transaction rolled back), but reading goes on to report the next problems.
    /// </summary>
    private static async Task WriteAsync(
        SpendFileReader reader, SpendWriter writer, SpendCategorySuggestionTally suggestions, IProgress<(long Done, long Length)>? progress, CancellationToken cancellationToken)
    {
        var batches = Channel.CreateBounded<List<(SpendRow Row, string Key, long Identity)>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(reader, writer.IdentityScheme, writer.Tally, suggestions, batches.Writer, progress, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var (row, key, identity) in batch)
                {
                    writer.Add(row, key, identity);
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(reading);
            throw;
        }

        await reading;
    }

    /// <summary>
    /// Reads, normalises supplier names, works out identities and tallies what is new, with the classifications new
    /// lines give their expense types: about half the work, writing the new payments being the other.
    /// </summary>
    private static async Task ReadAsync(
        SpendFileReader reader, int identityScheme, SpendTally tally, SpendCategorySuggestionTally suggestions,
        ChannelWriter<List<(SpendRow Row, string Key, long Identity)>> batches, IProgress<(long Done, long Length)>? progress, CancellationToken cancellationToken)
    {
        try
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            using var identity = new SpendIdentity(identityScheme);
            var batch = new List<(SpendRow, string, long)>(BatchSize);
            var next = 0L;
            foreach (var row in reader.Rows())
            {
                if (reader.Problems.Count > 0)
                {
                    // Refused already: keep reading only to report the next problems; hand on nothing more.
                    continue;
                }

                var key = row.Supplier is null ? "" : Normalised(names, row.Supplier);
                var payment = identity.Of(row);
                if (!tally.Add(row.Date, Common.Money.ToStoredUnits(row.Amount), key, SpendLimits.Cut(row.CompanyNumber, SpendLimits.Number) ?? "",
                        SpendLimits.Cut(row.ServiceArea, SpendLimits.Text) ?? "", SpendLimits.Cut(row.ExpenseType, SpendLimits.Text) ?? "", payment))
                {
                    // Held already, or earlier in this file: a duplicate, counted and not written.
                    continue;
                }

                batch.Add((row, key, payment));
                suggestions.Add(row);
                if (batch.Count == BatchSize)
                {
                    await batches.WriteAsync(batch, cancellationToken);
                    batch = new List<(SpendRow, string, long)>(BatchSize);
                }

                if (progress is not null && reader.Position >= next)
                {
                    progress.Report((reader.Position, reader.Length));
                    next = reader.Position + (1 << 20);
                }
            }

            if (batch.Count > 0 && reader.Problems.Count == 0)
            {
                await batches.WriteAsync(batch, cancellationToken);
            }

            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
            throw;
        }
    }

    /// <summary>Normalises each distinct supplier name once: a file names the same few thousand suppliers again and again.</summary>
    private static string Normalised(Dictionary<string, string> names, string supplier)
    {
        if (!names.TryGetValue(supplier, out var key))
        {
            key = SpendLimits.Cut(NameNormaliser.Normalise(supplier), SpendLimits.Text)!;
            if (names.Count < 200_000)
            {
                names[supplier] = key;
            }
        }

        return key;
    }
}
