using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Placeshaper.Imports;

/// <summary>One data row of an imported file, with the line (CSV) or row (worksheet) it is on, read by header name.</summary>
public sealed class ImportRow(int line, IReadOnlyDictionary<string, int> columns, string[] values)
{
    public int Line { get; } = line;

    /// <summary>The trimmed value in the named column, or null when the column is missing or the cell is empty.</summary>
    public string? this[string column] =>
        columns.TryGetValue(column, out var i) && i < values.Length && values[i].Trim() is { Length: > 0 } value ? value : null;
}

/// <summary>
/// An imported file read whole into a header and rows, whether it came as CSV or as an Excel workbook's worksheet, so
/// that every import checks and writes the same rows the same way. CSV: encoding detected (UTF-8 with or without a
/// byte-order mark, else Windows-1252, as councils' finance systems export). Both: header names matched without regard
/// to case or surrounding spaces, blank lines skipped.
/// </summary>
public sealed class ImportTable
{
    private readonly Dictionary<string, int> columns;

    internal ImportTable(string file, string? sheet, int headerLine, IReadOnlyList<string> headers, IReadOnlyList<ImportRow> rows, ImportProblem? unreadable = null)
    {
        File = file;
        Sheet = sheet;
        HeaderLine = headerLine;
        Headers = headers;
        Rows = rows;
        Unreadable = unreadable;
        columns = Columns(headers);
    }

    public string File { get; }

    /// <summary>The worksheet the rows came from; null for CSV.</summary>
    public string? Sheet { get; }

    /// <summary>The line (or worksheet row) of the header, where problems with the header are reported.</summary>
    public int HeaderLine { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<ImportRow> Rows { get; }

    /// <summary>Why the file could not be read at all (not a workbook, no such worksheet), or null.</summary>
    public ImportProblem? Unreadable { get; }

    /// <summary>What a row's number counts, for messages: lines of a CSV file, rows of a worksheet.</summary>
    public string LineName => Sheet is null ? "line" : "row";

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>
    /// Reads a CSV file or an Excel workbook (.xlsx), told apart by their bytes rather than trusting the name. From a
    /// workbook it reads the worksheet named <paramref name="sheet"/>, or the first one; CSV has no sheets and ignores it.
    /// </summary>
    public static ImportTable Read(byte[] content, string file, string? sheet = null) =>
        XlsxSheet.IsWorkbook(content) || XlsxSheet.IsOldExcel(content)
            ? XlsxSheet.Read(content, file, sheet)
            : ReadCsv(content, file);

    /// <summary>A name for an upload that came without one, from what it is.</summary>
    public static string DefaultName(byte[] content) => XlsxSheet.IsWorkbook(content) ? "upload.xlsx" : "upload.csv";

    /// <summary>Adds the worksheet and the cell (like <c>C7</c>) to a problem found in a worksheet's rows.</summary>
    public ImportProblem Locate(ImportProblem problem) =>
        Sheet is null || problem.Sheet is not null
            ? problem
            : problem with
            {
                Sheet = Sheet,
                Cell = problem.Column is not null && problem.Line > 0 && columns.TryGetValue(problem.Column, out var i) ? XlsxSheet.ColumnName(i) + problem.Line.ToString(CultureInfo.InvariantCulture) : null,
            };

    public static ImportTable ReadCsv(byte[] content, string file)
    {
        var text = Decode(content);
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
        });
        var headers = new List<string>();
        var headerLine = 1;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ImportRow>();
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (headers.Count == 0)
            {
                headers.AddRange(record.Select((h, i) => i == 0 ? WithoutMisreadMark(h.Trim()) : h.Trim()));
                headerLine = csv.RawRow;
                columns = Columns(headers);
                continue;
            }

            // The parser's row counts physical lines read so far, so for multi-line quoted cells this is the last line.
            rows.Add(new ImportRow(csv.RawRow, columns, record));
        }

        return new ImportTable(file, null, headerLine, headers, rows);
    }

    public static string Decode(byte[] content)
    {
        if (content.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }

    /// <summary>
    /// A byte-order mark that was decoded as Windows-1252 and written out again as UTF-8 (ï»¿), as in Salford's
    /// contracts register, is not part of the first column's name.
    /// </summary>
    private static string WithoutMisreadMark(string header) =>
        header.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal) ? header[3..].Trim() : header.TrimStart('\uFEFF');

    /// <summary>Header name to column index; if a name appears twice, the first column wins.</summary>
    internal static Dictionary<string, int> Columns(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length > 0)
            {
                columns.TryAdd(headers[i], i);
            }
        }

        return columns;
    }
}
