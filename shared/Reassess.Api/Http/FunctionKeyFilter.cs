using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Reassess.Api.Http;

/// <summary>
/// Function-key auth as Azure Functions does it for <c>AuthorizationLevel.Function</c>: the key in the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter, compared in constant time.
/// </summary>
public sealed class FunctionKeyFilter(ApiSettings settings) : IEndpointFilter
{
    public const string Header = "x-functions-key";
    public const string Query = "code";

    private readonly byte[][] _keys = settings.FunctionKeys.Select(Encoding.UTF8.GetBytes).ToArray();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var presented = request.Headers[Header].FirstOrDefault() ?? request.Query[Query].FirstOrDefault();
        if (string.IsNullOrEmpty(presented) || !Matches(Encoding.UTF8.GetBytes(presented)))
        {
            return TypedResults.Problem(
                title: "Unauthorized.",
                detail: $"Send a function key in the {Header} header or the {Query} query parameter.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    private bool Matches(byte[] presented)
    {
        var match = false;
        // Every key is compared, each in constant time, so timing says nothing about which key was close.
        foreach (var key in _keys)
            match |= CryptographicOperations.FixedTimeEquals(key, presented);
        return match;
    }
}
