using System.Text.Json;
using Placeshaper.Calendar;
using Placeshaper.Tenders;
using Placeshaper.Tenders.Timetable;
using Placeshaper.Tests.Calendar;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Tenders;

/// <summary>The minimum periods here are test fixtures, not the Act's figures: Placeshaper ships none.</summary>
public sealed class TimetableWarningsTests
{
    private static readonly DateOnly Published = new(2026, 2, 2);

    private static MinimumPeriod Period(Route route, string @case, int days, string counting = MinimumPeriod.Calendar, DateOnly? from = null, DateOnly? to = null) => new()
    {
        Route = route,
        CaseCode = @case,
        Period = MinimumPeriod.Tendering,
        MinimumDays = days,
        Counting = counting,
        AppliesFrom = from ?? new DateOnly(2025, 2, 24),
        AppliesTo = to,
        Source = "test fixture",
    };

    private static IReadOnlyList<string> For(
        Route route, DateOnly closes, IReadOnlyList<MinimumPeriod> periods, ContractKind kind = ContractKind.GoodsAndServices, bool draft = false, DateOnly? published = null) =>
        TimetableWarnings.For(route, kind, published ?? Published, draft, closes, periods, new WorkingDays(BankHolidayFixture.Dates));

    [Fact]
    public void With_no_minimum_periods_loaded_the_timetable_says_it_cannot_be_checked()
    {
        For(Route.OpenProcedure, Published.AddDays(5), []).ShouldBe([TimetableWarnings.NoneLoaded]);
    }

    [Fact]
    public void Below_threshold_routes_and_tenders_without_a_deadline_have_nothing_to_check()
    {
        For(Route.Quotes, Published.AddDays(1), []).ShouldBeEmpty();
        For(Route.BelowThreshold, Published.AddDays(1), [Period(Route.OpenProcedure, "standard", 25)]).ShouldBeEmpty();
        TimetableWarnings.For(Route.OpenProcedure, ContractKind.Works, Published, true, null, [], WorkingDays.WithoutBankHolidays).ShouldBeEmpty();
    }

    [Fact]
    public void A_deadline_short_of_the_minimum_is_a_warning_naming_the_period_and_its_source()
    {
        var periods = new[] { Period(Route.OpenProcedure, "standard", 25) };

        var shortOne = For(Route.OpenProcedure, Published.AddDays(24), periods).ShouldHaveSingleItem();
        For(Route.OpenProcedure, Published.AddDays(25), periods).ShouldBeEmpty("25 days after publication is enough");

        shortOne.ShouldStartWith("Bids close 24 days after the day the tender was published; the minimum tendering period for an open procedure is 25 days (test fixture).");
        shortOne.ShouldContain("qualifying planned procurement notice");
    }

    [Fact]
    public void A_draft_is_checked_as_if_it_were_published_today()
    {
        For(Route.OpenProcedure, Published.AddDays(10), [Period(Route.OpenProcedure, "standard", 25)], draft: true)
            .ShouldHaveSingleItem().ShouldStartWith("Bids close 10 days after today, if it were published today;");
    }

    [Fact]
    public void Light_touch_contracts_use_their_own_row_when_one_is_loaded_and_the_standard_one_otherwise()
    {
        MinimumPeriod[] both = [Period(Route.CompetitiveFlexible, "standard", 25), Period(Route.CompetitiveFlexible, "light-touch", 10)];

        For(Route.CompetitiveFlexible, Published.AddDays(12), both, ContractKind.LightTouchServices).ShouldBeEmpty();
        For(Route.CompetitiveFlexible, Published.AddDays(12), both).ShouldHaveSingleItem();
        For(Route.CompetitiveFlexible, Published.AddDays(12), [both[0]], ContractKind.LightTouchServices).ShouldHaveSingleItem().ShouldContain("is 25 days");
    }

    [Fact]
    public void The_row_in_force_when_the_procurement_commenced_applies()
    {
        MinimumPeriod[] dated = [Period(Route.OpenProcedure, "standard", 30, to: new DateOnly(2026, 1, 31)), Period(Route.OpenProcedure, "standard", 20, from: new DateOnly(2026, 2, 1))];

        For(Route.OpenProcedure, Published.AddDays(22), dated).ShouldBeEmpty("from 1 February 2026 the fixture's minimum is 20 days");
        For(Route.OpenProcedure, Published.AddDays(22), [dated[0]]).ShouldHaveSingleItem().ShouldStartWith("No minimum tendering period is loaded for an open procedure commenced on 2 February 2026");
    }

    [Fact]
    public void Working_day_minimums_skip_bank_holidays_in_any_part_of_the_UK_and_warn_of_years_not_loaded()
    {
        var periods = new[] { Period(Route.OpenProcedure, "standard", 11, MinimumPeriod.Working) };
        var monday = new DateOnly(2026, 3, 2);

        // 3 to 6 March, 9 to 13, 16; 17 March is St Patrick's Day in Northern Ireland: still ten working days by the 17th.
        For(Route.OpenProcedure, new DateOnly(2026, 3, 17), periods, published: monday).ShouldHaveSingleItem().ShouldStartWith("Bids close 10 working days after");
        For(Route.OpenProcedure, new DateOnly(2026, 3, 18), periods, published: monday).ShouldBeEmpty();
        For(Route.OpenProcedure, new DateOnly(2027, 3, 18), periods, published: monday).ShouldHaveSingleItem().ShouldStartWith("No bank holidays are loaded for 2027");
    }
}

public abstract class TimetableWarningsApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    private static async Task<Infrastructure.Cli.Run> ImportAsync(TestApp app, string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"minimum-periods-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        try
        {
            return await Infrastructure.Cli.RunAsync("import", "minimum-periods", path, "--database", app.ConnectionString);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json") };
        var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_tender_warns_when_bids_close_sooner_than_the_imported_minimum_and_never_refuses()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("procurement@anytown.example");
        var drafted = await SendAsync(api, HttpMethod.Post, "/api/v1/orgs/anytown/tenders",
            new { reference = "T-" + Guid.NewGuid().ToString("N")[..8], title = "Street lighting maintenance", kind = "GoodsAndServices", estimatedValue = 300_000m });
        var root = $"/api/v1/orgs/anytown/tenders/{drafted.GetProperty("id").GetString()}";
        var soon = await SendAsync(api, HttpMethod.Put, root + "/timetable", new { submissionDeadline = DateTime.UtcNow.Date.AddDays(12).AddHours(12) });

        var imported = await ImportAsync(app, "route,case,period,minimum_days,counting,from,to,source\nOpenProcedure,standard,tendering,25,calendar,2025-02-24,,Test fixture (not the Act)\n");
        var again = await ImportAsync(app, "route,case,period,minimum_days,counting,from,to,source\nOpenProcedure,standard,tendering,25,calendar,2025-02-24,,Test fixture (not the Act)\n");
        var checkedTender = await (await api.GetPathAsync(root)).ReadJsonAsync();
        using var browser = await app.SignInAsync("procurement@anytown.example");
        var show = await browser.GetHtmlAsync(root.Replace("/api/v1/orgs", "/o", StringComparison.Ordinal));
        var form = await browser.GetHtmlAsync(root.Replace("/api/v1/orgs", "/o", StringComparison.Ordinal) + "/lots-and-timetable");
        var later = await SendAsync(api, HttpMethod.Put, root + "/timetable", new { submissionDeadline = DateTime.UtcNow.Date.AddDays(40).AddHours(12) });

        drafted.GetProperty("route").GetString().ShouldBe("OpenProcedure");
        soon.GetProperty("timetableWarnings").EnumerateArray().Select(w => w.GetString()).ShouldBe([TimetableWarnings.NoneLoaded]);
        imported.ExitCode.ShouldBe(0, imported.Error);
        imported.Output.ShouldContain("read 1, added 1");
        again.Output.ShouldContain("read 1, added 0, updated 0, unchanged 1");
        var warning = checkedTender.GetProperty("timetableWarnings").EnumerateArray().ShouldHaveSingleItem().GetString()!;
        warning.ShouldStartWith("Bids close 1");
        warning.ShouldContain("days after today, if it were published today; the minimum tendering period for an open procedure is 25 days (Test fixture (not the Act))");
        show.ShouldContain("id=\"timetable-warnings\"");
        show.ShouldContain("the minimum tendering period for an open procedure is 25 days");
        form.ShouldContain("the minimum tendering period for an open procedure is 25 days");
        later.GetProperty("timetableWarnings").GetArrayLength().ShouldBe(0);
        later.GetProperty("submissionDeadline").ValueKind.ShouldBe(JsonValueKind.String, "a warning never stops the timetable being saved");
    }

    [Fact]
    public async Task A_minimum_periods_file_with_any_problem_is_refused_whole_with_line_and_column()
    {
        app.RequireDatabase();

        var run = await ImportAsync(app, "route,case,period,minimum_days,counting,from,to,source\nQuotes,standard,tendering,25,calendar,2025-02-24,,s.54\nOpenProcedure,Standard Case,tendering,0,weekdays,2025-02-24,2024-01-01,\n");
        var noSource = await ImportAsync(app, "route,case,period,minimum_days,counting,from\nOpenProcedure,standard,tendering,25,calendar,2025-02-24\n");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain(":2: route: 'Quotes' is not a procedure with minimum periods");
        run.Error.ShouldContain(":3: case: 'Standard Case' is not a case");
        run.Error.ShouldContain(":3: minimum_days: '0' is not a number of days from 1 to 365");
        run.Error.ShouldContain(":3: counting: 'weekdays' is not how days are counted");
        run.Error.ShouldContain(":3: to: '2024-01-01' is not a date on or after the 'from' date");
        run.Error.ShouldContain(":3: source: cite where the figure comes from");
        noSource.ExitCode.ShouldBe(1);
        noSource.Error.ShouldContain(":1: source: the header has no 'source' column");
        (await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MinimumPeriods.Where(p => p.Source == "s.54")))).ShouldBe(0);
    }
}

public sealed class TimetableWarningsApiTestsOnSqlite(SqliteApp app) : TimetableWarningsApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class TimetableWarningsApiTestsOnPostgres(PostgresApp app) : TimetableWarningsApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
