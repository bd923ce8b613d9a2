using Placeshaper.Needs;
using Placeshaper.Outcomes;

namespace Placeshaper.Tests.Outcomes;

/// <summary>The rules the framework's entities keep when they are changed or retired, checked directly.</summary>
public sealed class OutcomeRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static OutcomeMeasure OwnMeasure()
    {
        var theme = OutcomeTheme.New(Guid.NewGuid(), "Starting well", Now);
        var outcome = Outcome.Add(theme, "Children are ready for school", null, Now).Value!;
        return OutcomeMeasure.Define(outcome, "Good level of development", null, null, "%", Polarity.HigherIsBetter,
            60m, new DateOnly(2024, 4, 1), 80m, new DateOnly(2028, 4, 1), theme.OrganisationId, Now).Value!;
    }

    [Fact]
    public void A_revised_target_dated_before_its_baseline_is_refused_and_nothing_changes()
    {
        var measure = OwnMeasure();

        var revised = measure.Revise("Renamed", "%", Polarity.HigherIsBetter, 60m, new DateOnly(2024, 4, 1), 90m, new DateOnly(2024, 3, 31), measure.OwnerOrganisationId);

        revised.Errors!.ByField["targetDate"].ShouldBe(["The target date must be after the baseline date"]);
        (measure.Name, measure.Target).ShouldBe(("Good level of development", 80m));
    }

    [Fact]
    public void A_baseline_cannot_move_past_the_latest_figure()
    {
        var measure = OwnMeasure();
        measure.Report(70m, new DateOnly(2026, 4, 1)).Succeeded.ShouldBeTrue();

        var revised = measure.Revise("Good level of development", "%", Polarity.HigherIsBetter, 60m, new DateOnly(2026, 5, 1), 80m, new DateOnly(2028, 4, 1), measure.OwnerOrganisationId);

        revised.Errors!.ByField["baselineDate"][0].ShouldBe("The baseline date must be on or before the latest figure's date, 1 April 2026");
    }

    [Fact]
    public void A_retired_measure_needs_a_reason_is_retired_once_and_then_takes_no_figures_or_changes()
    {
        var measure = OwnMeasure();

        measure.Retire("  ", Now).Errors!.ByField.Keys.ShouldBe(["reason"]);
        measure.Retire(" The survey stopped ", Now).Succeeded.ShouldBeTrue();
        measure.Retire("Again", Now).Errors!.ByField["reason"].ShouldBe(["This measure is already retired"]);
        measure.Report(70m, new DateOnly(2026, 4, 1)).Errors!.ByField["value"].ShouldBe(["This measure is retired: it takes no more figures"]);
        measure.Revise("New", "%", Polarity.HigherIsBetter, 1m, new DateOnly(2024, 4, 1), 2m, new DateOnly(2025, 4, 1), measure.OwnerOrganisationId).Succeeded.ShouldBeFalse();
        (measure.RetiredReason, measure.RetiredAt, measure.LatestValue).ShouldBe(("The survey stopped", (DateTime?)Now, (decimal?)null));
    }

    [Fact]
    public void A_retired_outcome_takes_no_new_measures_and_keeps_its_wording()
    {
        var theme = OutcomeTheme.New(Guid.NewGuid(), "Starting well", Now);
        var outcome = Outcome.Add(theme, "Children are ready for school", null, Now).Value!;
        outcome.Retire("Merged", Now).Succeeded.ShouldBeTrue();

        var measure = OutcomeMeasure.Define(outcome, "Late", null, null, "%", Polarity.HigherIsBetter, 1m, new DateOnly(2024, 4, 1), 2m, new DateOnly(2025, 4, 1), theme.OrganisationId, Now);

        measure.Errors!.ByField["outcomeId"].ShouldBe(["The outcome is retired: measures are added to active outcomes only"]);
        outcome.Reword("Changed", null).Succeeded.ShouldBeFalse();
        outcome.Statement.ShouldBe("Children are ready for school");
    }

    [Fact]
    public void An_archived_needs_assessment_keeps_its_reason_and_cannot_be_rewritten()
    {
        var assessment = NeedsAssessment.Write(Guid.NewGuid(), "Housing", "Overcrowding is rising.", ["falls-65"], ["falls-65"], null, new DateOnly(2027, 3, 31), Now).Value!;
        var revised = assessment.Revise("Housing", "Rising fastest in Riverside.", [], ["falls-65"], "https://example.org/a\nhttps://example.org/b", new DateOnly(2027, 9, 30), Now);

        assessment.Archive(null, Now).Succeeded.ShouldBeFalse();
        assessment.Archive("Replaced", Now).Succeeded.ShouldBeTrue();

        revised.Succeeded.ShouldBeTrue();
        (assessment.Narrative, assessment.IndicatorCodes, assessment.Links.Count).ShouldBe(("Rising fastest in Riverside.", "", 2));
        assessment.Revise("Housing", "Later", [], [], null, new DateOnly(2028, 1, 1), Now).Errors!.ByField["narrative"].ShouldBe(["An archived needs assessment cannot be changed"]);
        assessment.Archive("Again", Now).Errors!.ByField["reason"].ShouldBe(["This needs assessment is already archived"]);
        assessment.ArchivedReason.ShouldBe("Replaced");
    }
}
