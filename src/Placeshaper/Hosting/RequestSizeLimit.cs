using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Placeshaper.Hosting;

/// <summary>
/// Limits request bodies to <see cref="PlaceshaperSettings.MaxRequestBodyBytes"/> unless the endpoint declares its own
/// limit (<c>IRequestSizeLimitMetadata</c>, e.g. an upload). A declared length over the limit is refused before
/// anything reads the body; a chunked body is stopped by the server when it passes the limit, surfacing as a 413
/// from <see cref="ProblemExceptionHandler"/>.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, long defaultMaxBytes)
{
    /// <summary>No endpoint may accept more than this (1 GiB), whatever it declares.</summary>
    public const long Ceiling = 1024L * 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        // An error page shown for this request (re-executed after a 413, say) does not get refused again.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            return next(context);
        }

        // No metadata: the default. Metadata without a size ([DisableRequestSizeLimit]): the ceiling.
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declared is null ? defaultMaxBytes : Math.Min(declared.MaxRequestBodySize ?? Ceiling, Ceiling);
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
