using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Reassess.Core.Json;

namespace Reassess.Api;

/// <summary>Answers in the contract's JSON (camelCase, enum names), whichever host serialises them.</summary>
internal static class Json
{
    public static JsonHttpResult<T> Ok<T>(T value, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, ReassessJson.Options, statusCode: status);
}
