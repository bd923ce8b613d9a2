using System.Globalization;
using Placeshaper.Needs;
using Placeshaper.Shared;

namespace Placeshaper.Outcomes;

/// <summary>The fields of a measure as typed into its form, new or changed; rendered by <c>_MeasureFields.cshtml</c>.</summary>
public sealed class MeasureForm
{
    public string? Name { get; set; }

    public string? Indicator { get; set; }

    public string? AreaCode { get; set; }

    public string? Unit { get; set; }

    public string? Polarity { get; set; }

    public string? Baseline { get; set; }

    public DateInput BaselineDate { get; set; } = new();

    public string? Target { get; set; }

    public DateInput TargetDate { get; set; } = new();

    public string? Owner { get; set; }

    public static MeasureForm From(OutcomeMeasure measure, string ownerSlug) => new()
    {
        Name = measure.Name,
        Unit = measure.Unit,
        Polarity = measure.Polarity.ToString(),
        Baseline = measure.Baseline.ToString("0.######", CultureInfo.InvariantCulture),
        BaselineDate = DateInput.From(measure.BaselineDate),
        Target = measure.Target.ToString("0.######", CultureInfo.InvariantCulture),
        TargetDate = DateInput.From(measure.TargetDate),
        Owner = ownerSlug,
    };

    public static readonly IReadOnlyList<(string Value, string Label)> Polarities =
    [
        (nameof(Needs.Polarity.HigherIsBetter), "Higher is better"),
        (nameof(Needs.Polarity.LowerIsBetter), "Lower is better"),
        (nameof(Needs.Polarity.NoJudgement), "Neither"),
    ];

    public Polarity? PolarityValue => Enum.TryParse<Polarity>(Polarity, out var p) && Enum.IsDefined(p) ? p : null;
}

/// <summary>What <c>_MeasureFields.cshtml</c> needs besides the values: the choices, which fields apply, and the errors.</summary>
public sealed record MeasureFields(
    MeasureForm Input,
    bool IsNew,
    bool FromIndicator,
    IReadOnlyList<(string Value, string Label)> Indicators,
    IReadOnlyList<(string Value, string Label)> Areas,
    IReadOnlyList<(string Value, string Label)> Owners,
    Func<string, string?> ErrorFor);
