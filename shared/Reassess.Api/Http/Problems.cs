using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Reassess.Core.Ingestion;

namespace Reassess.Api.Http;

/// <summary><c>application/problem+json</c> answers that say what to fix.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(InputProblem problem) =>
        TypedResults.Problem(
            title: "The request cannot be used as sent.",
            detail: problem.Message,
            statusCode: StatusCodes.Status400BadRequest,
            // A problem with the request as a whole (not an object, not JSON) is at the body.
            extensions: new Dictionary<string, object?> { ["field"] = problem.Location.Length == 0 ? "body" : problem.Location });

    public static ProblemHttpResult BadRequest(string field, string message) => BadRequest(new InputProblem("request", field, message));

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Not found.", detail: what, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(
            title: "The workload is not in the state the request expects.",
            detail: detail,
            statusCode: StatusCodes.Status412PreconditionFailed,
            extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });

    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        TypedResults.Problem(
            title: "Unsupported media type.",
            detail: detail,
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            extensions: new Dictionary<string, object?> { ["field"] = "Content-Type" });

    public static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem(
            title: "Request body too large.",
            detail: $"The body is over {limit:N0} bytes; send less (one workload or one what-if per request) or raise Reassess__MaxRequestBodyBytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge);
}
