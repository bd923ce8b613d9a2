using Placeshaper.Access;

namespace Placeshaper.Organisations;

/// <summary>The organisation a request is about, once <see cref="OrganisationGate"/> has let it through.</summary>
public sealed class OrganisationContext
{
    private ViewerOrganisation? current;

    public ViewerOrganisation Current => current ?? throw new InvalidOperationException("No organisation was resolved for this request.");

    public bool IsResolved => current is not null;

    public Guid Id => Current.Id;

    public string Slug => Current.Slug;

    internal void Resolve(ViewerOrganisation organisation) => current = organisation;
}

/// <summary>Endpoint and page metadata: the roles that may use it (any of them). No metadata: any member.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresRoleAttribute(params Role[] roles) : Attribute
{
    public IReadOnlyList<Role> Roles { get; } = roles;
}

/// <summary>
/// The one place that decides whether a request may touch an organisation: the caller must hold a role there,
/// else the organisation does not exist for them (404, so slugs cannot be probed); with the role missing, 403.
/// </summary>
public static class OrganisationAccess
{
    public enum Outcome
    {
        Allowed,
        NotFound,
        Forbidden,
    }

    /// <param name="requiredRoles">
    /// Each entry is one <see cref="RequiresRoleAttribute"/> on the endpoint (its group's and its own): the caller must hold
    /// one of the roles of every entry, so an endpoint narrows its group's roles and never widens them.
    /// </param>
    public static Outcome Decide(Viewer viewer, string? slug, IReadOnlyList<IReadOnlyList<Role>>? requiredRoles, OrganisationContext context)
    {
        var organisation = slug is null ? null : viewer.Find(slug);
        if (organisation is null)
        {
            return Outcome.NotFound;
        }

        if (requiredRoles is not null && requiredRoles.Any(roles => roles.Count > 0 && !organisation.HasAny(roles)))
        {
            return Outcome.Forbidden;
        }

        context.Resolve(organisation);
        return Outcome.Allowed;
    }
}
