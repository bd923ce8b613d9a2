using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Imports;

namespace Placeshaper.Tests.Imports;

/// <summary>The spend import's CSV reader: how it splits, where it says a record ends, and that it reads back any quoted text.</summary>
public sealed class CsvRecordReaderTests
{
    private static List<(int Line, string[] Cells)> Read(string text, int buffer = 0)
    {
        var reader = new CsvRecordReader(buffer == 0 ? new StringReader(text) : new TrickleReader(text, buffer));
        var records = new List<(int, string[])>();
        while (reader.Read())
        {
            records.Add((reader.Line, reader.Record));
        }

        return records;
    }

    // Each case was read by CsvHelper 33 with the settings the spend import used before, and these are its answers.
    [Theory]
    [InlineData("a,b\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n4,5", "1:a|b 2:1|2 5:3|x\r\ny 6:4|5")]
    [InlineData("a,b\n\n\n1,2\n,\n3,4\n", "1:a|b 4:1|2 5:| 6:3|4")]
    [InlineData("a,\"b\"\"c\",d\n\"x\"yz,\"q\" r,s\"t\n1,\"unterminated\n2,3\n", "1:a|b\"c|d 2:xyz|q r|s\"t 5:1|unterminated\n2,3\n")]
    [InlineData("a,b\r1,2\r3,4", "1:a|b 2:1|2 3:3|4")]
    [InlineData(" a , \"b\" ,c\n", "1: a | \"b\" |c")]
    [InlineData("a,b,\n1,2,\n", "1:a|b| 2:1|2|")]
    [InlineData("\"a\nb\",c\n\"\"\n,\n", "2:a\nb|c 3: 4:|")]
    [InlineData("", "")]
    [InlineData("\n\r\n\r", "")]
    public void Records_split_and_end_where_CsvHelper_said(string text, string expected)
    {
        var shown = string.Join(" ", Read(text).Select(r => $"{r.Line}:{string.Join("|", r.Cells)}"));

        shown.ShouldBe(expected);
        string.Join(" ", Read(text, buffer: 1).Select(r => $"{r.Line}:{string.Join("|", r.Cells)}")).ShouldBe(expected, "read a character at a time");
    }

    [Fact]
    public void Any_fields_written_quoted_read_back_the_same_whatever_the_block_size() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.ArrayOf(Gen.Elements('a', 'b', ',', '"', '\n', '\r', ' ', '£', 'é')).Select(c => new string(c))).Select(f => f.Length == 0 ? [""] : f).ArrayOf().ToArbitrary(),
            Gen.Choose(1, 70).ToArbitrary(),
            (records, block) =>
            {
                var text = string.Concat(records.Select(r => string.Join(",", r.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\r\n"));
                var read = Read(text, block);

                read.Select(r => r.Cells).ShouldBe(records);
                read.Select(r => r.Line).ShouldBe(records.Select((r, i) => records.Take(i + 1).Sum(x => x.Sum(Breaks)) + i + 1), "each record ends on the line its last break leaves it on");
            }).QuickCheckThrowOnFailure();

    // A block may end inside an unquoted field, or on a \r whose \n follows in the next block: any block size must read
    // the same fields and lines, whichever line ending the file uses.
    [Fact]
    public void Any_unquoted_fields_read_back_the_same_whatever_the_block_size_and_line_ending() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.ArrayOf(Gen.Elements('a', 'b', ' ', '£', 'é')).Select(c => new string(c))).Select(f => f.Length == 0 ? ["x"] : f)
                .Where(f => f.Length > 1 || f[0].Length > 0).ArrayOf().ToArbitrary(),
            Gen.Elements("\r\n", "\r", "\n").ToArbitrary(),
            Gen.Choose(1, 70).ToArbitrary(),
            (records, ending, block) =>
            {
                var text = string.Concat(records.Select(r => string.Join(",", r) + ending));
                var read = Read(text, block);

                read.Select(r => r.Cells).ShouldBe(records);
                read.Select(r => r.Line).ShouldBe(records.Select((_, i) => i + 1));
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_value_a_column_repeats_is_one_string_and_a_column_of_unique_values_stops_being_shared()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"T{i},ACME LTD\n"));

        var records = Read(text);

        ReferenceEquals(records[0].Cells[1], records[4999].Cells[1]).ShouldBeTrue();
        records.Select(r => r.Cells[0]).Distinct().Count().ShouldBe(5000);
    }

    /// <summary>Line breaks in a quoted field, \r\n counted once, as the reader counts them.</summary>
    private static int Breaks(string field) => field.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r');

    /// <summary>Gives at most a few characters per read, so that fields, quotes and \r\n fall across the reader's blocks.</summary>
    private sealed class TrickleReader(string text, int most) : TextReader
    {
        private int at;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, most), text.Length - at);
            text.CopyTo(at, buffer, index, n);
            at += n;
            return n;
        }
    }
}
