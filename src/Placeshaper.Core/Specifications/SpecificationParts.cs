using Placeshaper.Needs;
using Placeshaper.Organisations;

namespace Placeshaper.Specifications;

/// <summary>An outcome from the outcomes framework that the specified service works towards.</summary>
public sealed class SpecificationOutcome : IOrganisationOwned
{
    private SpecificationOutcome()
    {
    }

    internal SpecificationOutcome(Specification specification, Guid outcomeId)
    {
        SpecificationId = specification.Id;
        OrganisationId = specification.OrganisationId;
        OutcomeId = outcomeId;
    }

    public Guid SpecificationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid OutcomeId { get; private set; }
}

/// <summary>A key performance indicator: what is measured, the target, the least that is acceptable, how often and from where.</summary>
public sealed class SpecificationKpi : IOrganisationOwned
{
    private SpecificationKpi()
    {
    }

    internal SpecificationKpi(
        Specification specification, Guid id, int number, string definition, string unit, Polarity polarity, decimal target, decimal minimum,
        KpiFrequency frequency, string dataSource, Guid? measureId)
    {
        Id = id;
        SpecificationId = specification.Id;
        OrganisationId = specification.OrganisationId;
        Number = number;
        Definition = definition;
        Unit = unit;
        Polarity = polarity;
        Target = target;
        Minimum = minimum;
        Frequency = frequency;
        DataSource = dataSource;
        MeasureId = measureId;
    }

    public Guid Id { get; private set; }

    public Guid SpecificationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Number { get; private set; }

    public string Definition { get; private set; } = "";

    public string Unit { get; private set; } = "";

    public Polarity Polarity { get; private set; }

    public decimal Target { get; private set; }

    /// <summary>The minimum acceptable level: on the worse side of the target, never the better.</summary>
    public decimal Minimum { get; private set; }

    public KpiFrequency Frequency { get; private set; }

    public string DataSource { get; private set; } = "";

    /// <summary>The outcome measure this KPI contributes to, if any.</summary>
    public Guid? MeasureId { get; private set; }
}

/// <summary>An option to extend the contract by a number of months.</summary>
public sealed class SpecificationExtension : IOrganisationOwned
{
    private SpecificationExtension()
    {
    }

    internal SpecificationExtension(Specification specification, int number, int months)
    {
        SpecificationId = specification.Id;
        OrganisationId = specification.OrganisationId;
        Number = number;
        Months = months;
    }

    public Guid SpecificationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Number { get; private set; }

    public int Months { get; private set; }
}

/// <summary>A part of the contract bid for separately, as a share of its value, so that small providers can compete.</summary>
public sealed class SpecificationLot : IOrganisationOwned
{
    private SpecificationLot()
    {
    }

    internal SpecificationLot(Specification specification, Guid id, int number, string title, decimal sharePercent)
    {
        Id = id;
        SpecificationId = specification.Id;
        OrganisationId = specification.OrganisationId;
        Number = number;
        Title = title;
        SharePercent = sharePercent;
    }

    public Guid Id { get; private set; }

    public Guid SpecificationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    public decimal SharePercent { get; private set; }
}
