using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Placeshaper.Tests.Infrastructure;

/// <summary>
/// Builds small Excel workbooks for import tests, the way Excel writes them: text in the shared string table, numbers
/// as numeric cells, empty cells left out, and dates as serial numbers with a date format.
/// </summary>
public static class Workbooks
{
    /// <summary>A worksheet: its name, whether it is hidden, and its rows by row number; a null cell is left out.</summary>
    public sealed record Sheet(string Name, IReadOnlyDictionary<int, object?[]> Rows, bool Hidden = false);

    public static Sheet Rows(string name, params object?[][] rows) =>
        new(name, rows.Select((cells, i) => (Row: i + 1, cells)).ToDictionary(r => r.Row, r => r.cells));

    public static byte[] Create(params Sheet[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = new List<string>();

            // Style 1 shows a number as a date (built-in format 14, d/m/yyyy).
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill()) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var list = workbook.Workbook.AppendChild(new Sheets());
            var id = 1u;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var (number, cells) in sheet.Rows.OrderBy(r => r.Key))
                {
                    var row = new Row { RowIndex = (uint)number };
                    for (var column = 0; column < cells.Length; column++)
                    {
                        if (cells[column] is { } value)
                        {
                            row.Append(Cell(Column(column) + number.ToString(CultureInfo.InvariantCulture), value, strings));
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
                {
                    Id = workbook.GetIdOfPart(part),
                    SheetId = id++,
                    Name = sheet.Name,
                    State = sheet.Hidden ? SheetStateValues.Hidden : null,
                });
            }

            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A raw numeric cell value as Excel might store it, such as <c>1.5E-3</c>.</summary>
    public sealed record RawNumber(string Text);

    private static Cell Cell(string reference, object value, List<string> strings) => value switch
    {
        string text => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Index(strings, text).ToString(CultureInfo.InvariantCulture)) },
        bool flag => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") },
        DateOnly date => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) },
        RawNumber raw => new Cell { CellReference = reference, CellValue = new CellValue(raw.Text) },
        IFormattable number => new Cell { CellReference = reference, CellValue = new CellValue(number.ToString(null, CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException("Unsupported cell " + value),
    };

    private static int Index(List<string> strings, string text)
    {
        var i = strings.IndexOf(text);
        if (i < 0)
        {
            strings.Add(text);
            i = strings.Count - 1;
        }

        return i;
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
