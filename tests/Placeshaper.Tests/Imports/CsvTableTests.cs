using System.Text;
using Placeshaper.Areas;
using Placeshaper.Imports;

namespace Placeshaper.Tests.Imports;

public sealed class CsvTableTests
{
    [Fact]
    public void Headers_are_matched_whatever_their_case_and_padding_and_lines_are_counted_from_the_file()
    {
        var table = CsvTable.Read(Encoding.UTF8.GetBytes(" Code ,NAME\n\nE05000001,\"Castle, Upper\"\n"), "areas.csv");

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

        CsvTable.Read(bom, "bom.csv").Headers.ShouldBe(["a"]);
        CsvTable.Read(bom, "bom.csv").Rows[0]["a"].ShouldBe("£5");
        CsvTable.Read(windows, "cp1252.csv").Rows[0]["a"].ShouldBe("£5");
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
