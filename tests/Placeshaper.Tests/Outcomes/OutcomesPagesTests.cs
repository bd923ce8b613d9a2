using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Placeshaper.Tests.Infrastructure;

namespace Placeshaper.Tests.Outcomes;

/// <summary>The outcomes framework kept by hand from its pages: each form saves, and refuses what breaks a rule with the field named.</summary>
public abstract partial class OutcomesPagesTests<TApp>(TApp app)
    where TApp : TestApp
{
    private const string Commissioner = "commissioner@anytown.example";
    private const string Outcomes = "/o/anytown/outcomes";

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..6]}";

    private static Guid IdIn(HttpResponseMessage redirect, string kind)
    {
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(Regex.Match(redirect.Headers.Location!.ToString(), $"#{kind}-([0-9a-f-]{{36}})$").Groups[1].Value);
    }

    private static Dictionary<string, string> Measure(string name, string baseline = "60", string baselineYear = "2024", string target = "80", string targetYear = "2028") => new()
    {
        ["Input.Name"] = name,
        ["Input.Indicator"] = "",
        ["Input.Unit"] = "%",
        ["Input.Polarity"] = "HigherIsBetter",
        ["Input.Baseline"] = baseline,
        ["Input.BaselineDate.Day"] = "1",
        ["Input.BaselineDate.Month"] = "4",
        ["Input.BaselineDate.Year"] = baselineYear,
        ["Input.Target"] = target,
        ["Input.TargetDate.Day"] = "1",
        ["Input.TargetDate.Month"] = "4",
        ["Input.TargetDate.Year"] = targetYear,
        ["Input.Owner"] = "anytown-icb",
    };

    private async Task<(BrowserClient Browser, Guid Theme, Guid Outcome)> ThemeAndOutcomeAsync(string? programmeId = null)
    {
        var browser = await app.SignInAsync(Commissioner);
        using var theme = await browser.PostFormAsync($"{Outcomes}/themes/new", $"{Outcomes}/themes/new", new() { ["Name"] = Unique("Starting well") });
        var themeId = IdIn(theme, "theme");
        var add = $"{Outcomes}/themes/{themeId}/outcomes/new";
        using var outcome = await browser.PostFormAsync(add, add, new() { ["Statement"] = "Children are ready for school", ["ProgrammeId"] = programmeId ?? "" });
        return (browser, themeId, IdIn(outcome, "outcome"));
    }

    [Fact]
    public async Task A_commissioner_builds_a_measure_by_hand_records_a_figure_and_sees_progress_computed()
    {
        app.RequireDatabase();
        var (browser, _, outcomeId) = await ThemeAndOutcomeAsync();
        using var _browser = browser;
        var addMeasure = $"{Outcomes}/{outcomeId}/measures/new";

        using var measure = await browser.PostFormAsync(addMeasure, addMeasure, Measure("Children with a good level of development"));
        var measureId = IdIn(measure, "measure");
        var figure = $"{Outcomes}/measures/{measureId}/figures";
        using var recorded = await browser.PostFormAsync(figure, figure, new() { ["Value"] = "70", ["On.Day"] = "1", ["On.Month"] = "4", ["On.Year"] = "2026" });
        var page = await browser.GetHtmlAsync(Outcomes);

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = Row(page, measureId);
        row.ShouldContain("Children with a good level of development");
        row.ShouldContain("owned by Anytown Integrated Care Board");
        row.ShouldContain("50%");
        row.ShouldContain("On track");
        WebUtility.HtmlDecode(row).ShouldContain("(70 − 60) ÷ (80 − 60) = 50.0% of the way.");
        var stored = await app.WithDbAsync(db => db.OutcomeMeasures.SingleAsync(m => m.Id == measureId));
        (stored.Baseline, stored.Target, stored.LatestValue, stored.LatestDate).ShouldBe((60m, 80m, (decimal?)70m, (DateOnly?)new DateOnly(2026, 4, 1)));
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == measureId.ToString() && e.Action == "updated"))).ShouldBe(1);
    }

    [Fact]
    public async Task Forms_refuse_what_breaks_a_rule_and_name_the_field()
    {
        app.RequireDatabase();
        var (browser, themeId, outcomeId) = await ThemeAndOutcomeAsync();
        using var _browser = browser;
        var addMeasure = $"{Outcomes}/{outcomeId}/measures/new";
        var before = await app.WithDbAsync(db => db.OutcomeMeasures.CountAsync());

        using var blankTheme = await browser.PostFormAsync($"{Outcomes}/themes/new", $"{Outcomes}/themes/new", new() { ["Name"] = " " });
        using var takenTheme = await browser.PostFormAsync($"{Outcomes}/themes/new", $"{Outcomes}/themes/new", new() { ["Name"] = "Living well in later life" });
        var addOutcome = $"{Outcomes}/themes/{themeId}/outcomes/new";
        using var blankOutcome = await browser.PostFormAsync(addOutcome, addOutcome, new() { ["Statement"] = "" });
        using var backwards = await browser.PostFormAsync(addMeasure, addMeasure, Measure("Backwards", baselineYear: "2026", targetYear: "2025"));
        using var words = await browser.PostFormAsync(addMeasure, addMeasure, Measure("Words", baseline: "sixty").With("Input.TargetDate.Day", "31").With("Input.TargetDate.Month", "2"));
        using var noUnit = await browser.PostFormAsync(addMeasure, addMeasure, Measure("No unit").With("Input.Unit", "").With("Input.Owner", "nobody"));

        (await blankTheme.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#name\">Enter the theme&#x27;s name, up to 200 characters</a>");
        (await takenTheme.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#name\">There is already a theme with that name</a>");
        (await blankOutcome.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#statement\">Say what will be different for local people, up to 500 characters</a>");
        (await backwards.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#targetDate\">The target date must be after the baseline date</a>");
        var wordsHtml = await words.Content.ReadAsStringAsync();
        wordsHtml.ShouldContain("<a href=\"#baseline\">Enter the baseline as a number, like 78.5</a>");
        wordsHtml.ShouldContain("<a href=\"#targetDate\">The target date must be a real date, like 31 3 2027</a>");
        var noUnitHtml = await noUnit.Content.ReadAsStringAsync();
        noUnitHtml.ShouldContain("<a href=\"#unit\">");
        noUnitHtml.ShouldContain("<a href=\"#owner\">There is no organisation &#x27;nobody&#x27;</a>");
        noUnitHtml.ShouldContain("value=\"No unit\"");
        (await app.WithDbAsync(db => db.OutcomeMeasures.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_figure_dated_before_the_baseline_or_not_a_number_is_refused()
    {
        app.RequireDatabase();
        var (browser, _, outcomeId) = await ThemeAndOutcomeAsync();
        using var _browser = browser;
        var addMeasure = $"{Outcomes}/{outcomeId}/measures/new";
        using var measure = await browser.PostFormAsync(addMeasure, addMeasure, Measure("School readiness"));
        var figure = $"{Outcomes}/measures/{IdIn(measure, "measure")}/figures";

        using var early = await browser.PostFormAsync(figure, figure, new() { ["Value"] = "70", ["On.Day"] = "1", ["On.Month"] = "4", ["On.Year"] = "2023" });
        using var words = await browser.PostFormAsync(figure, figure, new() { ["Value"] = "lots", ["On.Day"] = "1", ["On.Month"] = "4", ["On.Year"] = "2026" });

        (await early.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#on\">The figure&#x27;s date must be on or after the baseline date</a>");
        (await words.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#value\">Enter the figure as a number, like 81.2</a>");
        (await app.WithDbAsync(db => db.OutcomeMeasures.Where(m => m.Name == "School readiness").Select(m => m.LatestValue).ToListAsync())).ShouldAllBe(v => v == null);
    }

    [Fact]
    public async Task Themes_outcomes_and_measures_are_changed_by_the_same_rules()
    {
        app.RequireDatabase();
        var (browser, themeId, outcomeId) = await ThemeAndOutcomeAsync();
        using var _browser = browser;
        var addMeasure = $"{Outcomes}/{outcomeId}/measures/new";
        using var measure = await browser.PostFormAsync(addMeasure, addMeasure, Measure("Readiness"));
        var measureId = IdIn(measure, "measure");
        var editTheme = $"{Outcomes}/themes/{themeId}";
        var editOutcome = $"{Outcomes}/{outcomeId}";
        var editMeasure = $"{Outcomes}/measures/{measureId}";
        var newName = Unique("Best start in life");

        var form = await browser.GetHtmlAsync(editMeasure);
        using var renamed = await browser.PostFormAsync(editTheme, editTheme, new() { ["Name"] = newName });
        using var takenName = await browser.PostFormAsync(editTheme, editTheme, new() { ["Name"] = "Connected communities" });
        using var reworded = await browser.PostFormAsync(editOutcome, editOutcome, new() { ["Statement"] = "More children are ready for school at five", ["ProgrammeId"] = "" });
        using var blank = await browser.PostFormAsync(editOutcome, editOutcome, new() { ["Statement"] = "  " });
        using var revised = await browser.PostFormAsync(editMeasure, editMeasure, Measure("Readiness at five", baseline: "62", target: "85"));
        using var backwards = await browser.PostFormAsync(editMeasure, editMeasure, Measure("Readiness at five", baselineYear: "2029"));

        form.ShouldContain("value=\"Readiness\"");
        form.ShouldContain("value=\"60\"");
        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await takenName.Content.ReadAsStringAsync()).ShouldContain("There is already a theme with that name");
        reworded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await blank.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#statement\">Say what will be different for local people, up to 500 characters</a>");
        revised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await backwards.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#targetDate\">The target date must be after the baseline date</a>");
        (await app.WithDbAsync(db => db.OutcomeThemes.Where(t => t.Id == themeId).Select(t => t.Name).SingleAsync())).ShouldBe(newName);
        (await app.WithDbAsync(db => db.Outcomes.Where(o => o.Id == outcomeId).Select(o => o.Statement).SingleAsync())).ShouldBe("More children are ready for school at five");
        var stored = await app.WithDbAsync(db => db.OutcomeMeasures.SingleAsync(m => m.Id == measureId));
        (stored.Name, stored.Baseline, stored.Target, stored.BaselineDate).ShouldBe(("Readiness at five", 62m, 85m, new DateOnly(2024, 4, 1)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == measureId.ToString() && e.Action == "updated").Select(e => e.Before).SingleAsync());
        audit!.ShouldContain("60");
    }

    [Fact]
    public async Task A_retired_outcome_leaves_the_active_framework_but_shows_under_show_retired_and_on_its_programme()
    {
        app.RequireDatabase();
        var programmeId = await app.WithDbAsync(db => db.Programmes.Where(p => p.Name == "Older people living independently").Select(p => p.Id).SingleAsync());
        var (browser, _, outcomeId) = await ThemeAndOutcomeAsync(programmeId.ToString());
        using var _browser = browser;
        var addMeasure = $"{Outcomes}/{outcomeId}/measures/new";
        using var measure = await browser.PostFormAsync(addMeasure, addMeasure, Measure("Readiness for retirement"));
        var retire = $"{Outcomes}/{outcomeId}/retire";

        using var noReason = await browser.PostFormAsync(retire, retire, new() { ["Reason"] = "" });
        using var retired = await browser.PostFormAsync(retire, retire, new() { ["Reason"] = "Merged into the joint outcome with the ICB" });
        using var again = await browser.PostFormAsync(retire, retire, new() { ["Reason"] = "Twice" });
        var active = await browser.GetHtmlAsync(Outcomes);
        var all = await browser.GetHtmlAsync(Outcomes + "?retired=true");
        var programme = await browser.GetHtmlAsync($"/o/anytown/programmes/{programmeId}");
        using var change = await browser.PostFormAsync($"{Outcomes}/{outcomeId}", $"{Outcomes}/{outcomeId}", new() { ["Statement"] = "Changed after retiring" });

        (await noReason.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#reason\">Say why the outcome is being retired, up to 500 characters</a>");
        retired.Headers.Location!.ToString().ShouldStartWith($"{Outcomes}?retired=true");
        (await again.Content.ReadAsStringAsync()).ShouldContain("This outcome is already retired");
        active.ShouldNotContain($"id=\"outcome-{outcomeId}\"");
        all.ShouldContain($"id=\"outcome-{outcomeId}\"");
        all.ShouldContain("Merged into the joint outcome with the ICB");
        programme.ShouldContain("Children are ready for school");
        programme.ShouldContain("(retired)");
        (await change.Content.ReadAsStringAsync()).ShouldContain("A retired outcome cannot be changed");
        (await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityId == outcomeId.ToString() && e.Action == "outcome-retired"))).After!.ShouldContain("Merged into the joint outcome");
        var measureId = IdIn(measure, "measure");
        (await app.WithDbAsync(db => db.OutcomeMeasures.Where(m => m.Id == measureId).Select(m => m.RetiredReason).SingleAsync())).ShouldBe("Merged into the joint outcome with the ICB");
    }

    [Fact]
    public async Task A_retired_measure_takes_no_more_figures_and_people_who_only_read_cannot_change_the_framework()
    {
        app.RequireDatabase();
        var (browser, _, outcomeId) = await ThemeAndOutcomeAsync();
        using var _browser = browser;
        var addMeasure = $"{Outcomes}/{outcomeId}/measures/new";
        using var measure = await browser.PostFormAsync(addMeasure, addMeasure, Measure("Short-lived measure"));
        var measureId = IdIn(measure, "measure");
        var retire = $"{Outcomes}/measures/{measureId}/retire";
        using var retired = await browser.PostFormAsync(retire, retire, new() { ["Reason"] = "The survey behind it stopped" });
        using var councillor = await app.SignInAsync("councillor@anytown.example");

        var figure = await browser.GetHtmlAsync($"{Outcomes}/measures/{measureId}/figures");
        var active = await browser.GetHtmlAsync(Outcomes);
        var all = await browser.GetHtmlAsync(Outcomes + "?retired=true");
        var readOnly = await councillor.GetHtmlAsync(Outcomes);
        using var refusedPage = await councillor.GetAsync($"{Outcomes}/themes/new");
        using var refusedPost = await councillor.PostFormAsync(Outcomes, $"{Outcomes}/measures/{measureId}/retire", new() { ["Reason"] = "No" });

        retired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        figure.ShouldContain("This measure is retired: it takes no more figures.");
        active.ShouldNotContain($"id=\"measure-{measureId}\"");
        Row(all, measureId).ShouldContain("The survey behind it stopped");
        Row(all, measureId).ShouldContain("Retired");
        readOnly.ShouldNotContain("Add a theme");
        readOnly.ShouldNotContain("/retire");
        refusedPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refusedPost.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static string Row(string html, Guid measureId)
    {
        var start = html.IndexOf($"id=\"measure-{measureId}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, $"no row for measure {measureId}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

internal static class FormFields
{
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string name, string value)
    {
        fields[name] = value;
        return fields;
    }
}

public sealed class OutcomesPagesTestsOnSqlite(SqliteApp app) : OutcomesPagesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class OutcomesPagesTestsOnPostgres(PostgresApp app) : OutcomesPagesTests<PostgresApp>(app), IClassFixture<PostgresApp>;
