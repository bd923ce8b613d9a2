using System.Text;
using Placeshaper.Areas;
using Placeshaper.Imports;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Imports;

public sealed class ImportTableTests
{
    [Fact]
    public void Headers_are_matched_whatever_their_case_and_padding_and_lines_are_counted_from_the_file()
    {
        var table = ImportTable.Read(Encoding.UTF8.GetBytes(" Code ,NAME\n\nE05000001,\"Castle, Upper\"\n"), "areas.csv");

        table.Rows.Single()["code"].ShouldBe("E05000001");
        table.Rows.Single()["name"].ShouldBe("Castle, Upper");
        table.Rows.Single().Line.ShouldBe(3);
        table.Rows.Single()["missing"].ShouldBeNull();
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_and_Windows_1252_is_recognised()
    {
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a\n£5\n")).ToArray();
        var windows = new byte[] { (byte)'a', (byte)'\n', 0xA3, (byte)'5', (byte)'\n' };

        ImportTable.Read(bom, "bom.csv").Headers.ShouldBe(["a"]);
        ImportTable.Read(bom, "bom.csv").Rows[0]["a"].ShouldBe("£5");
        ImportTable.Read(windows, "cp1252.csv").Rows[0]["a"].ShouldBe("£5");
    }

    [Theory]
    [InlineData("ab10aa", "AB1 0AA")]
    [InlineData("AB1  0AA", "AB1 0AA")]
    [InlineData(" sw1a 1aa ", "SW1A 1AA")]
    [InlineData("not a postcode", null)]
    [InlineData("12345", null)]
    public void Postcodes_are_written_one_way(string text, string? expected) =>
        ReferencePostcode.Normalise(text).ShouldBe(expected);

    [Theory]
    [InlineData("E06000023", true)]
    [InlineData("E05001234", true)]
    [InlineData("S12000033", true)]
    [InlineData("e06000023", false)]
    [InlineData("E0600002", false)]
    [InlineData("X06000023", false)]
    public void ONS_codes_are_a_country_letter_and_eight_digits(string code, bool valid) =>
        Area.IsGssCode(code).ShouldBe(valid);
}

/// <summary>The worksheet reader gives the same rows as the CSV reader, so that imports treat both alike.</summary>
public sealed class XlsxImportTableTests
{
    [Fact]
    public void A_worksheet_reads_like_a_CSV_file_with_its_row_numbers_and_cells_as_Excel_shows_them()
    {
        var workbook = Workbooks.Create(new Workbooks.Sheet("Figures", new Dictionary<int, object?[]>
        {
            [2] = [" Area_Code ", "PERIOD", "value", "current", "on"],
            [3] = ["E06009001", 2024, new Workbooks.RawNumber("1.5E-3"), true, new DateOnly(2024, 4, 1)],
            [5] = ["E05999001", "2023/24", 12.25m, false, null],
            [6] = [null, null, null, null, null],
            [7] = ["E05999002", null, 3, null, null],
        }));

        var table = ImportTable.Read(workbook, "figures.xlsx");

        table.Sheet.ShouldBe("Figures");
        table.HeaderLine.ShouldBe(2);
        table.Rows.Select(r => r.Line).ShouldBe([3, 5, 7]);
        var first = table.Rows[0];
        (first["area_code"], first["period"], first["value"], first["current"], first["on"]).ShouldBe(("E06009001", "2024", "0.0015", "TRUE", "2024-04-01"));
        (table.Rows[1]["period"], table.Rows[1]["value"], table.Rows[1]["current"], table.Rows[1]["on"]).ShouldBe(("2023/24", "12.25", "FALSE", null));
        table.Rows[2]["period"].ShouldBeNull("a cell left out is missing, as an empty CSV cell is");
        table.Rows[2]["value"].ShouldBe("3");
    }

    [Fact]
    public void The_first_visible_worksheet_is_read_unless_another_is_named()
    {
        var workbook = Workbooks.Create(
            Workbooks.Rows("Lookups", ["x"], ["hidden"]) with { Hidden = true },
            Workbooks.Rows("Wards", ["code"], ["E05999001"]),
            Workbooks.Rows("Districts", ["code"], ["E07000001"]));

        ImportTable.Read(workbook, "areas.xlsx").Rows.Single()["code"].ShouldBe("E05999001");
        ImportTable.Read(workbook, "areas.xlsx", " districts ").Rows.Single()["code"].ShouldBe("E07000001");
        var missing = ImportTable.Read(workbook, "areas.xlsx", "Parishes");
        missing.Rows.ShouldBeEmpty();
        missing.Unreadable.ShouldNotBeNull().ToString().ShouldBe("areas.xlsx: the workbook has no worksheet 'Parishes'; its worksheets are Lookups, Wards, Districts");
    }

    [Fact]
    public void A_problem_in_a_worksheet_names_the_sheet_row_and_column_letter()
    {
        var table = ImportTable.Read(Workbooks.Create(Workbooks.Rows("Wards", ["code", "name", "level"], ["E05999001", "Riverside", "hamlet"])), "wards.xlsx");

        var located = table.Locate(new ImportProblem("wards.xlsx", 2, "level", "'hamlet' is not a level"));
        var header = table.Locate(new ImportProblem("wards.xlsx", 1, "parent_code", "the header has no 'parent_code' column"));

        located.ToString().ShouldBe("wards.xlsx: sheet Wards, row 2, column C (level): 'hamlet' is not a level");
        located.Cell.ShouldBe("C2");
        header.ToString().ShouldBe("wards.xlsx: sheet Wards, row 1, column parent_code: the header has no 'parent_code' column");
        new ImportProblem("wards.csv", 2, "level", "bad").ToString().ShouldBe("wards.csv:2: level: bad", "CSV problems keep the compiler-like form");
    }

    [Fact]
    public void Old_Excel_files_and_damaged_workbooks_are_refused_with_what_to_do()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        byte[] damaged = [.. "PK\u0003\u0004"u8, .. new byte[64]];

        ImportTable.Read(xls, "old.xls").Unreadable!.Reason.ShouldContain("save it as an Excel workbook (.xlsx)");
        ImportTable.Read(damaged, "broken.xlsx").Unreadable!.Reason.ShouldContain("cannot be read as an Excel workbook");
        ImportTable.Read("code\nE1\n"u8.ToArray(), "plain.csv").Unreadable.ShouldBeNull();
    }
}
