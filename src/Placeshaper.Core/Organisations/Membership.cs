namespace Placeshaper.Organisations;

/// <summary>One role a person holds at one organisation.</summary>
public sealed class Membership : IOrganisationOwned
{
    private Membership()
    {
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Role Role { get; private set; }

    /// <summary>The supplier a <see cref="Role.Provider"/> user acts for; empty for every other role.</summary>
    public Guid? ProviderId { get; private set; }

    public DateTime GrantedAt { get; private set; }

    public static Membership Grant(Guid personId, Guid organisationId, Role role, Guid? providerId, DateTime now)
    {
        if ((role == Role.Provider) != providerId.HasValue)
        {
            throw new ArgumentException("A provider user must act for exactly one provider; other roles for none.", nameof(providerId));
        }

        return new Membership
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            OrganisationId = organisationId,
            Role = role,
            ProviderId = providerId,
            GrantedAt = now,
        };
    }
}
