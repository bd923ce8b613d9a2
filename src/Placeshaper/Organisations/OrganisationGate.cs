using Placeshaper.Access;

namespace Placeshaper.Organisations;

/// <summary>
/// Applies <see cref="OrganisationAccess"/> to every endpoint, API or page, whose route has an <c>{org}</c>:
/// after routing and authentication but before any parameter is bound or handler runs, so a request about
/// another organisation is refused before anything of it is read.
/// </summary>
public sealed class OrganisationGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, Viewer viewer, OrganisationContext organisation)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !context.Request.RouteValues.TryGetValue("org", out var slug))
        {
            return next(context);
        }

        var required = endpoint.Metadata.GetOrderedMetadata<RequiresRoleAttribute>().Select(a => a.Roles).ToList();
        switch (OrganisationAccess.Decide(viewer, slug as string, required, organisation))
        {
            case OrganisationAccess.Outcome.NotFound:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            case OrganisationAccess.Outcome.Forbidden:
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            default:
                return next(context);
        }
    }
}
