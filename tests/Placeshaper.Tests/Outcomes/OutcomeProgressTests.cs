using FsCheck;
using FsCheck.Fluent;
using Placeshaper.Needs;
using Placeshaper.Outcomes;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Outcomes;

public sealed class OutcomeProgressTests
{
    private static readonly DateOnly Baseline = new(2023, 4, 1);
    private static readonly DateOnly Target = new(2027, 4, 1);

    [Fact]
    public void Progress_is_the_share_of_the_way_and_the_trajectory_is_a_straight_line()
    {
        // Halfway in time (731 of 1,461 days, 2024 being a leap year), a falling target: 100 → 80, so the line expects just under 90.
        var progress = OutcomeProgress.Of(100m, Baseline, 80m, Target, 88m, new DateOnly(2025, 4, 1));

        progress.ShareOfWay.ShouldBe(0.6m);
        progress.Expected.ShouldBe(89.9932m);
        progress.OnTrack.ShouldBeTrue();
        progress.Working.ShouldContain("Progress: (88 − 100) ÷ (80 − 100) = 60.0% of the way.");
    }

    [Fact]
    public void A_measure_short_of_the_line_is_off_track_even_when_it_has_improved()
    {
        var progress = OutcomeProgress.Of(78.5m, Baseline, 85m, Target, 80m, new DateOnly(2026, 4, 1));

        progress.ShareOfWay.ShouldBe(0.2308m);
        progress.OnTrack.ShouldBeFalse();
    }

    [Fact]
    public void Moving_away_from_the_target_is_negative_progress()
    {
        var falls = OutcomeProgress.Of(2_180m, new DateOnly(2019, 1, 1), 1_900m, new DateOnly(2027, 3, 31), 2_360m, new DateOnly(2024, 1, 1));

        falls.ShareOfWay.ShouldBe(-0.6429m);
        falls.OnTrack.ShouldBeFalse();
    }

    [Fact]
    public void Holding_the_line_uses_which_way_is_better()
    {
        OutcomeProgress.Of(50m, Baseline, 50m, Target, 52m, new DateOnly(2025, 1, 1), Polarity.HigherIsBetter).OnTrack.ShouldBeTrue();
        OutcomeProgress.Of(50m, Baseline, 50m, Target, 52m, new DateOnly(2025, 1, 1), Polarity.LowerIsBetter).OnTrack.ShouldBeFalse();
    }

    [Fact]
    public void Reaching_the_target_is_always_on_track_and_the_expected_value_stays_between_baseline_and_target()
    {
        var cases =
            from baseline in Gen.Choose(-1000, 1000)
            from target in Gen.Choose(-1000, 1000)
            where target != baseline
            from days in Gen.Choose(-400, 2000)
            select (Baseline: (decimal)baseline, Target: (decimal)target, Days: days);

        Prop.ForAll(Arb.From(cases), c =>
            {
                var on = Baseline.AddDays(c.Days);
                var reached = OutcomeProgress.Of(c.Baseline, Baseline, c.Target, Target, c.Target, on);
                var low = Math.Min(c.Baseline, c.Target);
                var high = Math.Max(c.Baseline, c.Target);
                return reached.OnTrack && reached.ShareOfWay == 1m && reached.Expected >= low && reached.Expected <= high;
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Targets_dated_before_their_baselines_are_refused() =>
        Should.Throw<ArgumentException>(() => OutcomeProgress.Of(1m, Target, 2m, Baseline, 1m, Target));
}

public abstract class OutcomesApiTests<TApp>(TApp app)
    where TApp : TestApp
{
    [Fact]
    public async Task The_framework_shows_each_measures_progress_computed_from_its_indicator_or_its_own_figures()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("councillor@anytown.example");

        var framework = await (await api.GetPathAsync("/api/v1/orgs/anytown/outcomes")).ReadJsonAsync();

        framework.GetProperty("rule").GetString()!.ShouldContain("straight line");
        var measures = framework.GetProperty("themes").EnumerateArray()
            .SelectMany(t => t.GetProperty("outcomes").EnumerateArray())
            .SelectMany(o => o.GetProperty("measures").EnumerateArray())
            .ToDictionary(m => m.GetProperty("name").GetString()!);
        var falls = measures["Emergency admissions due to falls, 65 and over, Anytown"];
        falls.GetProperty("latest").GetDecimal().ShouldBe(2_360m);
        falls.GetProperty("progress").GetProperty("onTrack").GetBoolean().ShouldBeFalse();
        var reablement = measures["Older people still at home 91 days after leaving hospital into reablement"];
        reablement.GetProperty("owner").GetString().ShouldBe("Anytown Integrated Care Board");
        reablement.GetProperty("progress").GetProperty("shareOfWay").GetDecimal().ShouldBe(0.4154m);
    }

    [Fact]
    public async Task A_target_dated_before_its_baseline_is_refused_with_the_field_named()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        var framework = await (await api.GetPathAsync("/api/v1/orgs/anytown/outcomes")).ReadJsonAsync();
        var outcomeId = framework.GetProperty("themes")[0].GetProperty("outcomes")[0].GetProperty("id").GetString();

        var response = await api.PostJsonAsync("/api/v1/orgs/anytown/outcomes/measures", new
        {
            outcomeId,
            name = "Backwards",
            unit = "%",
            baseline = 10m,
            baselineDate = "2025-04-01",
            target = 20m,
            targetDate = "2024-04-01",
        });

        (await response.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("targetDate")[0].GetString().ShouldBe("The target date must be after the baseline date");
    }

    [Fact]
    public async Task Themes_outcomes_and_measures_are_changed_and_retired_through_the_API_with_problems_for_bad_input()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("commissioner@anytown.example");
        static async Task<string> IdOf(HttpResponseMessage created) => (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
        var themeId = await IdOf(await api.PostJsonAsync("/api/v1/orgs/anytown/outcomes/themes", new { name = "Safer streets " + Guid.NewGuid().ToString("N")[..6] }));
        var outcomeId = await IdOf(await api.PostJsonAsync("/api/v1/orgs/anytown/outcomes", new { themeId, statement = "Residents feel safe after dark" }));
        var measureId = await IdOf(await api.PostJsonAsync("/api/v1/orgs/anytown/outcomes/measures", new
        {
            outcomeId,
            name = "Feel safe after dark",
            unit = "%",
            polarity = "HigherIsBetter",
            baseline = 55m,
            baselineDate = "2024-04-01",
            target = 65m,
            targetDate = "2027-04-01",
        }));

        var renamed = await api.PutJsonAsync($"/api/v1/orgs/anytown/outcomes/themes/{themeId}", new { name = "Safer streets and parks" });
        var takenName = await api.PutJsonAsync($"/api/v1/orgs/anytown/outcomes/themes/{themeId}", new { name = "Connected communities" });
        var reworded = await api.PutJsonAsync($"/api/v1/orgs/anytown/outcomes/{outcomeId}", new { statement = "Residents feel safe in their streets after dark" });
        var otherProgramme = await api.PutJsonAsync($"/api/v1/orgs/anytown/outcomes/{outcomeId}", new { statement = "x", programmeId = Guid.NewGuid() });
        var revised = await api.PutJsonAsync($"/api/v1/orgs/anytown/outcomes/measures/{measureId}", new
        {
            name = "Feel safe outside after dark",
            baseline = 54m,
            baselineDate = "2024-04-01",
            target = 70m,
            targetDate = "2028-04-01",
            owner = "anytown-police",
        });
        var backwards = await api.PutJsonAsync($"/api/v1/orgs/anytown/outcomes/measures/{measureId}", new
        {
            name = "Feel safe",
            baseline = 54m,
            baselineDate = "2024-04-01",
            target = 70m,
            targetDate = "2023-04-01",
        });
        var unknown = await api.PutJsonAsync($"/api/v1/orgs/anytown/outcomes/measures/{Guid.NewGuid()}", new { name = "Nothing" });
        var noReason = await api.PostJsonAsync($"/api/v1/orgs/anytown/outcomes/measures/{measureId}/retire", new { reason = "" });
        var retiredMeasure = await api.PostJsonAsync($"/api/v1/orgs/anytown/outcomes/measures/{measureId}/retire", new { reason = "Replaced by the police survey" });
        var figureAfter = await api.PostJsonAsync($"/api/v1/orgs/anytown/outcomes/measures/{measureId}/figures", new { value = 60m, on = "2025-04-01" });
        var retiredOutcome = await api.PostJsonAsync($"/api/v1/orgs/anytown/outcomes/{outcomeId}/retire", new { reason = "Now a community safety partnership outcome" });
        var twice = await api.PostJsonAsync($"/api/v1/orgs/anytown/outcomes/{outcomeId}/retire", new { reason = "Again" });
        var active = await (await api.GetPathAsync("/api/v1/orgs/anytown/outcomes")).ReadJsonAsync();
        var all = await (await api.GetPathAsync("/api/v1/orgs/anytown/outcomes?includeRetired=true")).ReadJsonAsync();

        renamed.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await takenName.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("There is already a theme with that name");
        reworded.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await otherProgramme.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("programmeId")[0].GetString().ShouldBe("Choose a programme the organisation leads");
        revised.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await backwards.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("targetDate")[0].GetString().ShouldBe("The target date must be after the baseline date");
        await unknown.ShouldBeProblemAsync(404);
        (await noReason.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("Say why the measure is being retired, up to 500 characters");
        retiredMeasure.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await figureAfter.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("value")[0].GetString().ShouldBe("This measure is retired: it takes no more figures");
        retiredOutcome.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await twice.ShouldBeProblemAsync(400)).GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("This outcome is already retired");
        static IEnumerable<System.Text.Json.JsonElement> Outcomes(System.Text.Json.JsonElement framework) =>
            framework.GetProperty("themes").EnumerateArray().SelectMany(t => t.GetProperty("outcomes").EnumerateArray());
        Outcomes(active).ShouldNotContain(o => o.GetProperty("id").GetString() == outcomeId);
        var kept = Outcomes(all).Single(o => o.GetProperty("id").GetString() == outcomeId);
        kept.GetProperty("statement").GetString().ShouldBe("Residents feel safe in their streets after dark");
        kept.GetProperty("retiredReason").GetString().ShouldBe("Now a community safety partnership outcome");
        var measure = kept.GetProperty("measures")[0];
        measure.GetProperty("name").GetString().ShouldBe("Feel safe outside after dark");
        measure.GetProperty("owner").GetString().ShouldBe("Anytown Police");
        (measure.GetProperty("baseline").GetDecimal(), measure.GetProperty("target").GetDecimal()).ShouldBe((54m, 70m));
        measure.GetProperty("retiredReason").GetString().ShouldBe("Replaced by the police survey");
    }

    [Fact]
    public async Task Only_commissioners_and_administrators_change_the_framework_through_the_API()
    {
        app.RequireDatabase();
        using var api = await app.ApiAsAsync("councillor@anytown.example");
        var framework = await (await api.GetPathAsync("/api/v1/orgs/anytown/outcomes")).ReadJsonAsync();
        var outcomeId = framework.GetProperty("themes")[0].GetProperty("outcomes")[0].GetProperty("id").GetString();

        var response = await api.PostJsonAsync($"/api/v1/orgs/anytown/outcomes/{outcomeId}/retire", new { reason = "Not mine to retire" });

        await response.ShouldBeProblemAsync(403);
    }
}

public sealed class OutcomesApiTestsOnSqlite(SqliteApp app) : OutcomesApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class OutcomesApiTestsOnPostgres(PostgresApp app) : OutcomesApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
