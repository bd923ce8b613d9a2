using Microsoft.AspNetCore.Http.HttpResults;
using Placeshaper.Common;

namespace Placeshaper.Api;

/// <summary>Maps expected failures to RFC 9457 (formerly 7807) problem details, once for the whole API.</summary>
public static class Problems
{
    public static ValidationProblem Validation(Errors errors) =>
        TypedResults.ValidationProblem(errors.ByField, title: "The request has errors", detail: errors.ToString());

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: what + " not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
