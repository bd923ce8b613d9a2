namespace Placeshaper.Contracts;

/// <summary>What a contract buys, which picks the Procurement Act 2023's below-threshold modification limit.</summary>
public enum ContractNature
{
    Goods = 1,
    Services = 2,
    Works = 3,
}

/// <summary>Why a contract was terminated.</summary>
public enum TerminationGround
{
    BreakClause = 1,
    Agreement = 2,
    Breach = 3,
    Insolvency = 4,
    Other = 5,
}

/// <summary>
/// The parts of a contract that approved variations and a termination change. The original value is the value at
/// award or creation; approved variations move the current value (<see cref="TotalValue"/>) and the term
/// (<see cref="VariedMonths"/>), never the original, so cumulative change is always measured against what was bought.
/// </summary>
public sealed partial class Contract
{
    /// <summary>Goods, services or works; services unless the tender or a person says otherwise.</summary>
    public ContractNature Nature { get; private set; } = ContractNature.Services;

    /// <summary>The total value at award or creation, before any variation; null while the value is not known.</summary>
    public decimal? OriginalValue { get; private set; }

    /// <summary>The months approved variations added to (or took from) the term.</summary>
    public int VariedMonths { get; private set; }

    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>What approved variations have changed the value by: the current value less the original.</summary>
    public decimal VariedValue => TotalValue is { } current && OriginalValue is { } original ? current - original : 0m;

    /// <summary>
    /// Sets the current value from a form or import. A correction keeps what variations have already changed, so the
    /// original moves with it: editing a £100,000 contract varied by +£5,000 to £110,000 makes the original £105,000.
    /// </summary>
    private void SetValue(decimal? total)
    {
        var varied = VariedValue;
        TotalValue = total;
        OriginalValue = total is { } value ? value - varied : null;
    }

    /// <summary>Applies an approved variation: the value and the term change, the original stays.</summary>
    internal void Vary(decimal valueChange, int termMonths, DateTime now)
    {
        if (valueChange != 0 && TotalValue is { } current)
        {
            TotalValue = current + valueChange;
        }

        VariedMonths += termMonths;
        UpdatedAt = now;
    }

    /// <summary>Ends the contract early; a contract can be terminated once.</summary>
    internal Errors? Terminate(DateOnly on, DateTime now)
    {
        if (Status == ContractStatus.Terminated)
        {
            return Errors.For("contract", "The contract is already terminated");
        }

        if (StartDate is { } start && on < start)
        {
            return Errors.For("on", "The termination date must be on or after the contract's start date");
        }

        Status = ContractStatus.Terminated;
        TerminatedOn = on;
        UpdatedAt = now;
        return null;
    }
}
