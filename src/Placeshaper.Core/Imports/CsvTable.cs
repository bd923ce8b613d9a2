using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Placeshaper.Imports;

/// <summary>One data row of a CSV file, with the physical line it started on, read by header name.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, int> columns, string[] values)
{
    public int Line { get; } = line;

    /// <summary>The trimmed value in the named column, or null when the column is missing or the cell is empty.</summary>
    public string? this[string column] =>
        columns.TryGetValue(column, out var i) && i < values.Length && values[i].Trim() is { Length: > 0 } value ? value : null;
}

/// <summary>
/// A CSV file read whole: encoding detected (UTF-8 with or without a byte-order mark, else Windows-1252, as councils'
/// finance systems export), header names matched without regard to case or surrounding spaces, blank lines skipped.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string file, IReadOnlyList<string> headers, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        Headers = headers;
        Rows = rows;
    }

    public string File { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => Headers.Contains(column, StringComparer.OrdinalIgnoreCase);

    public static CsvTable Read(byte[] content, string file)
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
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var record = csv.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (headers.Count == 0)
            {
                headers.AddRange(record.Select(h => h.Trim()));
                for (var i = 0; i < headers.Count; i++)
                {
                    columns.TryAdd(headers[i], i);
                }

                continue;
            }

            // The parser's row counts physical lines read so far, so for multi-line quoted cells this is the last line.
            rows.Add(new CsvRow(csv.RawRow, columns, record));
        }

        return new CsvTable(file, headers, rows);
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
}
