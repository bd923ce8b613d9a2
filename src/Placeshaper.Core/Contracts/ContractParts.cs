using Placeshaper.Needs;
using Placeshaper.Organisations;
using Placeshaper.Specifications;

namespace Placeshaper.Contracts;

/// <summary>An option to extend the contract by a number of months, and whether it was taken.</summary>
public sealed class ContractExtension : IOrganisationOwned
{
    private ContractExtension()
    {
    }

    internal ContractExtension(Contract contract, int number, int months, bool taken)
    {
        ContractId = contract.Id;
        OrganisationId = contract.OrganisationId;
        Number = number;
        Months = months;
        Taken = taken;
    }

    public Guid ContractId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Number { get; private set; }

    public int Months { get; private set; }

    public bool Taken { get; private set; }
}

/// <summary>A date on which the contract can be ended early, given enough notice.</summary>
public sealed class ContractBreakClause : IOrganisationOwned
{
    private ContractBreakClause()
    {
    }

    internal ContractBreakClause(Contract contract, int number, DateOnly on, int noticeMonths)
    {
        ContractId = contract.Id;
        OrganisationId = contract.OrganisationId;
        Number = number;
        On = on;
        NoticeMonths = noticeMonths;
    }

    public Guid ContractId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Number { get; private set; }

    public DateOnly On { get; private set; }

    public int NoticeMonths { get; private set; }

    /// <summary>The last day notice can be given to break on <see cref="On"/>.</summary>
    public DateOnly NoticeBy => On.AddMonths(-NoticeMonths);
}

/// <summary>A consortium member or key subcontractor delivering part of the contract.</summary>
public sealed class ContractParty : IOrganisationOwned
{
    private ContractParty()
    {
    }

    internal ContractParty(Contract contract, int number, string name, PartyRole role)
    {
        ContractId = contract.Id;
        OrganisationId = contract.OrganisationId;
        Number = number;
        Name = name;
        Role = role;
    }

    public Guid ContractId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Number { get; private set; }

    public string Name { get; private set; } = "";

    public PartyRole Role { get; private set; }
}

/// <summary>An outcome from the outcomes framework that the contract serves.</summary>
public sealed class ContractOutcome : IOrganisationOwned
{
    private ContractOutcome()
    {
    }

    internal ContractOutcome(Contract contract, Guid outcomeId)
    {
        ContractId = contract.Id;
        OrganisationId = contract.OrganisationId;
        OutcomeId = outcomeId;
    }

    public Guid ContractId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid OutcomeId { get; private set; }
}

/// <summary>A key performance indicator of a contract: copied from the specification or added by the contract manager.</summary>
public sealed class ContractKpi : IOrganisationOwned
{
    private ContractKpi()
    {
    }

    internal ContractKpi(Contract contract, Guid id, int number, Input input)
    {
        Id = id;
        ContractId = contract.Id;
        OrganisationId = contract.OrganisationId;
        Number = number;
        Set(input);
    }

    public sealed record Input(string? Definition, string? Unit, Polarity? Polarity, decimal? Target, decimal? Minimum, KpiFrequency? Frequency, string? DataSource);

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

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

    public bool HigherIsBetter => Polarity == Polarity.HigherIsBetter;

    internal void Set(Input input)
    {
        Definition = input.Definition!.Trim();
        Unit = input.Unit!.Trim();
        Polarity = input.Polarity!.Value;
        Target = input.Target!.Value;
        Minimum = input.Minimum!.Value;
        Frequency = input.Frequency!.Value;
        DataSource = input.DataSource!.Trim();
    }

    /// <summary>The same checks, and the same words, as a specification's KPIs.</summary>
    public static Errors? Check(Input? input, string prefix)
    {
        var errors = new Errors();
        if (input is null)
        {
            return errors.Add(prefix.Length == 0 ? "kpi" : prefix, "Give the KPI's definition, unit, target, minimum, frequency and data source");
        }

        if (string.IsNullOrWhiteSpace(input.Definition) || input.Definition.Trim().Length > 1000)
        {
            errors.Add(prefix + "definition", "Define what the KPI measures, up to 1,000 characters");
        }

        if (string.IsNullOrWhiteSpace(input.Unit) || input.Unit.Trim().Length > 50)
        {
            errors.Add(prefix + "unit", "Give the unit, like % or visits, up to 50 characters");
        }

        if (input.Polarity is not (Polarity.HigherIsBetter or Polarity.LowerIsBetter))
        {
            errors.Add(prefix + "polarity", "Say whether higher or lower is better");
        }

        if (input.Target is not { } target || !Figure(target))
        {
            errors.Add(prefix + "target", "Enter the target, a number with up to 4 decimal places");
        }

        if (input.Minimum is not { } minimum || !Figure(minimum))
        {
            errors.Add(prefix + "minimum", "Enter the minimum acceptable level, a number with up to 4 decimal places");
        }
        else if (input.Target is { } t && Figure(t) && input.Polarity == Polarity.HigherIsBetter && minimum > t)
        {
            errors.Add(prefix + "minimum", "Higher is better, so the minimum acceptable level cannot be above the target");
        }
        else if (input.Target is { } t2 && Figure(t2) && input.Polarity == Polarity.LowerIsBetter && minimum < t2)
        {
            errors.Add(prefix + "minimum", "Lower is better, so the minimum acceptable level cannot be below the target");
        }

        if (input.Frequency is null || !Enum.IsDefined(input.Frequency.Value))
        {
            errors.Add(prefix + "frequency", "Choose how often it is reported: monthly, quarterly or yearly");
        }

        if (string.IsNullOrWhiteSpace(input.DataSource) || input.DataSource.Trim().Length > 500)
        {
            errors.Add(prefix + "dataSource", "Say where the data comes from, up to 500 characters");
        }

        return errors.Any ? errors : null;
    }

    private static bool Figure(decimal value) => decimal.Round(value, 4) == value && Math.Abs(value) < 1_000_000_000_000m;
}
