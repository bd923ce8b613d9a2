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
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        var limit = Math.Min(declared ?? defaultMaxBytes, Ceiling);
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
