using Microsoft.AspNetCore.Diagnostics;

namespace Placeshaper.Hosting;

/// <summary>Bodiless error responses become problem details on the API and a GOV.UK-styled page elsewhere.</summary>
public static class StatusPages
{
    public static async Task WriteAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = context.Response.StatusCode,
                    Title = context.Response.StatusCode switch
                    {
                        401 => "Sign-in required",
                        403 => "Not allowed",
                        404 => "Not found",
                        405 => "Method not allowed",
                        413 => "Request too large",
                        415 => "Unsupported media type: check the Content-Type header (JSON bodies are application/json)",
                        429 => "Too many requests: try again later",
                        _ => null,
                    },
                },
            });
            return;
        }

        // Re-execute as the error page so it keeps the layout, status code and URL.
        var path = context.Response.StatusCode switch
        {
            403 => "/errors/403",
            429 => "/errors/429",
            404 => "/errors/404",
            _ => "/errors/other",
        };
        var original = context.Request.Path;
        context.Request.Path = path;
        context.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature { OriginalPath = original, OriginalPathBase = context.Request.PathBase });
        try
        {
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            await status.Next(context);
        }
        finally
        {
            context.Request.Path = original;
        }
    }
}
