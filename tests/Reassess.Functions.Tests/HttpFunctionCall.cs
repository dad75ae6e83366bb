extern alias worker;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Reassess.Api.Worker;
using HttpFunctions = worker::Reassess.Functions.Http.HttpFunctions;
using Reassess.Api;

namespace Reassess.Functions.Tests;

/// <summary>
/// An HTTP function invoked as the worker invokes it with ASP.NET Core integration: a real <see cref="HttpContext"/>
/// carried by a <see cref="FunctionContext"/> (mocked), the app's worker middleware (<see cref="ApiFailureMiddleware"/>,
/// as Program.cs registers it) around the function, the function found by its [Function] name with its route values
/// bound by parameter name, and the IResult it returns written afterwards, as the integration's own middleware does.
/// </summary>
public static class HttpFunctionCall
{
    /// <summary>Where the ASP.NET Core integration keeps an invocation's HttpContext (what <c>GetHttpContext()</c> reads).</summary>
    public const string HttpContextItem = "HttpRequestContext";

    public static async Task<HttpAnswer> InvokeAsync(IServiceProvider services, HttpExchange exchange)
    {
        using var scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = exchange.Method;
        context.Request.Path = "/api/" + exchange.Path;
        context.Request.QueryString = new QueryString(exchange.Query);
        if (exchange.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(exchange.Body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json; charset=utf-8";
        }

        var response = new MemoryStream();
        context.Response.Body = response;
        var function = WorkerServices.Activate<HttpFunctions>(scope.ServiceProvider);
        var method = typeof(HttpFunctions).GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == exchange.Function);
        var route = RouteValues(HttpCatalog.Functions.Single(f => f.Name == exchange.Function).Route, exchange.Path);

        IResult? result = null;
        var middleware = WorkerServices.Activate<ApiFailureMiddleware>(scope.ServiceProvider);
        await middleware.Invoke(Context(exchange.Function, context, scope.ServiceProvider), async _ =>
        {
            // Arguments are read when the function runs, inside the middleware, as the worker binds them.
            var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request : (object?)route[p.Name!]).ToArray();
            result = await (Task<IResult>)method.Invoke(function, arguments)!;
        });
        if (result is not null) await result.ExecuteAsync(context);
        return HttpAnswer.Of(context.Response.StatusCode, h => context.Response.Headers.TryGetValue(h, out var v) ? v.ToString() : null, response.ToArray());
    }

    /// <summary>A function invocation's context as the middleware reads it: the function's name, its services and, for HTTP, the HttpContext.</summary>
    public static FunctionContext Context(string function, HttpContext? http, IServiceProvider services)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.Setup(d => d.Name).Returns(function);
        var context = new Mock<FunctionContext>();
        context.Setup(c => c.FunctionDefinition).Returns(definition.Object);
        context.Setup(c => c.InstanceServices).Returns(services);
        context.Setup(c => c.Items).Returns(http is null ? new Dictionary<object, object>() : new Dictionary<object, object> { [HttpContextItem] = http });
        return context.Object;
    }

    /// <summary>The route template's <c>{name}</c> segments read from the path.</summary>
    private static Dictionary<string, string> RouteValues(string template, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, actual) in template.Split('/').Zip(path.Split('/')))
            if (part.StartsWith('{')) values[part.Trim('{', '}')] = Uri.UnescapeDataString(actual);
        return values;
    }
}
