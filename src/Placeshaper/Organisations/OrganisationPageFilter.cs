using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Placeshaper.Access;

namespace Placeshaper.Organisations;

/// <summary>Applies <see cref="OrganisationAccess"/> to every page whose route has an <c>{org}</c>.</summary>
public sealed class OrganisationPageFilter(Viewer viewer, OrganisationContext context) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext pageContext) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext pageContext, PageHandlerExecutionDelegate next)
    {
        if (!pageContext.RouteData.Values.TryGetValue("org", out var slug))
        {
            await next();
            return;
        }

        var required = pageContext.ActionDescriptor.EndpointMetadata.OfType<RequiresRoleAttribute>().SelectMany(a => a.Roles).ToList();
        switch (OrganisationAccess.Decide(viewer, slug as string, required, context))
        {
            case OrganisationAccess.Outcome.NotFound:
                pageContext.Result = new NotFoundResult();
                return;
            case OrganisationAccess.Outcome.Forbidden:
                pageContext.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                return;
            default:
                await next();
                return;
        }
    }
}
