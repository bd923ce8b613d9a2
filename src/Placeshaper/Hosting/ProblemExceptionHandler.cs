using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Placeshaper.Hosting;

/// <summary>
/// Turns the framework's "bad request" exceptions (unreadable JSON, wrong types, oversized bodies) into problem
/// details that name the offending field; anything else is a bug and gets a 500 without internals.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has pointed the request at the error page; the feature keeps where it was going.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (!new PathString(path).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            // Pages: the exception handler middleware re-executes the request as the error page.
            if (exception is not BadHttpRequestException)
            {
                log.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, path);
            }

            return false;
        }

        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            var field = FieldOf(bad);
            problem = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new ProblemDetails { Status = 413, Title = "Request too large", Detail = "The request body is larger than this server accepts." }
                : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Describe(bad)] })
                {
                    Status = bad.StatusCode,
                    Title = "The request could not be read",
                    Detail = Describe(bad),
                };
        }
        else
        {
            log.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, path);
            problem = new ProblemDetails { Status = 500, Title = "Something went wrong", Detail = "The error has been logged. Try again, or tell your administrator the trace id." };
        }

        if (context.Response.HasStarted)
        {
            return false;
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static string FieldOf(BadHttpRequestException bad) =>
        bad.InnerException is JsonException { Path: { } path } ? JsonPathToField(path) : "body";

    /// <summary>"$.roles[0]" becomes "roles[0]", the way validation problems name fields.</summary>
    private static string JsonPathToField(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$') is { Length: > 0 } rest ? rest : "body";

    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json when json.Path is { Length: > 1 } => $"The value at '{JsonPathToField(json.Path)}' is not valid: {FirstSentence(json.Message)}",
        JsonException => "The body is not valid JSON.",
        _ => bad.Message,
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
