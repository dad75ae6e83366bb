using Microsoft.AspNetCore.Http;

namespace Reassess.Api.Http;

/// <summary>
/// Response headers that belong to an answer, set when the answer is written. A handler that sets them on the response
/// itself would send them only from the host whose HttpContext it was given; put on the result, they go out from
/// every host that executes it (the self-host and the Functions worker).
/// </summary>
public static class ResultHeaders
{
    public static IResult WithHeaders(this IResult result, params (string Name, string Value)[] headers) => new Headed(result, headers);

    private sealed class Headed(IResult inner, (string Name, string Value)[] headers) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public string? ContentType => (inner as IContentTypeHttpResult)?.ContentType;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            foreach (var (name, value) in headers) httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
