using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Placeshaper.Imports;

/// <summary>
/// Reads one worksheet of an Excel workbook (.xlsx) into the same header and rows as a CSV file, so that every import
/// checks and writes them the same way. Rows keep their worksheet row numbers; cells are read as Excel shows them:
/// shared and inline text, numbers in the invariant culture (never in exponent form), TRUE/FALSE, and cells formatted
/// as dates as ISO 8601 dates. Rows are streamed from the worksheet's XML, not loaded as one document.
/// </summary>
internal static partial class XlsxSheet
{
    /// <summary>
    /// More characters than this in one worksheet's XML is refused: an upload is at most 50 MiB compressed, and XML
    /// compresses so well that a hostile file could otherwise unpack into many gigabytes.
    /// </summary>
    private const long MaxCharactersInPart = 400_000_000;

    public static bool IsWorkbook(byte[] content) => content.AsSpan().StartsWith("PK\u0003\u0004"u8);

    /// <summary>The compound file of Excel 97-2003 (.xls), which is also how Excel stores a password-protected .xlsx.</summary>
    public static bool IsOldExcel(byte[] content) => content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    public static ImportTable Read(byte[] content, string file, string? sheet)
    {
        if (IsOldExcel(content))
        {
            return Unreadable(file, "this is an Excel 97-2003 workbook (.xls) or a password-protected one: save it as an Excel workbook (.xlsx) without a password, or as CSV, and import that");
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart;
            var worksheets = workbook?.Workbook?.Sheets?.Elements<Sheet>()
                .Where(s => s.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart)
                .ToList() ?? [];
            if (workbook is null || worksheets.Count == 0)
            {
                return Unreadable(file, "the workbook has no worksheets");
            }

            var chosen = string.IsNullOrWhiteSpace(sheet)
                ? worksheets.FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible) ?? worksheets[0]
                : worksheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return Unreadable(file, $"the workbook has no worksheet '{sheet!.Trim()}'; its worksheets are {string.Join(", ", worksheets.Select(s => s.Name?.Value))}");
            }

            return ReadRows(file, chosen.Name?.Value ?? "", workbook, (WorksheetPart)workbook.GetPartById(chosen.Id!.Value!));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or ArgumentException or InvalidOperationException or FormatException)
        {
            return Unreadable(file, "cannot be read as an Excel workbook (.xlsx), or one of its worksheets is too large: open it in Excel and save it again as .xlsx, or save it as CSV");
        }
    }

    /// <summary>A zero-based column index as Excel's letters: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static ImportTable ReadRows(string file, string sheetName, WorkbookPart workbook, WorksheetPart worksheet)
    {
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
        var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
        var headers = new List<string>();
        var headerLine = 1;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ImportRow>();
        var previousRow = 0;

        using var reader = OpenXmlReader.Create(worksheet);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                reader.Read();
                continue;
            }

            // Loading the row moves the reader past it, onto whatever follows (often the next row).
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)index : previousRow + 1;
            previousRow = number;
            var record = Cells(row, strings, dateStyles);
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (headers.Count == 0)
            {
                headers.AddRange(record.Select(h => h.Trim()));
                headerLine = number;
                columns = ImportTable.Columns(headers);
                continue;
            }

            rows.Add(new ImportRow(number, columns, record));
        }

        return new ImportTable(file, sheetName, headerLine, headers, rows);
    }

    private static string[] Cells(Row row, List<string> strings, HashSet<uint> dateStyles)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            // Empty cells are usually left out of the XML, so a cell's place comes from its reference (C7), not its order.
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count <= column)
            {
                cells.Add("");
            }

            cells[column] = ValueOf(cell, strings, dateStyles);
        }

        return [.. cells];
    }

    private static string ValueOf(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? TextOf(inline) : "";
        }

        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            return "";
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        // Text from a formula, an error such as #N/A, or an ISO date: as written.
        if (type is not null && type != CellValues.Number)
        {
            return raw;
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 0 and < 2958466)
        {
            var date = DateTime.FromOADate(serial);
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }

        // Excel stores numbers as shortest round-trip doubles, sometimes in exponent form (1.5E-3); the imports read plain decimals.
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : raw;
    }

    private static string TextOf(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return Math.Clamp(index - 1, 0, 16_383);
    }

    /// <summary>The cell styles whose number format shows a date: Excel's built-in date formats, or a custom one with day, month or year in it.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var custom = new Dictionary<uint, string>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code)
            {
                custom[id] = code;
            }
        }

        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is (>= 14 and <= 22) or (>= 45 and <= 47) || (custom.TryGetValue(id, out var code) && DateSymbols().IsMatch(Literals().Replace(code, ""))))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    private static ImportTable Unreadable(string file, string reason) => new(file, null, 0, [], [], new ImportProblem(file, 0, null, reason));

    /// <summary>Quoted text, escaped characters and bracketed sections (colours, locales) in a number format.</summary>
    [GeneratedRegex("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]")]
    private static partial Regex Literals();

    [GeneratedRegex("[dmyDMY]")]
    private static partial Regex DateSymbols();
}
