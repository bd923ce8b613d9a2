using System.Security.Claims;
using Placeshaper.Data;

namespace Placeshaper.Access;

/// <summary>
/// After authentication, loads the person's memberships once per request and sets the database's access scope,
/// so every query on organisation-owned data is limited to what this person may see.
/// </summary>
public sealed class ViewerMiddleware(RequestDelegate next)
{
    public const string TokenIdClaim = "placeshaper:token";
    public const string TokenOrganisationClaim = "placeshaper:token-organisation";

    public async Task InvokeAsync(HttpContext context, Viewer viewer, AccessScope scope, PlaceshaperDb db)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var personId))
        {
            var tokenId = Guid.TryParse(user.FindFirstValue(TokenIdClaim), out var t) ? t : (Guid?)null;
            var onlyOrganisation = Guid.TryParse(user.FindFirstValue(TokenOrganisationClaim), out var o) ? o : (Guid?)null;

            await ViewerLoader.LoadAsync(db, viewer, personId, tokenId, onlyOrganisation, context.RequestAborted);
            if (viewer.IsSignedIn)
            {
                scope.ActAsPerson(personId, viewer.Email, viewer.Organisations.Select(v => v.Id).ToList());
            }
        }

        if (!viewer.IsSignedIn)
        {
            scope.ActAsAnonymous("anonymous");
        }

        await next(context);
    }
}
