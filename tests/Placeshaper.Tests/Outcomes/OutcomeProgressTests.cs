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
}

public sealed class OutcomesApiTestsOnSqlite(SqliteApp app) : OutcomesApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class OutcomesApiTestsOnPostgres(PostgresApp app) : OutcomesApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
