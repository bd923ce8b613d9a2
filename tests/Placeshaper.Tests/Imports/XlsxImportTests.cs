using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Imports;

/// <summary>Excel workbooks go through the same imports as CSV: whole or not at all, idempotent, problems placed by sheet, row and column.</summary>
public abstract class XlsxImportTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static async Task<Infrastructure.Cli.Run> ImportAsync(TestApp app, byte[] workbook, string name, params string[] args)
    {
        var directory = Directory.CreateTempSubdirectory("placeshaper-xlsx-");
        var path = Path.Combine(directory.FullName, name);
        await File.WriteAllBytesAsync(path, workbook);
        try
        {
            return await Infrastructure.Cli.RunAsync([.. args, path, "--database", app.ConnectionString]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_CLI_imports_areas_from_a_named_worksheet_once_and_only_once()
    {
        app.RequireDatabase();
        var suffix = Random.Shared.Next(100, 999);
        var workbook = Workbooks.Create(
            Workbooks.Rows("Notes", ["Read me"], ["The wards are on the next sheet"]),
            Workbooks.Rows("Wards", ["code", "name", "level", "parent_code"], [$"E05777{suffix}", "Hillside", "ward", "E06009001"], [$"E05778{suffix}", "Dale", "Ward", "E06009001"]));

        var first = await ImportAsync(app, workbook, "wards.xlsx", "import", "areas", "--org", "anytown", "--sheet", "Wards");
        var again = await ImportAsync(app, workbook, "wards.xlsx", "import", "areas", "--org", "anytown", "--sheet", "Wards");

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("wards.xlsx (sheet Wards): read 2, added 2, updated 0, unchanged 0");
        again.Output.ShouldContain("wards.xlsx (sheet Wards): read 2, added 0, updated 0, unchanged 2");
        (await app.WithDbAsync(db => db.Areas.Where(a => a.Code == $"E05778{suffix}").Select(a => a.Name).SingleAsync())).ShouldBe("Dale");
    }

    [Fact]
    public async Task A_bad_cell_refuses_the_workbook_naming_file_sheet_row_and_column_and_imports_nothing()
    {
        app.RequireDatabase();
        var before = await app.WithDbAsync(db => db.Areas.CountAsync());
        var workbook = Workbooks.Create(Workbooks.Rows("Wards", ["code", "name", "level"], ["E05776001", "Upton", "ward"], ["E05776002", "Downton", "hamlet"]));

        var run = await ImportAsync(app, workbook, "bad-wards.xlsx", "import", "areas", "--org", "anytown");
        var missingSheet = await ImportAsync(app, workbook, "bad-wards.xlsx", "import", "areas", "--org", "anytown", "--sheet", "Parishes");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("bad-wards.xlsx (sheet Wards): refused, nothing imported (1 problem)");
        run.Error.ShouldContain("bad-wards.xlsx: sheet Wards, row 3, column C (level): 'hamlet' is not a level");
        missingSheet.ExitCode.ShouldBe(1);
        missingSheet.Error.ShouldContain("the workbook has no worksheet 'Parishes'; its worksheets are Wards");
        (await app.WithDbAsync(db => db.Areas.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task The_CLI_imports_wide_figures_from_a_workbook_whose_period_headers_are_numbers()
    {
        app.RequireDatabase();
        var workbook = Workbooks.Create(Workbooks.Rows("Sheet1", ["area_code", "indicator", 2030, 2031], ["E05999003", "lonely-adults", 7.5m, new Workbooks.RawNumber("8.1000000000000014")]));

        var run = await ImportAsync(app, workbook, "lonely.xlsx", "import", "indicator-values", "--org", "anytown");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("lonely.xlsx (sheet Sheet1): read 1");
        var values = await app.WithDbAsync(db => db.IndicatorValues
            .Where(v => db.Areas.Any(a => a.Id == v.AreaId && a.Code == "E05999003") && (v.Period == "2030" || v.Period == "2031"))
            .OrderBy(v => v.Period).Select(v => v.Value).ToListAsync());
        values.ShouldBe([7.5m, 8.1m]);
    }

    [Fact]
    public async Task The_needs_page_takes_a_workbook_and_shows_a_bad_cell_by_row_and_column_without_importing_anything()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("commissioner@anytown.example");
        var before = await app.WithDbAsync(db => db.IndicatorValues.CountAsync());
        var bad = Workbooks.Create(Workbooks.Rows("Falls", ["area_code", "period", "indicator", "value"], ["E05999001", "2032", "falls-65", 1], ["E05999002", "2032", "falls-65", "lots"]));
        var good = Workbooks.Create(Workbooks.Rows("Falls", ["area_code", "period", "indicator", "value"], ["E05999001", "2032", "falls-65", 1], ["E05999002", "2032", "falls-65", 2]));

        using var refused = await browser.PostFileAsync("/o/anytown/needs", "/o/anytown/needs", "falls.xlsx", bad, new() { ["sheet"] = "falls" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var afterRefusal = await app.WithDbAsync(db => db.IndicatorValues.CountAsync());
        using var imported = await browser.PostFileAsync("/o/anytown/needs", "/o/anytown/needs", "falls.xlsx", good);

        refusedHtml.ShouldContain("falls.xlsx (sheet Falls): refused, nothing imported (1 problem)");
        refusedHtml.ShouldContain("<th scope=\"col\" class=\"govuk-table__header\">Row</th>");
        refusedHtml.ShouldContain("<td class=\"govuk-table__cell\">3</td><td class=\"govuk-table__cell\">D (value)</td><td class=\"govuk-table__cell\">&#x27;lots&#x27; is not a number");
        afterRefusal.ShouldBe(before);
        (await imported.Content.ReadAsStringAsync()).ShouldContain("falls.xlsx (sheet Falls): read 2, added 2, updated 0, unchanged 0");
        (await app.WithDbAsync(db => db.IndicatorValues.CountAsync())).ShouldBe(before + 2);
    }

    [Fact]
    public async Task The_areas_page_and_the_API_take_workbooks_too()
    {
        app.RequireDatabase();
        using var browser = await app.SignInAsync("administrator@anytown-icb.example");
        var page = Workbooks.Create(Workbooks.Rows("Places", ["code", "name", "level"], ["PCN1", "North primary care network", "locality"]));
        var api = Workbooks.Create(Workbooks.Rows("Places", ["code", "name", "level"], ["PCN2", "South primary care network", "village"]));
        using var client = await app.ApiAsAsync("administrator@anytown-icb.example");

        using var uploaded = await browser.PostFileAsync("/o/anytown-icb/areas", "/o/anytown-icb/areas", "pcns.xlsx", page);
        var refused = await client.PostAsync(new Uri("/api/v1/orgs/anytown-icb/areas/import?file=pcns.xlsx&sheet=Places", UriKind.Relative), new ByteArrayContent(api));

        (await uploaded.Content.ReadAsStringAsync()).ShouldContain("pcns.xlsx (sheet Places): read 1, added 1");
        var problem = (await refused.ShouldBeProblemAsync(422)).GetProperty("problems")[0];
        (problem.GetProperty("sheet").GetString(), problem.GetProperty("line").GetInt32(), problem.GetProperty("cell").GetString(), problem.GetProperty("column").GetString())
            .ShouldBe(("Places", 2, "C2", "level"));
        (await app.WithDbAsync(db => db.Areas.AnyAsync(a => a.Code == "PCN2"))).ShouldBeFalse();
    }
}

public sealed class XlsxImportTestsOnSqlite(SqliteApp app) : XlsxImportTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class XlsxImportTestsOnPostgres(PostgresApp app) : XlsxImportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
