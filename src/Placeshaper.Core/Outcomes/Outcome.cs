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

    public static Outcome New(Guid organisationId, Guid themeId, string statement, Guid? programmeId, DateTime now) =>
        new() { Id = Guid.CreateVersion7(now), OrganisationId = organisationId, ThemeId = themeId, Statement = statement.Trim(), ProgrammeId = programmeId };
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
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 300)
        {
            errors.Add("name", "Enter the measure's name, up to 300 characters");
        }

        if (indicator is not null && areaId is null)
        {
            errors.Add("areaCode", "Choose the area whose figures measure this outcome");
        }

        if (indicator is null && string.IsNullOrWhiteSpace(unit))
        {
            errors.Add("unit", "Enter the unit of a measure that has no indicator");
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

    /// <summary>Records the latest figure of a measure that has no indicator.</summary>
    public Result<OutcomeMeasure> Report(decimal value, DateOnly on)
    {
        if (IndicatorId is not null)
        {
            return Errors.For("value", "This measure takes its figures from its indicator");
        }

        if (on < BaselineDate)
        {
            return Errors.For("on", "The figure's date must be on or after the baseline date");
        }

        (LatestValue, LatestDate) = (value, on);
        return this;
    }
}
