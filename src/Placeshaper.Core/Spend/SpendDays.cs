using Placeshaper.Organisations;

namespace Placeshaper.Spend;

/// <summary>
/// Spend per organisation and day, kept up to date by each import: a year's totals by month, whole or part, are the
/// sum of at most 366 rows however many payments there are.
/// </summary>
public sealed class SpendDay : IOrganisationOwned
{
    private SpendDay()
    {
    }

    public Guid OrganisationId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Total { get; private set; }

    public int Transactions { get; private set; }
}

/// <summary>
/// Spend per organisation, day and supplier (normalised name and company number, "" when not given), kept up to date
/// by each import: the shares of a part month at either end of a summary are read from here, not from the payments.
/// </summary>
public sealed class SpendSupplierDay : IOrganisationOwned
{
    private SpendSupplierDay()
    {
    }

    public Guid OrganisationId { get; private set; }

    public DateOnly Date { get; private set; }

    public string SupplierKey { get; private set; } = "";

    public string CompanyNumber { get; private set; } = "";

    public decimal Total { get; private set; }

    public int Transactions { get; private set; }
}

/// <summary>
/// Spend per organisation, day, service area and expense type ("" when not given), kept up to date by each import:
/// the analytics' service-area, expense-type and spend-category tables, and the categories page, read these rather
/// than the payments.
/// </summary>
public sealed class SpendDayCategory : IOrganisationOwned
{
    private SpendDayCategory()
    {
    }

    public Guid OrganisationId { get; private set; }

    public DateOnly Date { get; private set; }

    public string ServiceArea { get; private set; } = "";

    public string ExpenseType { get; private set; } = "";

    public decimal Total { get; private set; }

    public int Transactions { get; private set; }
}
