using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Placeshaper.Exports;

/// <summary>
/// A table as people see it on a page, to download as CSV or as an Excel workbook. Numbers stay numbers (invariant
/// culture in CSV; numeric cells in XLSX) so that spreadsheets can add them up; dates are ISO 8601.
/// </summary>
public sealed record Table(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limits: rows in a worksheet (the header included) and characters in a cell.</summary>
    internal const int MaxXlsxRows = 1_048_576;

    internal const int MaxXlsxCellCharacters = 32_767;

    public FileContentResult ToFile(string format) => IsXlsx(format)
        ? new FileContentResult(ToXlsx(), XlsxType) { FileDownloadName = FileName(Name) + ".xlsx" }
        : new FileContentResult(ToCsv(), CsvType) { FileDownloadName = FileName(Name) + ".csv" };

    /// <summary>
    /// A table too large to hold in memory, such as an organisation's whole audit trail: CSV is written to the response
    /// as the rows are read; XLSX, a zip that cannot be streamed, is built in a temporary file first, a row at a time.
    /// </summary>
    public static IActionResult Stream(string name, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, string format) =>
        new StreamedTable(name, headers, rows, IsXlsx(format));

    /// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark, which Excel needs to read "£" correctly.</summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.Append(CsvLine(Headers.Cast<object?>()));
        foreach (var row in Rows)
        {
            text.Append(CsvLine(row));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        WriteXlsx(stream, Name, Headers, Rows);
        return stream.ToArray();
    }

    /// <summary>
    /// Several tables as the sheets of one workbook, in order (the business case, a committee report). These documents
    /// are small, so the workbook is built in memory; sheet names and cells follow the same rules as single tables.
    /// </summary>
    public static byte[] ToWorkbook(IReadOnlyList<Table> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var table in tables)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(table.Headers.Cast<object?>()));
                foreach (var row in table.Rows.Take(MaxXlsxRows - 1))
                {
                    data.Append(Row(row));
                }

                sheetPart.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = id++, Name = SheetName(table.Name) });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    internal static bool IsXlsx(string? format) => string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);

    internal static string FileName(string name) => string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');

    internal static string CsvLine(IEnumerable<object?> cells) => string.Join(',', cells.Select(CsvCell)) + "\r\n";

    /// <summary>Writes a workbook of one worksheet, a row at a time, so memory does not grow with the number of rows.</summary>
    internal static void WriteXlsx(Stream stream, string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var workbook = new XlsxWriter(stream, name, headers);
        foreach (var row in rows)
        {
            if (!workbook.Add(row))
            {
                break;
            }
        }

        workbook.Complete();
    }

    /// <summary>Excel refuses sheet names over 31 characters or with : \ / ? * [ ] in them (a year such as 2026/27 has one).</summary>
    private static string SheetName(string name)
    {
        var safe = string.Concat(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c)).Trim('\'');
        return safe.Length == 0 ? "Table" : safe.Length > 31 ? safe[..31] : safe;
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.Append(cell switch
            {
                decimal or int or long or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Text(cell)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XlsxText(Text(cell))) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }

        return row;
    }

    /// <summary>Excel will not open a workbook with a longer cell, so the rare longer text is cut, saying so.</summary>
    private static string XlsxText(string text)
    {
        const string cut = " … (cut: Excel holds 32,767 characters in a cell; the CSV download has it all)";
        return text.Length <= MaxXlsxCellCharacters ? text : text[..(MaxXlsxCellCharacters - cut.Length)] + cut;
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>
    /// A CSV field. Text that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) gets a
    /// leading apostrophe, because some of what is downloaded was typed by members of the public (OWASP, CSV injection).
    /// Numbers are written as they are, so negative amounts stay numbers.
    /// </summary>
    private static string CsvCell(object? cell)
    {
        var value = Text(cell);
        if (cell is string && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith(' ') || value.EndsWith(' ')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>
    /// A workbook of one worksheet written row by row with the Open XML SDK's forward-only writer (its writes are
    /// synchronous, so give it a memory or file stream). Past Excel's row limit it adds a row saying so and stops.
    /// </summary>
    private sealed class XlsxWriter : IDisposable
    {
        private readonly SpreadsheetDocument document;
        private readonly WorksheetPart sheetPart;
        private readonly OpenXmlWriter writer;
        private readonly string name;
        private int written;
        private bool full;

        public XlsxWriter(Stream stream, string name, IReadOnlyList<string> headers)
        {
            this.name = name;
            document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
            sheetPart = document.AddWorkbookPart().AddNewPart<WorksheetPart>();
            writer = OpenXmlWriter.Create(sheetPart);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            writer.WriteElement(Row(headers.Cast<object?>()));
            written = 1;
        }

        /// <summary>Adds a row, or returns false when the worksheet is full.</summary>
        public bool Add(IReadOnlyList<object?> row)
        {
            if (full)
            {
                return false;
            }

            if (written == MaxXlsxRows - 1)
            {
                writer.WriteElement(Row([$"Excel holds at most {MaxXlsxRows:N0} rows, so the table stops here: download it as CSV for every row."]));
                full = true;
                return false;
            }

            writer.WriteElement(Row(row));
            written++;
            return true;
        }

        public void Complete()
        {
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.Close();
            var workbook = document.WorkbookPart!;
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(name) }));
            workbook.Workbook.Save();
        }

        public void Dispose()
        {
            writer.Dispose();
            document.Dispose();
        }
    }

    private sealed class StreamedTable(string name, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<object?>> rows, bool xlsx) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            var cancellationToken = context.HttpContext.RequestAborted;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(FileName(name) + (xlsx ? ".xlsx" : ".csv"));
            response.Headers.ContentDisposition = disposition.ToString();
            if (xlsx)
            {
                await WriteXlsxAsync(response, cancellationToken);
                return;
            }

            response.ContentType = CsvType;
            await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024);
            await writer.WriteAsync(CsvLine(headers.Cast<object?>()));
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(CsvLine(row));
            }

            await writer.FlushAsync(cancellationToken);
        }

        private async Task WriteXlsxAsync(HttpResponse response, CancellationToken cancellationToken)
        {
            var path = Path.Combine(Path.GetTempPath(), $"placeshaper-{Guid.NewGuid():N}.xlsx");
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            using (var workbook = new XlsxWriter(file, name, headers))
            {
                await foreach (var row in rows.WithCancellation(cancellationToken))
                {
                    if (!workbook.Add(row))
                    {
                        break;
                    }
                }

                workbook.Complete();
            }

            file.Position = 0;
            response.ContentType = XlsxType;
            response.ContentLength = file.Length;
            await file.CopyToAsync(response.Body, cancellationToken);
        }
    }
}
