using Microsoft.AspNetCore.Http.HttpResults;

namespace Placeshaper.Imports;

public static class ImportProblems
{
    /// <summary>A refused file as problem details: 422, with every problem's file, line, column and reason.</summary>
    public static ProblemHttpResult Refused(ImportReport report) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The file was refused; nothing was imported",
            detail: $"{report.Problems.Count} problem(s) in {report.File}. The first: {report.Problems[0]}",
            extensions: new Dictionary<string, object?> { ["problems"] = report.Problems, ["read"] = report.Read });
}
