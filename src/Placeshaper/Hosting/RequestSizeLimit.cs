namespace Placeshaper.Hosting;

/// <summary>
/// Refuses a declared body over the limit before anything reads it. Kestrel enforces the same limit on bodies that
/// do not declare their length, surfacing as a 413 from <see cref="ProblemExceptionHandler"/>.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
