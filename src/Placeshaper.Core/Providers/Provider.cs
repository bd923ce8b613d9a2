using Placeshaper.Organisations;

namespace Placeshaper.Providers;

/// <summary>
/// A supplier in an organisation's provider register. The foundation holds only what sign-in needs
/// (provider users act for one provider); the provider register issue adds legal form, size and the rest.
/// </summary>
public sealed class Provider : IOrganisationOwned
{
    private Provider()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Provider Register(Guid organisationId, string name, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        Name = name.Trim(),
        CreatedAt = now,
    };
}
