using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Spend;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Spend;

/// <summary>
/// Suggestions for spend categories from the ProClass columns of real spend files (North Tyneside's and Calderdale's),
/// counted once however often or however overlapping the files, and accepted one by one or all at once.
/// </summary>
public abstract class CategorySuggestionsTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Finance = "finance@anytown.example";

    /// <summary>
    /// The expected suggestions, worked out from the CSV text here (its own small parser, not the app's reader): per
    /// expense type (trimmed, single-spaced, upper case), code and label, the lines and their total.
    /// </summary>
    private static Dictionary<(string Key, string? Code, string? Label), (int Lines, decimal Total)> Expected(byte[] content, string expenseColumn, string? codeColumn, string labelColumn)
    {
        var rows = Csv(Encoding.UTF8.GetString(content).TrimStart('\uFEFF'));
        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name);
        var (expense, code, label, amount) = (Column(expenseColumn), codeColumn is null ? -1 : Column(codeColumn), Column(labelColumn), Column("Net Amount"));
        new[] { expense, label, amount }.ShouldNotContain(-1);
        static string? Spaced(string? text) => string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } s ? s : null;
        var expected = new Dictionary<(string, string?, string?), (int, decimal)>();
        foreach (var row in rows.Skip(1).Where(r => r.Length == header.Length))
        {
            var (c, l) = (code < 0 ? null : Spaced(row[code]), Spaced(row[label]));
            if (Spaced(row[expense]) is not { } type || (c is null && l is null))
            {
                continue;
            }

            var key = (type.ToUpperInvariant(), c, l);
            var (lines, total) = expected.GetValueOrDefault(key);
            expected[key] = (lines + 1, total + decimal.Parse(row[amount], NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        return expected;
    }

    /// <summary>RFC 4180: fields split on commas outside double quotes, "" an escaped quote, lines on CR LF or LF.</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var (fields, field, quoted) = (new List<string>(), new StringBuilder(), false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient api, string name, byte[] content, string? profile = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", name);
        var response = await api.PostAsync(new Uri("/api/v1/orgs/anytown/spend/imports" + (profile is null ? "" : "?profile=" + profile), UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>The suggestions the API lists that the named file first gave, as the expected ones are keyed.</summary>
    private static async Task<Dictionary<(string Key, string? Code, string? Label), (int Lines, decimal Total)>> SuggestionsAsync(HttpClient api, string file) =>
        (await ListedAsync(api)).SelectMany(s => s.GetProperty("suggestions").EnumerateArray().Select(x => (Type: s, Suggestion: x)))
            .Where(x => x.Suggestion.GetProperty("file").GetString() == file)
            .ToDictionary(
                x => (x.Type.GetProperty("expenseKey").GetString()!, x.Suggestion.GetProperty("proClassCode").GetString(), x.Suggestion.GetProperty("proClassLabel").GetString()),
                x => (x.Suggestion.GetProperty("lines").GetInt32(), x.Suggestion.GetProperty("total").GetDecimal()));

    private static async Task<List<JsonElement>> ListedAsync(HttpClient api) =>
        (await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/categories/suggestions")).ReadJsonAsync()).EnumerateArray().ToList();

    private static void ShouldMatch(
        Dictionary<(string Key, string? Code, string? Label), (int Lines, decimal Total)> actual, Dictionary<(string Key, string? Code, string? Label), (int Lines, decimal Total)> expected)
    {
        var (missing, extra) = (expected.Keys.Except(actual.Keys).ToList(), actual.Keys.Except(expected.Keys).ToList());
        (missing.Count, extra.Count).ShouldBe((0, 0), $"missing {string.Join("; ", missing.Take(5))}; not expected {string.Join("; ", extra.Take(5))}");
        foreach (var (key, value) in expected)
        {
            actual[key].ShouldBe(value, key.ToString());
        }
    }

    [Fact]
    public async Task North_Tyneside_classifications_are_suggested_once_conflicts_are_left_for_an_officer_and_accepting_maps_the_expense_type()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        const string file = "northtyneside_2020-08_p.csv";
        var content = await File.ReadAllBytesAsync(SpendReaderTests.SharedFile("spend-odileeds-collated", file));
        var expected = Expected(content, "SeRCOP Expenditure Category", null, "Procurement Classification");
        expected.Values.Sum(v => v.Lines).ShouldBe(754, "every line of the file carries a classification");

        // An expense type mapped by hand before any file suggests anything: never overwritten by a suggestion.
        (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/categories", new { mappings = new object[] { new { expenseType = "Employees", proClassCode = "MANUAL", proClassLabel = "Set by hand" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // The demo's own mappings (its spend has "Transport" too) are kept as they are, like the one set by hand.
        var mapped = await app.WithDbAsync(db => db.SpendCategories.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(c => c.ExpenseKey, c => (c.ProClassCode, c.ProClassLabel)));
        (await UploadAsync(api, file, content)).GetProperty("imported").GetInt32().ShouldBe(754);
        var unmapped = expected.Where(e => !mapped.ContainsKey(e.Key.Key)).ToDictionary();
        ShouldMatch(await SuggestionsAsync(api, file), unmapped);

        // The same file again adds no payment, so no suggestion counts twice.
        var again = await UploadAsync(api, file, content);
        (again.GetProperty("imported").GetInt32(), again.GetProperty("duplicates").GetInt32()).ShouldBe((0, 754));
        ShouldMatch(await SuggestionsAsync(api, file), unmapped);
        (await app.WithDbAsync(db => db.SpendCategorySuggestions.IgnoreQueryFilters().Where(s => s.ExpenseKey == "EMPLOYEES").SumAsync(s => s.Lines)))
            .ShouldBe(expected.Where(e => e.Key.Key == "EMPLOYEES").Sum(e => e.Value.Lines), "kept for a mapped expense type, only not listed");

        var listed = await ListedAsync(api);
        bool Conflicting(string key) => listed.Single(s => s.GetProperty("expenseKey").GetString() == key).GetProperty("conflicting").GetBoolean();
        Conflicting("SUPPLIES AND SERVICES").ShouldBeTrue("51 different classifications");
        Conflicting("TRANSFER PAYMENTS").ShouldBeFalse("one line, one classification");

        // Readers may look, not accept.
        using (var councillor = await app.ApiAsAsync("councillor@anytown.example"))
        {
            (await councillor.GetPathAsync("/api/v1/orgs/anytown/spend/categories/suggestions")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await (await councillor.PostJsonAsync("/api/v1/orgs/anytown/spend/categories/suggestions/accept-all", new { })).ShouldBeProblemAsync(403);
        }

        // Accept all: only the expense types whose file agreed on one classification.
        var all = await (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/categories/suggestions/accept-all", new { })).ReadJsonAsync();
        all.GetProperty("accepted").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        all.GetProperty("conflicting").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        var categories = await app.WithDbAsync(db => db.SpendCategories.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(c => c.ExpenseKey, c => (c.ProClassCode, c.ProClassLabel)));
        categories["TRANSFER PAYMENTS"].ShouldBe((null, "FURNITURE.DOMESTIC"));
        categories["EMPLOYEES"].ShouldBe(("MANUAL", "Set by hand"), "a mapping is never overwritten by a suggestion");
        foreach (var key in new[] { "SUPPLIES AND SERVICES", "THIRD PARTY PAYMENTS", "PREMISES-RELATED EXPENDITURE", "TRANSPORT" })
        {
            categories.GetValueOrDefault(key).ShouldBe(mapped.GetValueOrDefault(key), $"{key}: conflicting suggestions are not accepted all at once");
        }

        // One of a conflicting expense type's suggestions, picked by an officer; then it is mapped and no longer listed.
        var picked = await api.PostJsonAsync("/api/v1/orgs/anytown/spend/categories/suggestions/accept", new { expenseType = "supplies  and services", proClassLabel = "EDUCATIONAL SUPPLIES.SUPPLIES" });
        picked.StatusCode.ShouldBe(HttpStatusCode.OK, await picked.Content.ReadAsStringAsync());
        (await picked.ReadJsonAsync()).GetProperty("accepted").GetInt32().ShouldBe(1);
        await (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/categories/suggestions/accept", new { expenseType = "Supplies and Services", proClassLabel = "FURNITURE.DOMESTIC" })).ShouldBeProblemAsync(409);
        await (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/categories/suggestions/accept", new { expenseType = "Employees", proClassLabel = "FINANCIAL SERVICES.FINANCIAL SERVICES" })).ShouldBeProblemAsync(409);
        await (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/categories/suggestions/accept", new { expenseType = "Transport", proClassLabel = "NOT IN THE FILE" })).ShouldBeProblemAsync(404);
        (await ListedAsync(api)).ShouldNotContain(s => s.GetProperty("expenseKey").GetString() == "SUPPLIES AND SERVICES");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "spend-categories-mapped"))).ShouldBeGreaterThanOrEqualTo(3, "audited as a mapping by hand is");

        // Analytics by ProClass now: the whole expense type's spend under the accepted label, summed from the file here.
        var byType = Csv(Encoding.UTF8.GetString(content)).Skip(1).Where(r => r.Length == 14)
            .GroupBy(r => r[8].ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r[2], CultureInfo.InvariantCulture)));
        var proClass = (await (await api.GetPathAsync("/api/v1/orgs/anytown/spend/analytics/proclass?from=2020-08-01&to=2020-08-31")).ReadJsonAsync()).EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("amount").GetDecimal());
        proClass["EDUCATIONAL SUPPLIES.SUPPLIES"].ShouldBe(byType["SUPPLIES AND SERVICES"]);
        proClass["FURNITURE.DOMESTIC"].ShouldBe(byType["TRANSFER PAYMENTS"]);
        proClass["Set by hand"].ShouldBe(byType["EMPLOYEES"]);
        proClass["Not mapped"].ShouldBe(new[] { "THIRD PARTY PAYMENTS", "PREMISES-RELATED EXPENDITURE", "TRANSPORT" }
            .Where(k => mapped.GetValueOrDefault(k) is (null, null)).Sum(k => byType[k]), "the demo maps Transport to a CPV code only");
    }

    [Fact]
    public async Task Calderdale_categories_by_expense_code_through_a_profile_count_only_the_lines_an_overlapping_file_adds()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        const string file = "calderdale_2022-08.csv";
        var whole = await File.ReadAllBytesAsync(SpendReaderTests.SharedFile("spend-odileeds-collated", file));

        // The first 1,000 payments: the header and the lines up to the 1,001st line break.
        var cut = 0;
        for (var breaks = 0; breaks < 1001; cut++)
        {
            breaks += whole[cut] == '\n' ? 1 : 0;
        }

        var part = whole[..cut];
        (await api.PutJsonAsync("/api/v1/orgs/anytown/spend/profiles/calderdale-codes", new { fields = new Dictionary<string, string> { ["ExpenseType"] = "Expense Code" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        const string label = "Procurement Classification: Council's Procurement Category Name";

        (await UploadAsync(api, "calderdale-first-1000.csv", part, "calderdale-codes")).GetProperty("imported").GetInt32().ShouldBe(1000);
        ShouldMatch(await SuggestionsAsync(api, "calderdale-first-1000.csv"), Expected(part, "Expense Code", "Proclass", label));

        // The whole month after its first half: only its 956 new lines count, so the figures are the whole file's.
        (await UploadAsync(api, file, whole, "calderdale-codes")).GetProperty("imported").GetInt32().ShouldBe(956);
        var expected = Expected(whole, "Expense Code", "Proclass", label);
        expected.Keys.ShouldAllBe(k => k.Code == null, "Calderdale's Proclass column is empty: no code is invented");
        var listed = (await SuggestionsAsync(api, "calderdale-first-1000.csv")).Concat(await SuggestionsAsync(api, file)).ToDictionary();
        ShouldMatch(listed, expected);
        (await UploadAsync(api, file, whole, "calderdale-codes")).GetProperty("imported").GetInt32().ShouldBe(0);
        ShouldMatch((await SuggestionsAsync(api, "calderdale-first-1000.csv")).Concat(await SuggestionsAsync(api, file)).ToDictionary(), expected);

        // Each expense code has one category name: all of them are accepted at once.
        var all = await (await api.PostJsonAsync("/api/v1/orgs/anytown/spend/categories/suggestions/accept-all", new { })).ReadJsonAsync();
        all.GetProperty("accepted").GetInt32().ShouldBeGreaterThanOrEqualTo(expected.Count);
        var categories = await app.WithDbAsync(db => db.SpendCategories.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(c => c.ExpenseKey, c => (c.ProClassCode, c.ProClassLabel)));
        foreach (var ((key, code, name), _) in expected)
        {
            categories[key].ShouldBe((code, name));
        }

        (await ListedAsync(api)).ShouldNotContain(s => expected.Keys.Any(k => k.Key == s.GetProperty("expenseKey").GetString()));
    }

    [Fact]
    public async Task The_page_shows_suggestions_and_accepts_one_or_all_and_a_refused_file_suggests_nothing()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync(Finance);
        var prefix = "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (agreed, split) = ($"Agreed {prefix}", $"Split {prefix}");
        var (agreedKey, splitKey) = (agreed.ToUpperInvariant(), split.ToUpperInvariant());
        var csv = $"Date,Transaction Number,Amount,Supplier Name,Expense Type,ProClass Code,ProClass Description\r\n" +
            $"01/06/1989,{prefix}-1,10.00,Acme Ltd,{agreed},231810,Surveys\r\n";
        var refused = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "refused.csv" } };
        (await api.PostAsync(new Uri("/api/v1/orgs/anytown/spend/imports", UriKind.Relative), refused)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "a date before 1990");
        (await app.WithDbAsync(db => db.SpendCategorySuggestions.IgnoreQueryFilters().CountAsync(s => s.ExpenseKey == agreedKey))).ShouldBe(0, "a refused file stores no suggestion");

        csv = csv.Replace("01/06/1989", "01/06/2019", StringComparison.Ordinal) +
            $"02/06/2019,{prefix}-2,20.00,Acme Ltd,{split},391400,Roads\r\n03/06/2019,{prefix}-3,30.00,Acme Ltd,{split},,Bridges\r\n";
        await UploadAsync(api, $"{prefix}.csv", Encoding.UTF8.GetBytes(csv));

        using var browser = await app.SignInAsync(Finance);
        var page = await browser.GetHtmlAsync("/o/anytown/spend/categories");
        page.ShouldContain($"From file {prefix}.csv: ProClass code 231810, label Surveys");
        page.ShouldContain($"From file {prefix}.csv: label Bridges");
        page.ShouldContain("Conflicting");
        var one = await browser.PostFormAsync("/o/anytown/spend/categories", "/o/anytown/spend/categories?handler=Accept",
            new() { ["suggestedType"] = split, ["suggestedCode"] = "391400", ["suggestedLabel"] = "Roads" });
        one.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await (await browser.PostFormAsync("/o/anytown/spend/categories", "/o/anytown/spend/categories?handler=Accept",
            new() { ["suggestedType"] = split, ["suggestedCode"] = "", ["suggestedLabel"] = "Bridges" })).Content.ReadAsStringAsync();
        again.ShouldContain("has a spend category already");
        var all = await browser.PostFormAsync("/o/anytown/spend/categories", "/o/anytown/spend/categories?handler=AcceptAll", new());
        all.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetHtmlAsync(all.Headers.Location!.OriginalString)).ShouldContain("Accepted");
        var categories = await app.WithDbAsync(db => db.SpendCategories.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ExpenseKey == agreedKey || c.ExpenseKey == splitKey).ToDictionaryAsync(c => c.ExpenseKey, c => (c.ProClassCode, c.ProClassLabel)));
        categories[agreedKey].ShouldBe(("231810", "Surveys"));
        categories[splitKey].ShouldBe(("391400", "Roads"));
    }
}

public sealed class CategorySuggestionsTestsOnSqlite(SqliteApp app) : CategorySuggestionsTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class CategorySuggestionsTestsOnPostgres(PostgresApp app) : CategorySuggestionsTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>Which columns of the real files are read as ProClass, and what the tally keeps.</summary>
public sealed class CategorySuggestionRulesTests
{
    private static SpendFileReader Open(string file) =>
        SpendFileReader.Open(new MemoryStream(File.ReadAllBytes(SpendReaderTests.SharedFile("spend-odileeds-collated", file))), file);

    [Fact]
    public void Calderdale_gives_a_label_column_and_an_empty_code_column_but_no_expense_type()
    {
        using var reader = Open("calderdale_2022-08.csv");
        var rows = reader.Rows().ToList();
        var mapping = reader.Mapping!;
        reader.Headers[mapping[SpendField.ProClassLabel]].ShouldBe("Procurement Classification: Council's Procurement Category Name");
        reader.Headers[mapping[SpendField.ProClassCode]].ShouldBe("Proclass");
        mapping.Has(SpendField.ExpenseType).ShouldBeFalse();
        rows.Count.ShouldBe(1956);
        rows.ShouldAllBe(r => r.ProClassCode == null);
        rows.Count(r => r.ProClassLabel == "Private Contractors").ShouldBe(589);
        var tally = new SpendCategorySuggestionTally();
        rows.ForEach(tally.Add);
        tally.Any.ShouldBeFalse("without an expense type there is nothing to suggest a category for");
    }

    [Fact]
    public void North_Tyneside_gives_a_label_column_only_and_the_salford_contracts_register_is_still_no_spend_file()
    {
        using var reader = Open("northtyneside_2020-08_p.csv");
        reader.Rows().First().ProClassLabel.ShouldBe("EDUCATIONAL SUPPLIES.SUPPLIES");
        reader.Headers[reader.Mapping![SpendField.ProClassLabel]].ShouldBe("Procurement Classification");
        reader.Mapping.Has(SpendField.ProClassCode).ShouldBeFalse();

        using var register = Open("salford_2022-07.csv");
        register.Rows().ShouldBeEmpty();
        register.Problems.Single().Reason.ShouldContain("no header row", customMessage: "ProClass columns do not count towards finding a spend header");
    }

    [Fact]
    public void The_tally_keys_by_expense_type_and_leaves_out_values_a_mapping_could_not_hold()
    {
        var tally = new SpendCategorySuggestionTally();
        SpendRow Row(string? type, string? code, string? label, decimal amount) => new(2, new DateOnly(2024, 1, 1), amount, "Acme", false, null, null, type, null, null, null, null, code, label);
        tally.Add(Row("  Agency   staff ", "123", "Agency  Staff", 10.5m));
        tally.Add(Row("AGENCY STAFF", "123", "Agency Staff", 0.25m));
        tally.Add(Row("Agency staff", null, "Temporary staff", 1m));
        tally.Add(Row("Agency staff", new string('9', SpendCategory.MaxProClassCode + 1), null, 1m));
        tally.Add(Row(null, "123", "No expense type", 1m));
        tally.Add(Row("Agency staff", null, null, 1m));
        tally.Entries().ShouldBe([
            new SpendCategorySuggestionTally.Entry("AGENCY STAFF", "Agency staff", "", "Temporary staff", 1, 1m),
            new SpendCategorySuggestionTally.Entry("AGENCY STAFF", "Agency staff", "123", "Agency Staff", 2, 10.75m),
        ]);
        tally.Dropped.ShouldBe(1);
    }
}
