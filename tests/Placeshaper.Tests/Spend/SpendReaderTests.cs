using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Spend;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Spend;

public sealed class SpendReaderTests
{
    private static (List<SpendRow> Rows, SpendFileReader Reader) Read(byte[] bytes, string file = "spend.csv", IReadOnlyDictionary<SpendField, string>? profile = null)
    {
        var stream = new MemoryStream(bytes);
        var reader = SpendFileReader.Open(stream, file, profile);
        return (reader.Rows().ToList(), reader);
    }

    private static (List<SpendRow> Rows, SpendFileReader Reader) Read(string text, IReadOnlyDictionary<SpendField, string>? profile = null) =>
        Read(Encoding.UTF8.GetBytes(text), "spend.csv", profile);

    internal static string SharedFile(string folder, string name)
    {
        var file = Path.GetFullPath(Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "data", folder, name));
        TestEnvironment.SkipUnless(File.Exists(file), "the shared data folder is not beside the repository");
        return file;
    }

    [Theory]
    [InlineData("1714.29", "1714.29")]
    [InlineData("£322.50", "322.50")]
    [InlineData("\u00A31,496.00", "1496.00")]
    [InlineData(" 519.89 ", "519.89")]
    [InlineData("393.39-", "-393.39")]
    [InlineData("(250.00)", "-250.00")]
    [InlineData("-438.80", "-438.80")]
    [InlineData("6.82121E-13", "0.000000000000682121")]
    [InlineData("2646.6875", "2646.6875")]
    [InlineData("3,228,893.86", "3228893.86")]
    [InlineData("12 000", "12000")]
    [InlineData("£ (1,234.5)", "-1234.5")]
    public void Amounts_are_read_exactly_in_every_style_the_files_use(string text, string expected) =>
        SpendAmount.Parse(text, out _).ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));

    [Fact]
    public void A_plain_amount_reads_as_the_same_decimal_as_the_framework_reads_it_scale_and_sign_included() =>
        // Plain amounts take a short way of their own (SpendAmount.Plain); it must give decimal.Parse's value and scale.
        Prop.ForAll(
            Gen.Elements("", "-").ToArbitrary(),
            Gen.Elements('0', '1', '5', '9').ArrayOf().ToArbitrary(),
            Gen.OneOf(Gen.Constant((char[]?)null), Gen.Elements('0', '3', '9').ArrayOf().Select(d => (char[]?)d)).ToArbitrary(),
            (sign, whole, fraction) =>
            {
                var text = sign + new string(whole) + (fraction is null ? "" : "." + new string(fraction));
                var styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
                var read = SpendAmount.Parse(text, out _);
                // Longer than 64 characters is refused whatever it holds.
                if (text.Length > 64 || !decimal.TryParse(text, styles, CultureInfo.InvariantCulture, out var expected) || Math.Abs(expected) > Placeshaper.Common.Money.MaxPounds)
                {
                    read.ShouldBeNull(text);
                    return;
                }

                read.ShouldNotBeNull(text);
                decimal.GetBits(read.Value).ShouldBe(decimal.GetBits(expected), text);
            }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("")]
    [InlineData("PRIVATE RESIDENTIAL CARE")]
    [InlineData("12.3.4")]
    [InlineData("£")]
    [InlineData("1e999")]
    public void What_is_not_an_amount_is_refused_with_a_reason(string text)
    {
        SpendAmount.Parse(text, out var reason).ShouldBeNull();
        reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Any_amount_written_in_any_style_reads_back_as_the_same_decimal() =>
        Prop.ForAll(
            Gen.Choose(-2_000_000_000, 2_000_000_000).ToArbitrary(),
            Gen.Choose(0, 4).ToArbitrary(),
            Gen.Choose(0, 5).ToArbitrary(),
            (units, places, style) =>
            {
                var amount = units / (decimal)Math.Pow(10, places);
                var plain = Math.Abs(amount).ToString("0." + new string('#', Math.Max(places, 1)), CultureInfo.InvariantCulture);
                var grouped = Math.Abs(amount).ToString("#,##0." + new string('#', Math.Max(places, 1)), CultureInfo.InvariantCulture);
                var negative = amount < 0;
                var text = style switch
                {
                    0 => (negative ? "-" : "") + plain,
                    1 => (negative ? "-" : "") + "£" + grouped,
                    2 => negative ? plain + "-" : plain,
                    3 => negative ? "(" + grouped + ")" : grouped,
                    4 => " " + (negative ? "-" : "") + plain + " ",
                    _ => amount.ToString("E12", CultureInfo.InvariantCulture),
                };
                return SpendAmount.Parse(text, out _) == amount;
            }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("13/04/2016", "2016-04-13")]
    [InlineData("3/4/2016", "2016-04-03")]
    [InlineData("06/01/26", "2026-01-06")]
    [InlineData("2017-04-03", "2017-04-03")]
    [InlineData("2017-04-03 00:00:00", "2017-04-03")]
    [InlineData("2017-04-03T10:15:00", "2017-04-03")]
    [InlineData("01-Apr-2016", "2016-04-01")]
    [InlineData("5-Oct-21", "2021-10-05")]
    [InlineData("25 Apr 2023", "2023-04-25")]
    [InlineData("42461", "2016-04-01")]
    public void Dates_are_read_day_first_in_every_style_the_files_use(string text, string expected) =>
        SpendDate.Parse(text, out _).ShouldBe(DateOnly.Parse(expected, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("25/06/2012900")]
    [InlineData("31/02/2016")]
    [InlineData("TBC")]
    [InlineData("22/04/222")]
    public void What_is_not_a_payment_date_is_refused_with_a_reason(string text)
    {
        SpendDate.Parse(text, out var reason).ShouldBeNull();
        reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Columns_are_suggested_from_header_names_whatever_their_case_padding_and_spacing()
    {
        var headers = new[] { "Name of  Body", " Amount ", "Supplier name", "Transaction number", "Expense area", "Expense type", "VAT reg no", "Date" };
        var mapping = SpendMapping.Suggest(headers);

        mapping[SpendField.Amount].ShouldBe(1);
        mapping[SpendField.Supplier].ShouldBe(2);
        mapping[SpendField.TransactionNumber].ShouldBe(3);
        mapping[SpendField.ServiceArea].ShouldBe(4);
        mapping[SpendField.ExpenseType].ShouldBe(5);
        mapping[SpendField.SupplierVatNumber].ShouldBe(6);
        mapping[SpendField.Date].ShouldBe(7);
        mapping.Has(SpendField.SupplierPostcode).ShouldBeFalse();
        SpendMapping.Key("Net Amount(£)").ShouldBe("net amount");
        SpendMapping.Key("Name:  ").ShouldBe("name");
    }

    [Fact]
    public void The_header_is_found_below_a_report_preamble_and_padding_and_totals_are_skipped_and_reported()
    {
        var (rows, reader) = Read(
            "Lambeth Invoices Over Specified Nett Amount,,,\r\nReport Date: 02/07/2012,,,\r\n,,,\r\n" +
            "Supplier Name,Invoice Creation Date,Invoice Nett Amount,Subj Description\r\n" +
            "Acme Ltd,25/06/2012,\"1,534.24\",Care\r\n,,,\r\n,,,\r\nBeta Ltd,26/06/2012,900,Care\r\nGrand Total,,\"2,434.24\",\r\n");

        reader.Problems.ShouldBeEmpty();
        reader.HeaderLine.ShouldBe(4);
        rows.Select(r => (r.Line, r.Supplier, r.Amount)).ShouldBe([(5, "Acme Ltd", 1534.24m), (8, "Beta Ltd", 900m)]);
        reader.Skipped.Select(s => s.Line).ShouldBe([1, 6, 9]);
        reader.Skipped[1].Reason.ShouldContain("2 blank rows");
        reader.Skipped[2].Reason.ShouldContain("total");
        reader.SkippedCount.ShouldBe(3);
    }

    [Fact]
    public void Columns_no_field_is_mapped_to_still_mark_blank_rows_and_totals_though_their_text_is_not_kept()
    {
        // Once the header is found (after the first 50 non-blank lines are searched), the reader makes text only for
        // mapped columns (CsvRecordReader.ReadOnly); a footer may label its total in any column, and a row is blank
        // only if every column is. The cases come after the search, where the columns are no longer read.
        var payments = string.Concat(Enumerable.Range(0, 60).Select(i => $"18,01/04/2016,10.50,Acme Ltd,B\n"));
        var (rows, reader) = Read(
            "Body,Date,Amount,Supplier Name,Creditor Type\n" + payments +
            "18,,,,B\n" +
            " ,,,, \n" +
            "Grand total,,630.00,,\n");

        reader.Problems.ShouldBeEmpty();
        rows.Count.ShouldBe(60);
        rows.ShouldAllBe(r => r.Supplier == "Acme Ltd" && r.Amount == 10.50m);
        reader.Skipped.Select(s => (s.Line, s.Reason)).ShouldBe([(62, "no amount or supplier: not a payment"), (63, "a blank row"), (64, "a total, not a payment")]);
    }

    [Fact]
    public void Redacted_suppliers_are_marked_redacted_not_named()
    {
        var (rows, _) = Read("Date,Amount,Supplier Name\n01/04/2016,10,REDACTED UNDER DP ACT\n01/04/2016,10,\"Redacted, personal data\"\n01/04/2016,10,Acme Ltd\n");

        rows.Select(r => (r.Redacted, r.Supplier)).ShouldBe([(true, null), (true, null), (false, "Acme Ltd")]);
    }

    [Fact]
    public void A_bad_date_or_amount_is_a_problem_naming_the_file_line_and_column()
    {
        var (_, reader) = Read("Date,Amount,Supplier Name\n01/04/2016,10,A\n01/04/2016,ten,B\n31/02/2016,10,C\n");

        reader.Problems.Select(p => (p.File, p.Line, p.Column)).ShouldBe([("spend.csv", 3, "Amount"), ("spend.csv", 4, "Date")]);
        reader.Problems[0].Reason.ShouldContain("'ten' is not an amount");
    }

    [Fact]
    public void A_layout_without_a_date_amount_or_supplier_column_is_refused_saying_what_is_missing()
    {
        Read("Supplier Name,Sum of Invoice Nett Amount\nAcme,\"3,228,893.86\"\n").Reader.Problems.ShouldHaveSingleItem().Reason.ShouldContain("no header row");
        var (_, reader) = Read("Supplier Name,Amount,Period\nAcme,10,201705\n");
        reader.Problems.ShouldHaveSingleItem().Reason.ShouldContain("no payment date column");
    }

    [Fact]
    public void A_profile_names_a_column_the_suggestion_cannot_know()
    {
        var text = "TransNo,Period,Supplier ID(T),Amount,Updated\n43963861,201705,RENWICK FRAMING,774.00,2017-08-11\n";
        Read(text).Reader.Problems.ShouldNotBeEmpty();

        var (rows, reader) = Read(text, new Dictionary<SpendField, string> { [SpendField.Date] = "Updated" });

        reader.Problems.ShouldBeEmpty();
        rows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Date.ShouldBe(new DateOnly(2017, 8, 11)),
            r => r.TransactionNumber.ShouldBe("43963861"),
            r => r.Supplier.ShouldBe("RENWICK FRAMING"));
    }

    [Fact]
    public void A_last_line_cut_short_is_refused()
    {
        var (_, reader) = Read("Date,Amount,Supplier Name,Expense Type\n01/04/2016,10,Acme,Care\n01/04/2016,12");

        reader.Problems.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Line.ShouldBe(3),
            p => p.Reason.ShouldContain("ends in the middle of this line"));
    }

    [Theory]
    [InlineData(false, "UTF-8")]
    [InlineData(true, "UTF-8 with BOM")]
    public void UTF_8_is_read_with_or_without_a_byte_order_mark(bool bom, string encoding)
    {
        var body = Encoding.UTF8.GetBytes("Date,Net Amount (£),Name\n01/04/2016,10,Café Ltd\n");
        var (rows, reader) = Read(bom ? [.. Encoding.UTF8.Preamble, .. body] : body);

        reader.Encoding.ShouldBe(encoding);
        rows.ShouldHaveSingleItem().Supplier.ShouldBe("Café Ltd");
        reader.Headers[1].ShouldBe("Net Amount (£)");
    }

    [Fact]
    public void Windows_1252_is_read_when_the_bytes_are_not_UTF_8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var (rows, reader) = Read(Encoding.GetEncoding(1252).GetBytes("Payment date,Net Amount(£),Name\r04/01/2017,£325.00,Café Ltd\r"));

        reader.Encoding.ShouldBe("Windows-1252");
        rows.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Supplier.ShouldBe("Café Ltd"), r => r.Amount.ShouldBe(325m));
    }

    [Fact]
    public void Random_bytes_and_random_cuts_of_real_files_never_crash_the_reader_and_finish_quickly()
    {
        var random = new Random(7);
        var real = new[]
        {
            File.ReadAllBytes(SharedFile("spend-hyndburn", "2023-04_April-2023.csv")),
            File.ReadAllBytes(SharedFile("spend-odileeds-collated", "networkrail_2021-04.csv")),
            File.ReadAllBytes(SharedFile("spend-lambeth", "2012-06-payments-original.csv")),
        };
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 300; i++)
        {
            byte[] bytes;
            if (i % 3 == 0)
            {
                bytes = new byte[random.Next(0, 4000)];
                random.NextBytes(bytes);
            }
            else
            {
                var source = real[i % real.Length];
                var start = i % 2 == 0 ? 0 : random.Next(source.Length);
                bytes = source[start..Math.Min(source.Length, start + random.Next(1, 60_000))];
                if (i % 5 == 0 && bytes.Length > 0)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            var (rows, reader) = Read(bytes, $"fuzz-{i}.csv");
            if (reader.Problems.Count > 0)
            {
                reader.Problems.ShouldAllBe(p => p.File == $"fuzz-{i}.csv" && p.Reason.Length > 0);
            }
            else
            {
                rows.Count.ShouldBeLessThanOrEqualTo(reader.Read);
            }
        }

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("spend-devon", "DCCSpendingOver500_201210.csv", 6827, "38822827.615000000000113687")]
    [InlineData("spend-odileeds-collated", "manchester_2020-06.csv", 2233, "56325515.47")]
    [InlineData("spend-leeds", "leeds-raw-2011-09.csv", 9569, "85636646.06")]
    [InlineData("spend-hyndburn", "2026-01_January-26-CSV.csv", 446, "9082922.07")]
    [InlineData("spend-odileeds-collated", "networkrail_2021-04.csv", 1462, "410476063.55")]
    public void Real_files_give_the_payments_and_total_an_independent_sum_gives(string folder, string name, int payments, string total)
    {
        var (rows, reader) = Read(File.ReadAllBytes(SharedFile(folder, name)), name);

        reader.Problems.ShouldBeEmpty();
        rows.Count.ShouldBe(payments);
        rows.Sum(r => r.Amount).ShouldBe(decimal.Parse(total, CultureInfo.InvariantCulture));
    }

    /// <summary>Every spend file in the shared data, and what becomes of it: imported, or refused for a stated reason.</summary>
    public static TheoryData<string, string, string?> EveryFile => new()
    {
        { "spend-devon", "DCCSpendingOver500_201704.csv", null },
        { "spend-devon", "DCCSpendingOver500_202504.csv", null },
        { "spend-devon", "DCCSpendingOver500_202511.csv", null },
        { "spend-hyndburn", "2017-01_1701.csv", null },
        { "spend-hyndburn", "2017-05_1705.csv", null },
        { "spend-hyndburn", "2021-01_Jan2021.csv", null },
        { "spend-hyndburn", "2021-10_October-2021-csv.csv", null },
        { "spend-hyndburn", "2022-09_September-2022.csv", null },
        { "spend-hyndburn", "2023-04_April-2023.csv", null },
        { "spend-hyndburn", "2023-05_May-2023-csv.csv", null },
        { "spend-hyndburn", "2024-02_SpendOver250Feb24.csv", null },
        { "spend-hyndburn", "2024-03_Spend-over-250.00-Mar-24.csv", null },
        { "spend-hyndburn", "2024-10_Oct-24-CSV.csv", null },
        { "spend-hyndburn", "2025-03_March-25-CSV.csv", "no header row" },
        { "spend-lambeth", "2012-06-payments-original.csv", null },
        { "spend-lambeth", "2012-06-payments-repo-cleaned.csv", "'25/06/2012900' is not a date" },
        { "spend-lambeth", "2011-01-supplier-totals-original.csv", "no header row" },
        { "spend-odileeds-collated", "cabinetoffice_2022-07.csv", null },
        { "spend-odileeds-collated", "calderdale_2021-11-card.csv", null },
        { "spend-odileeds-collated", "calderdale_2022-08.csv", null },
        { "spend-odileeds-collated", "darlington_2022-09.csv", null },
        { "spend-odileeds-collated", "gateshead_2017-08.csv", "no payment date column" },
        { "spend-odileeds-collated", "london_2013-P07.csv", null },
        { "spend-odileeds-collated", "newcastle_2022-08.csv", null },
        { "spend-odileeds-collated", "northtyneside_2020-08_p.csv", null },
        { "spend-odileeds-collated", "salford_2016-09.csv", null },
        { "spend-odileeds-collated", "salford_2022-07.csv", "no header row" },
        { "spend-oxford", "expenditure-over-500-apr-jun-2014.csv", "'00:00:00' is not a date" },
        { "spend-oxford", "expenditure-over-500-jan-mar-2014.csv", null },
        { "spend-oxford", "expenditure-over-500-jan-mar-2015.csv", null },
        { "spend-oxford", "expenditure-over-500-jan-mar-2018.csv", null },
        { "spend-oxford", "expenditure-over-500-jul-sep-2017.csv", null },
        { "spend-oxford", "expenditure-over-500-oct-dec-2015.csv", null },
    };

    [Theory]
    [MemberData(nameof(EveryFile))]
    public void Every_real_file_is_read_or_refused_with_a_clear_reason(string folder, string name, string? refusal)
    {
        var (rows, reader) = Read(File.ReadAllBytes(SharedFile(folder, name)), name);

        if (refusal is null)
        {
            reader.Problems.ShouldBeEmpty();
            rows.ShouldNotBeEmpty();
            rows.ShouldAllBe(r => r.Date.Year >= 2010 && r.Date.Year <= 2026);
        }
        else
        {
            reader.Problems.ShouldNotBeEmpty();
            reader.Problems[0].Reason.ShouldContain(refusal);
            reader.Problems[0].File.ShouldBe(name);
        }
    }

    [Fact]
    public void The_identity_of_a_payment_is_the_same_on_every_reading_and_identical_lines_in_one_file_stay_distinct()
    {
        var row = new SpendRow(2, new DateOnly(2024, 2, 14), 322.50m, "DVLA", false, "P-CARD- MAR 24", "CVMU", "ROAD TAX", null, null, null, null);
        var first = new SpendIdentity();
        var again = new SpendIdentity();

        var keys = new[] { first.Of(row), first.Of(row with { Line = 3 }) };

        keys.Distinct().Count().ShouldBe(2);
        new[] { again.Of(row with { Line = 40 }), again.Of(row with { Line = 41 }) }.ShouldBe(keys);
        new SpendIdentity().Of(row with { Amount = 322.51m }).ShouldNotBe(keys[0]);
    }

    [Fact]
    public void Within_one_file_every_line_has_an_identity_of_its_own_however_lines_repeat() =>
        // The tally relies on it: it looks up only the identities held before the import (ADR 0027).
        Prop.ForAll(
            Gen.Choose(0, 5).ArrayOf().ToArbitrary(),
            Gen.Elements(SpendIdentity.Sha256, SpendIdentity.Xxh3).ToArbitrary(),
            (lines, scheme) =>
            {
                using var identity = new SpendIdentity(scheme);
                var identities = lines.Select((kind, line) => identity.Of(new SpendRow(line + 2, new DateOnly(2024, 2, 14), 322.50m + (kind % 2), "DVLA", false, "P-" + (kind % 3), null, null, null, null, null, null))).ToList();
                identities.Distinct().Count().ShouldBe(identities.Count);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Identities_worked_out_a_batch_at_a_time_are_those_worked_out_line_by_line() =>
        Prop.ForAll(
            Gen.Choose(0, 5).ArrayOf().ArrayOf().ToArbitrary(),
            Gen.Elements(SpendIdentity.Sha256, SpendIdentity.Xxh3).ToArbitrary(),
            (batches, scheme) =>
            {
                using var byLine = new SpendIdentity(scheme);
                using var byBatch = new SpendIdentity(scheme);
                var line = 2;
                foreach (var batch in batches)
                {
                    var rows = batch.Select(kind => new SpendRow(line++, new DateOnly(2024, 2, 14), 322.50m + (kind % 2), "DVLA", false, "P-" + (kind % 3), null, null, null, null, null, null)).ToArray();
                    var identities = new long[rows.Length];
                    byBatch.Of(rows, identities);
                    identities.ShouldBe(rows.Select(byLine.Of).ToArray());
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Identities_of_contents_hashed_on_another_thread_are_those_worked_out_line_by_line() =>
        Prop.ForAll(
            Gen.Choose(0, 5).ArrayOf().ArrayOf().ToArbitrary(),
            Gen.Elements(true, false).ArrayOf().ToArbitrary(),
            (batches, apart) =>
            {
                // The reading thread hashes some batches' contents on its own instance, the writing thread the rest.
                using var byLine = new SpendIdentity(SpendIdentity.Xxh3);
                using var reading = new SpendIdentity(SpendIdentity.Xxh3);
                using var writing = new SpendIdentity(SpendIdentity.Xxh3);
                var line = 2;
                for (var b = 0; b < batches.Length; b++)
                {
                    var rows = batches[b].Select(kind => new SpendRow(line++, new DateOnly(2024, 2, 14), 322.50m + (kind % 2), "DVLA", false, "P-" + (kind % 3), null, null, null, null, null, null)).ToArray();
                    var identities = new long[rows.Length];
                    if (b < apart.Length && apart[b])
                    {
                        reading.Contents(rows, identities);
                        writing.OfContents(identities);
                    }
                    else
                    {
                        writing.Of(rows, identities);
                    }

                    identities.ShouldBe(rows.Select(byLine.Of).ToArray());
                }
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Only_identities_that_need_no_text_for_a_repeat_are_hashed_apart() =>
        Should.Throw<InvalidOperationException>(() => new SpendIdentity(SpendIdentity.Sha256).Contents([], []));

    [Fact]
    public void Both_identity_schemes_hash_the_line_as_documented_so_payments_already_held_keep_matching()
    {
        var row = new SpendRow(2, new DateOnly(2024, 2, 14), 322.50m, "DVLA", false, "P-CARD- MAR 24", "CVMU", "ROAD TAX", null, null, null, null);
        var text = $"P-CARD- MAR 24\u001F{row.Date.DayNumber}\u001F3225000\u001FDVLA\u001FCVMU\u001FROAD TAX\u001F";
        using var sha = new SpendIdentity(SpendIdentity.Sha256);
        using var xxh3 = new SpendIdentity(SpendIdentity.Xxh3);

        sha.Of(row).ShouldBe(BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        sha.Of(row).ShouldBe(BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text + "\u001E1"))), "the second identical line counts one repeat");
        var first = xxh3.Of(row);
        first.ShouldBe((long)XxHash3.HashToUInt64(Encoding.Unicode.GetBytes(text)));
        var repeat = new byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(repeat, first);
        BinaryPrimitives.WriteInt32LittleEndian(repeat.AsSpan(8), 1);
        xxh3.Of(row).ShouldBe((long)XxHash3.HashToUInt64(repeat));
        Should.Throw<ArgumentOutOfRangeException>(() => new SpendIdentity(3));
    }
}
