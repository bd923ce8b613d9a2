using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Table = Placeshaper.Exports.Table;

namespace Placeshaper.Tests.Exports;

public sealed class TableTests
{
    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_defused_in_CSV_but_numbers_stay_numbers()
    {
        var table = new Table("t", ["a", "b"], [["=1+1", -30m], ["+44 20 7946 0000", "@SUM(A1)"], ["-x", "plain"]]);

        var csv = Encoding.UTF8.GetString(table.ToCsv()[3..]);

        csv.ShouldBe("a,b\r\n'=1+1,-30\r\n'+44 20 7946 0000,'@SUM(A1)\r\n'-x,plain\r\n");
    }

    [Fact]
    public void A_cell_longer_than_Excel_allows_is_cut_in_the_workbook_saying_so_and_kept_whole_in_CSV()
    {
        var long40k = new string('x', 40_000);
        var table = new Table("Better Care Fund 2026/27: [draft]?", ["text"], [[long40k]]);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(table.ToXlsx()), false);
        var cell = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Last().Elements<Cell>().Single().InnerText;

        cell.Length.ShouldBe(32_767);
        cell.ShouldEndWith("the CSV download has it all)");
        workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value.ShouldBe("Better Care Fund 2026-27- -draf");
        Encoding.UTF8.GetString(table.ToCsv()).ShouldContain(long40k);
    }
}
