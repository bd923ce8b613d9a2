namespace Placeshaper.Hosting;

/// <summary>
/// Refuses a call to the JSON API that would change something, carries the session cookie rather than a bearer token,
/// and comes from a page of another site (or another host of the same site, such as a council's other subdomain): a
/// forged request riding on a signed-in officer's or provider's session. The API takes no antiforgery token, since its
/// clients are programs with tokens and the product's own pages calling from their origin; browsers say where a call
/// comes from (<c>Sec-Fetch-Site</c>, <c>Origin</c>), and a call that says nothing is not a browser's cross-site call.
/// </summary>
public sealed class CrossSiteApiCalls(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || request.Headers.Authorization.Count > 0
            || !request.Cookies.ContainsKey(SessionCookie)
            || FromThisOrigin(request))
        {
            return next(context);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-site request refused",
            detail: "This call changes data with the session cookie but came from a page of another site. Call the API from Placeshaper's own pages, or with a bearer token.")
            .ExecuteAsync(context);
    }

    /// <summary>The session cookie's name (<see cref="WebApp"/>).</summary>
    public const string SessionCookie = "placeshaper.session";

    private static bool FromThisOrigin(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
        {
            // "none" is the person's own doing (typed, bookmarked); "same-origin" the product's own pages.
            return site is "same-origin" or "none";
        }

        return request.Headers.Origin.ToString() is not { Length: > 0 } origin
            || (Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
