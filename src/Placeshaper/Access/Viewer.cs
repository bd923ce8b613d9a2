using Placeshaper.Organisations;

namespace Placeshaper.Access;

/// <summary>The person behind this request and what they hold where: the source for every access decision.</summary>
public sealed class Viewer
{
    public bool IsSignedIn => PersonId.HasValue;

    public Guid? PersonId { get; private set; }

    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    /// <summary>The API token the request came with, if it came with one.</summary>
    public Guid? TokenId { get; private set; }

    public IReadOnlyList<ViewerOrganisation> Organisations { get; private set; } = [];

    public ViewerOrganisation? Find(string slug) =>
        Organisations.FirstOrDefault(o => string.Equals(o.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public void SignedIn(Guid personId, string email, string displayName, Guid? tokenId, IReadOnlyList<ViewerOrganisation> organisations) =>
        (PersonId, Email, DisplayName, TokenId, Organisations) = (personId, email, displayName, tokenId, organisations);
}

public sealed record ViewerOrganisation(Guid Id, string Slug, string Name, OrganisationKind Kind, IReadOnlySet<Role> Roles, Guid? ProviderId)
{
    public bool Has(Role role) => Roles.Contains(role);

    public bool HasAny(IEnumerable<Role> roles) => roles.Any(Roles.Contains);
}
