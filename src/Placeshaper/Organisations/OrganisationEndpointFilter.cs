using Placeshaper.Access;

namespace Placeshaper.Organisations;

/// <summary>Applies <see cref="OrganisationAccess"/> to every API endpoint under <c>/orgs/{org}</c>.</summary>
public sealed class OrganisationEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var required = http.GetEndpoint()?.Metadata.GetOrderedMetadata<RequiresRoleAttribute>().SelectMany(a => a.Roles).ToList();
        var outcome = OrganisationAccess.Decide(
            http.RequestServices.GetRequiredService<Viewer>(),
            http.GetRouteValue("org") as string,
            required,
            http.RequestServices.GetRequiredService<OrganisationContext>());
        return outcome switch
        {
            OrganisationAccess.Outcome.NotFound => TypedResults.Problem(statusCode: 404, title: "Organisation not found", detail: "There is no organisation with that slug that you belong to."),
            OrganisationAccess.Outcome.Forbidden => TypedResults.Problem(statusCode: 403, title: "Not allowed", detail: "Your roles at this organisation do not allow this."),
            _ => await next(invocation),
        };
    }
}
