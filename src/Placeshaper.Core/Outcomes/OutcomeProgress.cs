using System.Globalization;

namespace Placeshaper.Outcomes;

/// <summary>
/// How far a measure has come, computed, never typed: the share of the way from baseline to target, and whether it is
/// on track against a straight line drawn from the baseline (value and date) to the target (value and date).
/// </summary>
public sealed record OutcomeProgress(decimal? ShareOfWay, decimal Expected, bool OnTrack, IReadOnlyList<string> Working)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public const string Rule =
        "Progress is the share of the way from the baseline to the target that the latest figure has covered. "
        + "The trajectory is a straight line from the baseline to the target; a measure is on track when its latest figure "
        + "is level with or beyond the point on that line for the figure's date, in the direction of the target.";

    public static OutcomeProgress Of(
        decimal baseline, DateOnly baselineDate, decimal target, DateOnly targetDate, decimal actual, DateOnly actualDate, Needs.Polarity polarity = Needs.Polarity.NoJudgement)
    {
        if (targetDate <= baselineDate)
        {
            throw new ArgumentException("The target date must come after the baseline date.", nameof(targetDate));
        }

        var totalDays = targetDate.DayNumber - baselineDate.DayNumber;
        var elapsed = Math.Clamp(actualDate.DayNumber - baselineDate.DayNumber, 0, totalDays);
        var fraction = (decimal)elapsed / totalDays;
        var expected = Math.Round(baseline + ((target - baseline) * fraction), 4, MidpointRounding.AwayFromZero);
        var working = new List<string>
        {
            $"Baseline {N(baseline)} on {D(baselineDate)}; target {N(target)} by {D(targetDate)}; latest {N(actual)} for {D(actualDate)}.",
            $"Time elapsed: {elapsed:N0} of {totalDays:N0} days ({fraction * 100:0.0}%), so the trajectory expects {N(expected)} by now.",
        };

        if (target == baseline)
        {
            // A target to hold the line: on track while the figure is no worse than the baseline, which needs to know which way is better.
            var holding = polarity switch
            {
                Needs.Polarity.HigherIsBetter => actual >= baseline,
                Needs.Polarity.LowerIsBetter => actual <= baseline,
                _ => actual == baseline,
            };
            working.Add(holding ? "The target is to hold the baseline, and the figure is no worse." : "The target is to hold the baseline, and the figure has slipped from it.");
            return new OutcomeProgress(null, expected, holding, working);
        }

        var share = Math.Round((actual - baseline) / (target - baseline), 4, MidpointRounding.AwayFromZero);
        var onTrack = target > baseline ? actual >= expected : actual <= expected;
        working.Add($"Progress: ({N(actual)} − {N(baseline)}) ÷ ({N(target)} − {N(baseline)}) = {share * 100:0.0}% of the way.");
        working.Add(onTrack
            ? $"On track: {N(actual)} is level with or beyond the expected {N(expected)}."
            : $"Off track: {N(actual)} is short of the expected {N(expected)}.");
        return new OutcomeProgress(share, expected, onTrack, working);
    }

    private static string N(decimal value) => value.ToString(decimal.Round(value, 0) == value ? "N0" : "#,##0.0###", EnGb);

    private static string D(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);
}
