namespace Placeshaper.Organisations;

/// <summary>
/// Data that belongs to exactly one organisation. The database context filters every query on these
/// to the organisations the current person may see (see docs/adr/0005-isolation.md).
/// </summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; }
}
