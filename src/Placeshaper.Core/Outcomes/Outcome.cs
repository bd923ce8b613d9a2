using Placeshaper.Needs;
using Placeshaper.Organisations;

namespace Placeshaper.Outcomes;

/// <summary>A theme of the outcomes framework, e.g. "Living well in later life".</summary>
public sealed class OutcomeTheme : IOrganisationOwned
{
    private OutcomeTheme()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public static OutcomeTheme New(Guid organisationId, string name, DateTime now) =>
        new() { Id = Guid.CreateVersion7(now), OrganisationId = organisationId, Name = name.Trim() };

    /// <summary>A new theme, its name checked; whether another theme has the name is the caller's to check.</summary>
    public static Result<OutcomeTheme> Add(Guid organisationId, string? name, DateTime now) =>
        CheckName(name) is { } errors ? errors : New(organisationId, name!, now);

    public Result<OutcomeTheme> Rename(string? name)
    {
        if (CheckName(name) is { } errors)
        {
            return errors;
        }

        Name = name!.Trim();
        return this;
    }

    private static Errors? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200 ? Errors.For("name", "Enter the theme's name, up to 200 characters") : null;
}

/// <summary>Retiring takes an outcome or a measure out of the active framework without deleting it: a reason is kept.</summary>
public static class Retirement
{
    public const int MaxReason = 500;

    internal static Errors? Check(DateTime? retiredAt, string? reason, string what)
    {
        if (retiredAt is not null)
        {
            return Errors.For("reason", $"This {what} is already retired");
        }

        return string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReason
            ? Errors.For("reason", $"Say why the {what} is being retired, up to {MaxReason} characters")
            : null;
    }
}

/// <summary>A priority outcome: a change for local people, agreed with partners and residents.</summary>
public sealed class Outcome : IOrganisationOwned
{
    private Outcome()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid ThemeId { get; private set; }

    /// <summary>What will be different, in residents' terms: "Older people live independently at home for longer".</summary>
    public string Statement { get; private set; } = "";

    /// <summary>The programme working towards it, if any.</summary>
    public Guid? ProgrammeId { get; private set; }

    /// <summary>When it left the active framework, if it has; it stays visible as retired, with <see cref="RetiredReason"/>.</summary>
    public DateTime? RetiredAt { get; private set; }

    public string? RetiredReason { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public static Outcome New(Guid organisationId, Guid themeId, string statement, Guid? programmeId, DateTime now) =>
        new() { Id = Guid.CreateVersion7(now), OrganisationId = organisationId, ThemeId = themeId, Statement = statement.Trim(), ProgrammeId = programmeId };

    /// <summary>A new outcome under a theme; the theme and programme must be the organisation's, which the caller checks.</summary>
    public static Result<Outcome> Add(OutcomeTheme theme, string? statement, Guid? programmeId, DateTime now) =>
        CheckStatement(statement) is { } errors ? errors : New(theme.OrganisationId, theme.Id, statement!, programmeId, now);

    /// <summary>Changes the wording and the programme working towards it. A retired outcome is kept as it was.</summary>
    public Result<Outcome> Reword(string? statement, Guid? programmeId)
    {
        var errors = CheckStatement(statement) ?? new Errors();
        if (IsRetired)
        {
            errors.Add("statement", "A retired outcome cannot be changed");
        }

        if (errors.Any)
        {
            return errors;
        }

        (Statement, ProgrammeId) = (statement!.Trim(), programmeId);
        return this;
    }

    public Result<Outcome> Retire(string? reason, DateTime now)
    {
        if (Retirement.Check(RetiredAt, reason, "outcome") is { } errors)
        {
            return errors;
        }

        (RetiredAt, RetiredReason) = (now, reason!.Trim());
        return this;
    }

    internal static Errors? CheckStatement(string? statement) =>
        string.IsNullOrWhiteSpace(statement) || statement.Trim().Length > 500
            ? Errors.For("statement", "Say what will be different for local people, up to 500 characters")
            : null;
}

/// <summary>
/// How an outcome is measured: from a needs indicator for one area, or a figure of its own; with a baseline and a
/// target, each with a date, and the organisation that owns it.
/// </summary>
public sealed class OutcomeMeasure : IOrganisationOwned
{
    private OutcomeMeasure()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid OutcomeId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>When set, the latest figure comes from this indicator for <see cref="AreaId"/>.</summary>
    public Guid? IndicatorId { get; private set; }

    public Guid? AreaId { get; private set; }

    public string Unit { get; private set; } = "";

    public Polarity Polarity { get; private set; }

    public decimal Baseline { get; private set; }

    public DateOnly BaselineDate { get; private set; }

    public decimal Target { get; private set; }

    public DateOnly TargetDate { get; private set; }

    /// <summary>The organisation accountable for the measure, which may be a partner.</summary>
    public Guid OwnerOrganisationId { get; private set; }

    /// <summary>For a measure of its own (no indicator): the latest figure and its date.</summary>
    public decimal? LatestValue { get; private set; }

    public DateOnly? LatestDate { get; private set; }

    /// <summary>When it left the active framework, if it has; it stays visible as retired, with <see cref="RetiredReason"/>.</summary>
    public DateTime? RetiredAt { get; private set; }

    public string? RetiredReason { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public static Result<OutcomeMeasure> Define(
        Outcome outcome,
        string? name,
        Indicator? indicator,
        Guid? areaId,
        string? unit,
        Polarity polarity,
        decimal? baseline,
        DateOnly? baselineDate,
        decimal? target,
        DateOnly? targetDate,
        Guid ownerOrganisationId,
        DateTime now)
    {
        var errors = Check(name, indicator is not null, unit, baseline, baselineDate, target, targetDate);
        if (indicator is not null && areaId is null)
        {
            errors.Add("areaCode", "Choose the area whose figures measure this outcome");
        }

        if (outcome.IsRetired)
        {
            errors.Add("outcomeId", "The outcome is retired: measures are added to active outcomes only");
        }

        if (errors.Any)
        {
            return errors;
        }

        return new OutcomeMeasure
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = outcome.OrganisationId,
            OutcomeId = outcome.Id,
            Name = name!.Trim(),
            IndicatorId = indicator?.Id,
            AreaId = indicator is null ? null : areaId,
            Unit = indicator?.Unit ?? unit!.Trim(),
            Polarity = indicator?.Polarity ?? polarity,
            Baseline = baseline!.Value,
            BaselineDate = baselineDate!.Value,
            Target = target!.Value,
            TargetDate = targetDate!.Value,
            OwnerOrganisationId = ownerOrganisationId,
        };
    }

    /// <summary>
    /// Changes the wording, the baseline and the target (and, for a measure of its own, the unit and which way is
    /// better), by the same rules as <see cref="Define"/>. Progress is never set: it is worked out from these.
    /// </summary>
    public Result<OutcomeMeasure> Revise(
        string? name, string? unit, Polarity polarity, decimal? baseline, DateOnly? baselineDate, decimal? target, DateOnly? targetDate, Guid ownerOrganisationId)
    {
        var errors = Check(name, IndicatorId is not null, unit, baseline, baselineDate, target, targetDate);
        if (IsRetired)
        {
            errors.Add("name", "A retired measure cannot be changed");
        }

        if (LatestDate is { } latest && baselineDate is { } from && from > latest)
        {
            errors.Add("baselineDate", $"The baseline date must be on or before the latest figure's date, {latest:d MMMM yyyy}");
        }

        if (errors.Any)
        {
            return errors;
        }

        Name = name!.Trim();
        if (IndicatorId is null)
        {
            (Unit, Polarity) = (unit!.Trim(), polarity);
        }

        (Baseline, BaselineDate, Target, TargetDate) = (baseline!.Value, baselineDate!.Value, target!.Value, targetDate!.Value);
        OwnerOrganisationId = ownerOrganisationId;
        return this;
    }

    public Result<OutcomeMeasure> Retire(string? reason, DateTime now)
    {
        if (Retirement.Check(RetiredAt, reason, "measure") is { } errors)
        {
            return errors;
        }

        (RetiredAt, RetiredReason) = (now, reason!.Trim());
        return this;
    }

    /// <summary>The rules a measure's wording, baseline and target keep, whether it is new or revised.</summary>
    private static Errors Check(string? name, bool fromIndicator, string? unit, decimal? baseline, DateOnly? baselineDate, decimal? target, DateOnly? targetDate)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 300)
        {
            errors.Add("name", "Enter the measure's name, up to 300 characters");
        }

        if (!fromIndicator && (string.IsNullOrWhiteSpace(unit) || unit.Trim().Length > 40))
        {
            errors.Add("unit", "Enter the unit of a measure that has no indicator, up to 40 characters");
        }

        if (baseline is null || baselineDate is null)
        {
            errors.Add("baseline", "Enter the baseline value and its date");
        }

        if (target is null || targetDate is null)
        {
            errors.Add("target", "Enter the target value and the date it is due");
        }
        else if (baselineDate is not null && targetDate <= baselineDate)
        {
            errors.Add("targetDate", "The target date must be after the baseline date");
        }

        return errors;
    }

    /// <summary>Records the latest figure of a measure that has no indicator.</summary>
    public Result<OutcomeMeasure> Report(decimal value, DateOnly on)
    {
        if (IndicatorId is not null)
        {
            return Errors.For("value", "This measure takes its figures from its indicator");
        }

        if (IsRetired)
        {
            return Errors.For("value", "This measure is retired: it takes no more figures");
        }

        if (on < BaselineDate)
        {
            return Errors.For("on", "The figure's date must be on or after the baseline date");
        }

        (LatestValue, LatestDate) = (value, on);
        return this;
    }
}
