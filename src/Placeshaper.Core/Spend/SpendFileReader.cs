using System.Runtime.CompilerServices;
using System.Text;
using Placeshaper.Imports;

namespace Placeshaper.Spend;

/// <summary>One payment read from a spend file, with the line it is on. Text is trimmed; empty text is null.</summary>
public sealed record SpendRow(
    int Line,
    DateOnly Date,
    decimal Amount,
    string? Supplier,
    bool Redacted,
    string? TransactionNumber,
    string? ServiceArea,
    string? ExpenseType,
    string? Description,
    string? CompanyNumber,
    string? VatNumber,
    string? Postcode,
    string? ProClassCode = null,
    string? ProClassLabel = null);

/// <summary>
/// Reads a council's spend file, CSV or Excel workbook, one row at a time: the file is never held whole in memory
/// (a workbook is, as the Open XML SDK needs). It finds the encoding (UTF-8 with or without a byte-order mark, else
/// Windows-1252), the header row below any report preamble, and the columns (<see cref="SpendMapping"/>, optionally
/// overridden by a saved profile); it skips and reports padding rows, footer totals and lines that hold no payment;
/// and it collects every problem (bad date or amount, missing column, a last line cut short) with its file, line,
/// column and reason. A caller writes the rows as they come and throws the lot away if <see cref="Problems"/> is not
/// empty at the end: a file is imported whole or not at all.
/// </summary>
public sealed class SpendFileReader : IDisposable
{
    /// <summary>The header must be within this many non-blank lines of the top (Lambeth's preamble is nine).</summary>
    public const int HeaderSearchLines = 50;

    /// <summary>Reading stops after this many problems: the file is refused anyway, and the first ones are enough to start.</summary>
    public const int MostProblems = 100;

    /// <summary>Skipped rows reported one by one up to this many; after that they are only counted.</summary>
    public const int MostSkipsReported = 1000;

    private readonly Stream stream;
    private readonly string file;
    private readonly IReadOnlyDictionary<SpendField, string>? profile;
    private readonly FileCheck? given;
    private readonly List<ImportProblem> problems = [];
    private readonly List<ImportProblem> skips = [];
    private readonly bool endsWithLineBreak;
    private TextReader? text;
    private CsvRecordReader? csv;
    private string? lastSupplier;
    private bool lastRedacted;
    private ImportTable? workbook;
    private (int Start, int End, int Count)? blankRun;

    private SpendFileReader(Stream stream, string file, IReadOnlyDictionary<SpendField, string>? profile, FileCheck? given)
    {
        this.stream = stream;
        this.file = file;
        this.profile = profile;
        this.given = given;
        if (stream.Length > 0)
        {
            stream.Position = stream.Length - 1;
            endsWithLineBreak = stream.ReadByte() is '\n' or '\r';
            stream.Position = 0;
        }
    }

    public string File => file;

    /// <summary>The encoding the file was read in: "UTF-8", "UTF-8 with BOM", "Windows-1252" or "Excel workbook".</summary>
    public string Encoding { get; private set; } = "";

    public IReadOnlyList<string> Headers { get; private set; } = [];

    public int HeaderLine { get; private set; }

    public SpendMapping? Mapping { get; private set; }

    /// <summary>Data rows read below the header, blank ones included.</summary>
    public int Read { get; private set; }

    /// <summary>Rows skipped (blank padding, footer totals, lines with no payment), all counted.</summary>
    public int SkippedCount { get; private set; }

    /// <summary>What was skipped and why, by line; runs of blank rows are one entry.</summary>
    public IReadOnlyList<ImportProblem> Skipped => skips;

    public IReadOnlyList<ImportProblem> Problems => problems;

    /// <summary>Bytes of the file read so far, for a progress bar.</summary>
    public long Position => workbook is null ? stream.Position : stream.Length;

    public long Length => stream.Length;

    /// <summary>
    /// Opens a seekable stream (a file, or an upload spooled to one). The stream stays the caller's. A
    /// <paramref name="check"/> of the same stream saves the reader its own pass over the file to find the encoding.
    /// </summary>
    public static SpendFileReader Open(Stream stream, string file, IReadOnlyDictionary<SpendField, string>? profile = null, FileCheck? check = null)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The spend reader needs a seekable stream: spool an upload to a file first.", nameof(stream));
        }

        return new SpendFileReader(stream, file, profile, check);
    }

    /// <summary>The payments in the file, in order. Problems and skips accumulate as it goes.</summary>
    public IEnumerable<SpendRow> Rows()
    {
        var records = Records().GetEnumerator();
        try
        {
            if (!FindHeader(records, out var pending))
            {
                yield break;
            }

            var mapping = Mapping!;
            var needed = SpendMapping.Required.Max(f => mapping[f]);

            // Below the header only the mapped columns' texts are needed: most files carry as many others.
            csv?.ReadOnly(Enum.GetValues<SpendField>().Select(f => mapping[f]));
            var last = (Line: 0, Cells: (string[]?)null);
            foreach (var (line, cells) in pending.Concat(Rest(records)))
            {
                if (problems.Count >= MostProblems)
                {
                    problems.Add(new ImportProblem(file, line, null, $"reading stopped after {MostProblems} problems"));
                    yield break;
                }

                last = (line, cells);
                Read++;
                if (Row(line, cells, mapping, needed) is { } row)
                {
                    yield return row;
                }
            }

            EndBlankRun();
            if (!endsWithLineBreak && last.Cells is { } cut && workbook is null && cut.Length < Headers.Count && !cut.All(string.IsNullOrWhiteSpace))
            {
                // Whatever else is wrong with the last line, the reason is that the file stops in the middle of it.
                problems.RemoveAll(p => p.Line == last.Line);
                problems.Add(new ImportProblem(file, last.Line, null,
                    $"the file ends in the middle of this line: it has {cut.Length} of the header's {Headers.Count} columns and no line break (was the file cut short?)"));
            }
        }
        finally
        {
            records.Dispose();
        }
    }

    private static IEnumerable<(int Line, string[] Cells)> Rest(IEnumerator<(int Line, string[] Cells)> records)
    {
        while (records.MoveNext())
        {
            yield return records.Current;
        }
    }

    private bool FindHeader(IEnumerator<(int Line, string[] Cells)> records, out List<(int Line, string[] Cells)> pending)
    {
        pending = [];
        var seen = new List<(int Line, string[] Cells)>();
        var all = new List<(int Line, string[] Cells)>();
        while (seen.Count < HeaderSearchLines && records.MoveNext())
        {
            all.Add(records.Current);
            if (!records.Current.Cells.All(string.IsNullOrWhiteSpace))
            {
                seen.Add(records.Current);
            }
        }

        if (problems.Count > 0)
        {
            return false;
        }

        if (seen.Count == 0)
        {
            problems.Add(new ImportProblem(file, 0, null, "the file is empty"));
            return false;
        }

        var scored = seen.Select((r, i) => (Index: i, Score: SpendMapping.Score(r.Cells))).ToList();
        var best = scored.MaxBy(s => s.Score);
        var chosen = profile is { Count: > 0 }
            ? scored.Where(s => ProfileMatches(seen[s.Index].Cells)).Select(s => (int?)s.Index).FirstOrDefault() ?? best.Index
            : best.Index;
        if (best.Score < 3 && !(profile is { Count: > 0 } && ProfileMatches(seen[chosen].Cells)))
        {
            problems.Add(new ImportProblem(file, seen[0].Line, null,
                $"no header row: none of the first {seen.Count} lines names a date, an amount and a supplier column (first line: '{Shorten(string.Join(",", seen[0].Cells))}'). A file without a header needs one added."));
            return false;
        }

        var header = seen[chosen];
        HeaderLine = header.Line;
        Headers = header.Cells.Select((h, i) => i == 0 ? WithoutMark(h.Trim()) : h.Trim()).ToList();
        var mapping = SpendMapping.Suggest(Headers);
        if (profile is { Count: > 0 })
        {
            mapping = mapping.Apply(profile, Headers, out var missing);
            foreach (var name in missing)
            {
                problems.Add(new ImportProblem(file, HeaderLine, name, $"the profile names a column '{name}' that this file does not have"));
            }
        }

        Mapping = mapping;
        foreach (var field in SpendMapping.Required.Where(f => !mapping.Has(f)))
        {
            problems.Add(new ImportProblem(file, HeaderLine, null, field switch
            {
                SpendField.Date => "no payment date column: without one this is not a list of payments (a supplier-totals summary or a contracts register, perhaps); if a column holds the date under another name, save a profile that names it",
                SpendField.Amount => "no amount column: without one this is not a list of payments; if a column holds the amount under another name, save a profile that names it",
                _ => "no supplier column; if a column holds the supplier under another name, save a profile that names it",
            } + $". The header on line {HeaderLine} is: {Shorten(string.Join(", ", Headers.Where(h => h.Length > 0)))}"));
        }

        if (problems.Count > 0)
        {
            return false;
        }

        if (chosen > 0 && skips.Count < MostSkipsReported)
        {
            // Reported, not counted: the counts are of rows below the header.
            skips.Add(new ImportProblem(file, seen[0].Line, null, $"lines {seen[0].Line}–{header.Line - 1}: a preamble above the header, not payments"));
        }

        // Records read past the header while looking for it are data: blank ones included, so they are reported too.
        pending.AddRange(all.Where(r => r.Line > header.Line));
        return true;
    }

    private bool ProfileMatches(string[] cells)
    {
        var keys = cells.Select(SpendMapping.Key).ToHashSet();
        return profile!.Values.Where(v => !string.IsNullOrWhiteSpace(v)).All(v => keys.Contains(SpendMapping.Key(v)));
    }

    // Every line of a spend file passes through here: compiled for speed at its first call rather than run slowly
    // until the tiered JIT gets to it, which in a fresh process is well into a million-line import (docs/spend.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SpendRow? Row(int line, string[] cells, SpendMapping mapping, int needed)
    {
        if (IsBlank(cells))
        {
            blankRun = blankRun is { } run ? (run.Start, line, run.Count + 1) : (line, line, 1);
            SkippedCount++;
            return null;
        }

        EndBlankRun();
        var dateText = Cell(cells, mapping[SpendField.Date]);
        var amountText = Cell(cells, mapping[SpendField.Amount]);
        var supplierText = Cell(cells, mapping[SpendField.Supplier]);
        if (amountText.IsEmpty && supplierText.IsEmpty)
        {
            Skip(line, "no amount or supplier: not a payment");
            return null;
        }

        if (dateText.IsEmpty && cells.Any(c => c.Contains("total", StringComparison.OrdinalIgnoreCase)))
        {
            Skip(line, "a total, not a payment");
            return null;
        }

        if (cells.Length <= needed)
        {
            problems.Add(new ImportProblem(file, line, null, $"the line has {cells.Length} columns but the header has {Headers.Count}"));
            return null;
        }

        var date = SpendDate.Parse(dateText, out var dateProblem);
        if (date is null)
        {
            problems.Add(new ImportProblem(file, line, Headers[mapping[SpendField.Date]], dateProblem!));
        }

        var amount = SpendAmount.Parse(amountText, out var amountProblem);
        if (amount is null)
        {
            problems.Add(new ImportProblem(file, line, Headers[mapping[SpendField.Amount]], amountProblem!));
        }

        if (date is null || amount is null)
        {
            return null;
        }

        var supplier = Text(cells, mapping[SpendField.Supplier]);
        var redacted = supplier is not null && Redacted(supplier);
        return new SpendRow(
            line,
            date.Value,
            amount.Value,
            redacted ? null : supplier,
            redacted,
            Text(cells, mapping[SpendField.TransactionNumber]),
            Text(cells, mapping[SpendField.ServiceArea]),
            Text(cells, mapping[SpendField.ExpenseType]),
            Text(cells, mapping[SpendField.Description]),
            Text(cells, mapping[SpendField.SupplierCompanyNumber]),
            Text(cells, mapping[SpendField.SupplierVatNumber]),
            Text(cells, mapping[SpendField.SupplierPostcode]),
            Text(cells, mapping[SpendField.ProClassCode]),
            Text(cells, mapping[SpendField.ProClassLabel]));
    }

    /// <summary>
    /// Whether a supplier cell says the name was withheld rather than naming anyone. Spelled many ways: "REDACTED UNDER
    /// DP ACT", "Redacted personal data", "Redacted, personal data", "Redacted Personal Information", "Redacted".
    /// Transparency Code 2015 para 23 lets councils withhold individuals' names; they are not suppliers to match.
    /// </summary>
    public static bool IsRedacted(string supplier) =>
        supplier.Contains("redacted", StringComparison.OrdinalIgnoreCase)
        || supplier.Contains("personal data", StringComparison.OrdinalIgnoreCase)
        || supplier.Contains("personal information", StringComparison.OrdinalIgnoreCase)
        || supplier.Contains("withheld", StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="IsRedacted"/>, asked once for a run of lines that share their supplier's text.</summary>
    private bool Redacted(string supplier)
    {
        if (!ReferenceEquals(supplier, lastSupplier))
        {
            (lastSupplier, lastRedacted) = (supplier, IsRedacted(supplier));
        }

        return lastRedacted;
    }

    private static bool IsBlank(string[] cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<char> Cell(string[] cells, int index)
    {
        if (index < 0 || index >= cells.Length)
        {
            return [];
        }

        var cell = cells[index].AsSpan().Trim();
        return cell is "#N/A" or "N/A" or "-" ? [] : cell;
    }

    /// <summary>A cell's text, trimmed, or null when empty; the reader's own (often shared) string when there was nothing to trim.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? Text(string[] cells, int index)
    {
        var cell = Cell(cells, index);
        return cell.IsEmpty ? null : cell.Length == cells[index].Length ? cells[index] : cell.ToString();
    }

    private void Skip(int line, string reason)
    {
        SkippedCount++;
        if (skips.Count < MostSkipsReported)
        {
            skips.Add(new ImportProblem(file, line, null, reason));
        }
    }

    private void EndBlankRun()
    {
        if (blankRun is { } run)
        {
            blankRun = null;
            if (skips.Count < MostSkipsReported)
            {
                skips.Add(new ImportProblem(file, run.Start, null, run.Count == 1 ? "a blank row" : $"lines {run.Start}–{run.End}: {run.Count} blank rows"));
            }
        }
    }

    private IEnumerable<(int Line, string[] Cells)> Records()
    {
        Span<byte> start = stackalloc byte[4];
        var read = stream.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 4 && start.SequenceEqual("PK\u0003\u0004"u8))
        {
            foreach (var record in WorkbookRecords())
            {
                yield return record;
            }

            yield break;
        }

        var encoding = DetectEncoding();
        text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var records = csv = new CsvRecordReader(text);
        while (records.Read())
        {
            yield return (records.Line, records.Record);
        }
    }

    private IEnumerable<(int Line, string[] Cells)> WorkbookRecords()
    {
        Encoding = "Excel workbook";
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        workbook = ImportTable.Read(copy.ToArray(), file);
        if (workbook.Unreadable is { } unreadable)
        {
            problems.Add(unreadable);
            yield break;
        }

        yield return (workbook.HeaderLine, workbook.Headers.ToArray());
        foreach (var row in workbook.Rows)
        {
            yield return (row.Line, workbook.Headers.Select(h => row[h] ?? "").ToArray());
        }
    }

    /// <summary>
    /// UTF-8 when the whole file is valid UTF-8, else Windows-1252, which decodes any byte (<see cref="FileCheck"/>):
    /// from the check the import made while hashing the file, or from a pass of its own, after which the stream is
    /// positioned past any byte-order mark.
    /// </summary>
    private System.Text.Encoding DetectEncoding()
    {
        var check = given ?? FileCheck.Read(stream, hash: false);
        stream.Position = check.ByteOrderMark ? 3 : 0;
        if (check.Utf8)
        {
            Encoding = check.ByteOrderMark ? "UTF-8 with BOM" : "UTF-8";
            return new UTF8Encoding(false);
        }

        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Encoding = "Windows-1252";
        return System.Text.Encoding.GetEncoding(1252);
    }

    /// <summary>A byte-order mark decoded as Windows-1252 and saved again as UTF-8 ("ï»¿"), or left in the first header.</summary>
    private static string WithoutMark(string header) =>
        header.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal) ? header[3..].Trim() : header.TrimStart('\uFEFF');

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    public void Dispose()
    {
        text?.Dispose();
    }
}
