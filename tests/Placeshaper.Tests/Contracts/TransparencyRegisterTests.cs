using System.Text;
using Placeshaper.Contracts;
using Placeshaper.Imports;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Contracts;

/// <summary>Reading Salford City Council's real contracts register (July 2022), row by row, messes and all.</summary>
public sealed class TransparencyRegisterTests
{
    public static string Salford()
    {
        var file = Path.GetFullPath(Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "data", "spend-odileeds-collated", "salford_2022-07.csv"));
        TestEnvironment.SkipUnless(File.Exists(file), "the shared data folder is not beside the repository");
        return file;
    }

    private static readonly Lazy<Dictionary<int, TransparencyRegister.Parsed>> Rows = new(() =>
    {
        var table = ImportTable.Read(File.ReadAllBytes(Salford()), "salford_2022-07.csv");
        return table.Rows.ToDictionary(r => r.Line, r => TransparencyRegister.Parse(r, table.File));
    });

    private static TransparencyRegister.Parsed Line(int line) => Rows.Value[line];

    private static IEnumerable<(string? Column, string Reason)> Warnings(int line) => Line(line).Warnings.Select(w => (w.Column, w.Reason));

    [Fact]
    public void The_header_s_double_encoded_byte_order_mark_is_not_part_of_the_first_column_s_name()
    {
        var table = ImportTable.Read(File.ReadAllBytes(Salford()), "salford_2022-07.csv");

        table.Headers.ShouldBe(TransparencyRegister.Columns);
        table.Rows.Count.ShouldBe(360);
        table.Rows[0][TransparencyRegister.Directorate].ShouldBe("Place");
    }

    [Fact]
    public void Every_row_of_the_real_register_reads_without_a_problem_and_each_has_its_own_key()
    {
        Rows.Value.Values.SelectMany(p => p.Problems).ShouldBeEmpty();
        Rows.Value.Values.Select(p => p.Key).Distinct().Count().ShouldBe(360);
    }

    [Fact]
    public void Dates_written_TBC_are_left_empty_with_a_warning_for_each_and_a_row_without_a_reference_keeps_none()
    {
        var bramall = Line(27);

        bramall.SourceReference.ShouldBe("");
        (bramall.Details.StartDate, bramall.Details.EndDate).ShouldBe((null, null));
        bramall.Details.TotalValue.ShouldBe(10_438_680m);
        Warnings(27).ShouldBe(
        [
            (TransparencyRegister.StartDate, "'TBC' is not a date: left empty"),
            (TransparencyRegister.EndDate, "'TBC' is not a date: left empty"),
            (TransparencyRegister.CurrentExpiry, "'TBC' is not a date: left empty"),
        ]);
    }

    [Fact]
    public void A_start_date_written_X_is_left_empty_with_a_warning()
    {
        Line(80).Details.StartDate.ShouldBeNull();
        Line(80).Details.EndDate.ShouldBe(new DateOnly(2022, 7, 31));
        Warnings(80).ShouldBe([(TransparencyRegister.StartDate, "'X' is not a date: left empty")]);
    }

    [Fact]
    public void A_three_digit_year_is_not_guessed_at_and_the_end_comes_from_the_current_expiry_saying_so()
    {
        Line(219).Details.EndDate.ShouldBe(new DateOnly(2022, 4, 22));
        Warnings(219).Select(w => w.Column).ShouldBe([TransparencyRegister.EndDate, TransparencyRegister.EndDate]);
        Warnings(219).First().Reason.ShouldBe("'22/04/222' is not a date: left empty");
    }

    [Fact]
    public void A_value_written_as_a_dash_or_left_blank_is_empty_with_a_warning_and_a_real_amount_is_exact()
    {
        (Line(44).Details.AnnualValue, Line(44).Details.TotalValue).ShouldBe((null, null));
        Warnings(44).ShouldBe(
        [
            (TransparencyRegister.AnnualValue, "No value given ('-'): left empty"),
            (TransparencyRegister.TotalValue, "No value given ('-'): left empty"),
        ]);
        Line(34).Details.AnnualValue.ShouldBeNull();
        Line(34).Details.TotalValue.ShouldNotBeNull();
        Line(113).Details.AnnualValue.ShouldBe(138_000m);
        Line(114).Details.AnnualValue.ShouldBe(1_041_914.67m);
    }

    [Fact]
    public void Where_the_register_moved_the_end_date_on_with_an_extension_the_initial_term_is_the_expiry_less_the_extensions_taken()
    {
        // S1310: 2020-08-01 to 2022-07-31 with its one 12-month extension taken, and an expiry of 2022-07-31.
        var s1310 = Line(10);
        (s1310.Details.EndDate, s1310.Details.Extensions!.Single()!.Taken).ShouldBe((new DateOnly(2021, 7, 31), true));
        Warnings(10).ShouldBe([(TransparencyRegister.EndDate,
            "2022-07-31 is not the Current Expiry Date less the extensions taken: the initial term is taken to end on 2021-07-31, so that the contract expires on 2022-07-31")]);
        // Active Lifestyles: the end is the initial term's, the expiry a year later; nothing to warn about.
        (Line(5).Details.EndDate, Warnings(5).Count()).ShouldBe((new DateOnly(2022, 3, 31), 0));
    }

    [Fact]
    public void An_end_before_the_start_is_left_empty_with_a_warning()
    {
        (Line(327).Details.StartDate, Line(327).Details.EndDate).ShouldBe((new DateOnly(2022, 3, 30), null));
        Warnings(327).ShouldContain((TransparencyRegister.EndDate, "The end date 2022-03-29 is before the start date 2022-03-30: left empty"));
    }

    [Fact]
    public void Extension_columns_are_split_evenly_and_what_does_not_add_up_is_recorded_plainly_with_a_warning()
    {
        // 36 months in 3 extensions, two taken (GMSHIP).
        Line(114).Details.Extensions!.Select(e => (e!.Months, e.Taken)).ShouldBe([(12, true), (12, true), (12, false)]);
        // 48 months in "24" extensions: more than a contract holds, so one option of 48 months, taken.
        Line(89).Details.Extensions!.Select(e => (e!.Months, e.Taken)).ShouldBe([(48, true)]);
        Warnings(89).Select(w => w.Column).ShouldContain(TransparencyRegister.ExtensionCount);
        // "Yes" extensions: not a number, so one option of the 12 months.
        Line(106).Details.Extensions!.Select(e => e!.Months).ShouldBe([12]);
        Warnings(106).ShouldContain((TransparencyRegister.ExtensionCount, "'Yes' is not a number of extensions"));
        // Extension 1 "1" counts as taken; extension 2 "Yes" with only one option is ignored.
        Line(308).Details.Extensions!.Select(e => (e!.Months, e.Taken)).ShouldBe([(12, true)]);
        Warnings(308).Select(w => w.Column).ShouldContain(TransparencyRegister.Extension2Taken);
        // "N/A" months and count: no options, and no warning about them.
        Line(27).Details.Extensions.ShouldBeEmpty();
    }

    [Fact]
    public void Yes_no_columns_read_Yes_and_No_and_leave_Various_and_typos_unknown()
    {
        Line(2).Details.RecordedSme.ShouldBe(true);
        Line(296).Details.RecordedSme.ShouldBeNull();
        Line(296).Details.SupplierCompanyNumber.ShouldBeNull();
        Line(210).Details.Advertised.ShouldBeNull();
        Warnings(210).ShouldContain((TransparencyRegister.Advertised, "'Noo' is neither Yes nor No: left empty"));
    }

    [Fact]
    public void Money_is_strict_a_malformed_or_negative_amount_is_a_problem_naming_line_and_column()
    {
        var header = string.Join(',', TransparencyRegister.Columns);
        var csv = header + "\n" +
                  "Place,RFQ,Council,X1,Roads,Roads,Acme Ltd,M1 1AA,12.5.0,-100,No,2022-01-01,2022-12-31,12,0,0,N/A,N/A,2022-12-31,Yes,1,Roads,,Public\n";
        var table = ImportTable.Read(Encoding.UTF8.GetBytes(csv), "bad.csv");

        var parsed = TransparencyRegister.Parse(table.Rows[0], "bad.csv");

        parsed.Problems.Select(p => (p.Line, p.Column, p.Reason)).ShouldBe(
        [
            (2, TransparencyRegister.AnnualValue, "'12.5.0' is not an amount in pounds and pence"),
            (2, TransparencyRegister.TotalValue, "'-100' is negative: a contract's value cannot be"),
        ]);
    }
}
