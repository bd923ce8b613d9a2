using System.Net;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Calendar;

public abstract class BankHolidaysTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static async Task<Infrastructure.Cli.Run> ImportAsync(TestApp app, string json, string name = "bank-holidays.json")
    {
        var folder = Path.Combine(Path.GetTempPath(), "placeshaper-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, json);
        try
        {
            return await Infrastructure.Cli.RunAsync("import", "bank-holidays", path, "--database", app.ConnectionString);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task GOV_UKs_bank_holidays_json_imports_whole_and_importing_it_again_changes_nothing()
    {
        app.RequireDatabase();

        var first = await ImportAsync(app, BankHolidayFixture.Json);
        var again = await ImportAsync(app, BankHolidayFixture.Json);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain($"bank-holidays.json: read {BankHolidayFixture.Events}, ");
        again.ExitCode.ShouldBe(0, again.Error);
        again.Output.ShouldContain($"read {BankHolidayFixture.Events}, added 0, updated 0, unchanged {BankHolidayFixture.Events}");
        var scottish = await app.WithDbAsync(db => db.BankHolidays.SingleAsync(h => h.Division == "scotland" && h.Date == new DateOnly(2026, 1, 2)));
        scottish.Title.ShouldBe("2nd January");
        scottish.Source.ShouldStartWith("bank-holidays.json, in GOV.UK's bank-holidays.json format (sha256 ");
        (await app.WithDbAsync(db => db.BankHolidays.CountAsync(h => h.Date.Year == 2026 && h.Notes == "Substitute day"))).ShouldBe(4);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == "bank-holidays-imported"))).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_file_with_any_problem_is_refused_whole_naming_the_file_and_the_field()
    {
        app.RequireDatabase();
        var before = await app.WithDbAsync(db => db.BankHolidays.CountAsync());
        const string json = """
            {
              "england-and-wales": {"division": "england-and-wales", "events": [
                {"title": "Good day", "date": "2029-06-01", "notes": "", "bunting": true},
                {"title": "Twice", "date": "2029-06-01", "notes": "", "bunting": true}]},
              "scotland": {"division": "scotland", "events": [
                {"title": "New Year’s Day", "date": "2029-01-01", "notes": "", "bunting": true},
                {"title": "Not a day", "date": "2029-02-30", "notes": "", "bunting": true},
                {"title": "", "date": "2029-03-01", "notes": "", "bunting": "yes"}]},
              "wales": {"division": "wales", "events": []}
            }
            """;

        var run = await ImportAsync(app, json, "holidays.json");
        var notJson = await ImportAsync(app, "title,date\nChristmas,2029-12-25\n", "holidays.csv");

        run.ExitCode.ShouldBe(1);
        run.Output.ShouldContain("holidays.json: refused, nothing imported (5 problems)");
        run.Error.ShouldContain("holidays.json: england-and-wales.events[1].date: 2029-06-01 appears more than once for england-and-wales");
        run.Error.ShouldContain("holidays.json: scotland.events[1].date: '2029-02-30' is not a date like 2026-12-28");
        run.Error.ShouldContain("holidays.json: scotland.events[2].title: give the holiday's name");
        run.Error.ShouldContain("holidays.json: scotland.events[2].bunting: expected true or false");
        run.Error.ShouldContain("holidays.json: wales: 'wales' is not one of GOV.UK's divisions");
        notJson.ExitCode.ShouldBe(1);
        notJson.Error.ShouldContain("holidays.csv:1: this is not JSON");
        (await app.WithDbAsync(db => db.BankHolidays.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_moved_holiday_replaces_the_old_date_only_in_the_division_and_year_the_file_speaks_for()
    {
        app.RequireDatabase();
        (await ImportAsync(app, """{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Early May bank holiday","date":"2031-05-05","notes":"","bunting":true}]},"scotland":{"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2031-12-01","notes":"Substitute day","bunting":true}]}}""")).ExitCode.ShouldBe(0);

        var moved = await ImportAsync(app, """{"scotland":{"division":"scotland","events":[{"title":"St Andrew’s Day","date":"2031-12-02","notes":"Substitute day","bunting":true}]}}""");

        moved.Output.ShouldContain("read 1, added 1, updated 0, unchanged 0, removed 1");
        var in2031 = await app.WithDbAsync(db => db.BankHolidays.Where(h => h.Date.Year == 2031).OrderBy(h => h.Date).Select(h => new { h.Division, h.Date }).ToListAsync());
        in2031.Select(h => $"{h.Division} {h.Date:yyyy-MM-dd}").ShouldBe(["england-and-wales 2031-05-05", "scotland 2031-12-02"]);
    }

    [Fact]
    public async Task The_standstill_counts_every_part_of_the_UK_and_warns_of_years_with_no_holidays_loaded()
    {
        app.RequireDatabase();
        (await ImportAsync(app, BankHolidayFixture.Json)).ExitCode.ShouldBe(0);
        using var api = await app.ApiAsAsync("procurement@anytown.example");

        var newYear = await (await api.GetPathAsync("/api/v1/standstill?published=2025-12-29")).ReadJsonAsync();
        var christmas = await (await api.GetPathAsync("/api/v1/standstill?published=2026-12-24")).ReadJsonAsync();
        var nonsense = await api.GetPathAsync("/api/v1/standstill?published=29/12/2025");

        newYear.GetProperty("endsOn").GetString().ShouldBe("2026-01-09", "2 January is a Scottish bank holiday");
        newYear.GetProperty("workingDays").GetInt32().ShouldBe(8);
        newYear.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        christmas.GetProperty("endsOn").GetString().ShouldBe("2027-01-06");
        christmas.GetProperty("warnings")[0].GetString()!.ShouldStartWith("No bank holidays are loaded for 2027: import GOV.UK's bank-holidays.json");
        (await nonsense.ShouldBeProblemAsync(400)).GetProperty("errors").TryGetProperty("published", out _).ShouldBeTrue();
        var listed = await (await api.GetPathAsync("/api/v1/bank-holidays")).ReadJsonAsync();
        listed.EnumerateArray().ShouldContain(h => h.GetProperty("division").GetString() == "northern-ireland" && h.GetProperty("date").GetString() == "2026-03-17");
    }

    [Fact]
    public async Task Administrators_see_the_holidays_loaded_by_part_of_the_UK_and_year_with_their_source()
    {
        app.RequireDatabase();
        (await ImportAsync(app, BankHolidayFixture.Json)).ExitCode.ShouldBe(0);
        using var administrator = await app.SignInAsync("administrator@anytown.example");
        using var commissioner = await app.SignInAsync("commissioner@anytown.example");

        var page = await administrator.GetHtmlAsync("/o/anytown/working-days");
        using var refused = await commissioner.GetAsync("/o/anytown/working-days");

        page.ShouldContain("Scotland, 2026</caption>");
        page.ShouldContain("<td class=\"govuk-table__cell\">2nd January</td>");
        page.ShouldContain("Source: bank-holidays.json, in GOV.UK&#x27;s bank-holidays.json format");
        page.ShouldContain("No minimum periods are loaded");
        refused.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound]);
    }
}

public sealed class BankHolidaysTestsOnSqlite(SqliteApp app) : BankHolidaysTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class BankHolidaysTestsOnPostgres(PostgresApp app) : BankHolidaysTests<PostgresApp>(app), IClassFixture<PostgresApp>;
