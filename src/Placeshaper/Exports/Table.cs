using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;

namespace Placeshaper.Exports;

/// <summary>
/// A table as people see it on a page, to download as CSV or as an Excel workbook. Numbers stay numbers (invariant
/// culture in CSV; numeric cells in XLSX) so that spreadsheets can add them up; dates are ISO 8601.
/// </summary>
public sealed record Table(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public FileContentResult ToFile(string format) => format.Equals("xlsx", StringComparison.OrdinalIgnoreCase)
        ? new FileContentResult(ToXlsx(), XlsxType) { FileDownloadName = FileName + ".xlsx" }
        : new FileContentResult(ToCsv(), CsvType) { FileDownloadName = FileName + ".csv" };

    private string FileName => string.Concat(Name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');

    /// <summary>RFC 4180 CSV in UTF-8 with a byte-order mark, which Excel needs to read "£" correctly.</summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(Quote)).Append("\r\n");
        foreach (var row in Rows)
        {
            text.AppendJoin(',', row.Select(cell => Quote(Text(cell)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx() => ToWorkbook([this]);

    /// <summary>Several tables as the sheets of one workbook, in order (the business case, a committee report).</summary>
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
                foreach (var row in table.Rows)
                {
                    data.Append(Row(row));
                }

                sheetPart.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = id++, Name = table.Name.Length > 31 ? table.Name[..31] : table.Name });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
        {
            row.Append(cell switch
            {
                decimal or int or long or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Text(cell)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Text(cell)) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }

        return row;
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith(' ') || value.EndsWith(' ')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
