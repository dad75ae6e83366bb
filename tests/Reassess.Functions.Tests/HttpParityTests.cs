extern alias worker;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reassess.Pipeline.Catalog;
using Reassess.Storage.Configuration;
using Reassess.Tools.Azurite;
using Reassess.Testing;
using HttpFunctions = worker::Reassess.Functions.Http.HttpFunctions;

namespace Reassess.Functions.Tests;

/// <summary>
/// Each HTTP function, called with a real <see cref="HttpContext"/> as the worker's ASP.NET Core integration calls it,
/// answers what the self-host answers for the same request: the same status, meaningful headers and body. One table
/// of requests, played in order against each host over its own copy of the same data, drives both.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class HttpParityTests(AzuriteFixture azurite)
{
    private const string Key = "parity-test-key-0123456789";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static string Workload() =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "workloads.json")))!["workloads"]!
            .AsArray().Single(w => (string?)w!["id"] == "ticket-triage")!.ToJsonString();

    private static readonly HttpExchange[] Table =
    [
        new("Health", "GET", "health", 200),
        new("ListWorkloads", "GET", "workloads", 200),
        new("PutWorkload", "PUT", "workloads/ticket-triage", 201, Workload()),
        new("PutWorkload", "PUT", "workloads/ticket-triage", 200, Workload()),
        new("PutWorkload", "PUT", "workloads/other", 400, """{"id": "other", "name": 5}"""),
        new("GetWorkload", "GET", "workloads/ticket-triage", 200),
        new("GetWorkload", "GET", "workloads/nobody", 404),
        new("ListWorkloads", "GET", "workloads", 200),
        new("PostEvals", "POST", "workloads/ticket-triage/evals", 201, """[{"date": "2026-11-20", "suite": "triage-golden-set", "score": 93.1}]"""),
        new("PostEvals", "POST", "workloads/ticket-triage/evals", 400, "[{"),
        new("ListAssessments", "GET", "workloads/ticket-triage/assessments", 200),
        new("ListAssessments", "GET", "workloads/ticket-triage/assessments?from=yesterday", 400),
        new("WhatIf", "POST", "whatif", 200, File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "whatif-worked-example.json"))),
        new("WhatIf", "POST", "whatif", 400, """{"workload": {}}"""),
        new("Reassess", "POST", "reassess", 200, """{"workloads": ["ticket-triage", "nobody"]}"""),
        new("Reassess", "POST", "reassess", 400, """{"workloads": "all"}"""),
        new("LatestReport", "GET", "reports/latest", 404),
        new("WeekReport", "GET", "reports/2026-W48?format=html", 404),
        new("WeekReport", "GET", "reports/week-48", 400),
        new("Trends", "GET", "trends", 200),
        new("Trends", "GET", "trends?by=workload&format=csv", 200),
        new("Trends", "GET", "trends?by=planet", 400),
        new("DeleteWorkload", "DELETE", "workloads/ticket-triage", 204),
        new("DeleteWorkload", "DELETE", "workloads/ticket-triage", 404),
        new("Health", "GET", "health", 200),
    ];

    [Fact]
    public void The_table_calls_every_http_function()
    {
        Assert.Equal(FunctionCatalog.Http.Select(f => f.Name).Order(StringComparer.Ordinal), Table.Select(e => e.Function).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_http_function_answers_as_the_self_host_does()
    {
        using var workspace = new Workspace();
        var clock = new FakeTimeProvider(Now);
        var (functionsStorage, selfHostStorage) = ((await azurite.NewAccountAsync()).Settings, (await azurite.NewAccountAsync()).Settings);
        using var services = WorkerServices.Build(workspace.Settings(functionsStorage), clock);
        using var selfHost = new SelfHost(workspace.Settings(selfHostStorage), clock, Key);
        using var client = selfHost.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);

        var differences = new List<string>();
        var statuses = new List<int>();
        foreach (var exchange in Table)
        {
            var fromFunction = await InvokeFunctionAsync(services, exchange);
            var fromSelfHost = await SendAsync(client, exchange);
            statuses.Add(fromFunction.Status);
            if (fromFunction != fromSelfHost)
                differences.Add($"{exchange}:\n  function:  {fromFunction}\n  self-host: {fromSelfHost}");
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.Equal(Table.Select(e => e.Status), statuses);
    }

    /// <summary>As the worker does it: the function method found by its [Function] name, route values bound by parameter name.</summary>
    private static async Task<HttpAnswer> InvokeFunctionAsync(IServiceProvider services, HttpExchange exchange)
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
        var route = RouteValues(FunctionCatalog.Http.Single(f => f.Name == exchange.Function).Route, exchange.Path);
        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request : (object?)route[p.Name!]).ToArray();
        var result = await (Task<IResult>)method.Invoke(function, arguments)!;
        await result.ExecuteAsync(context);
        return HttpAnswer.Of(context.Response.StatusCode, h => context.Response.Headers.TryGetValue(h, out var v) ? v.ToString() : null, response.ToArray());
    }

    private static async Task<HttpAnswer> SendAsync(HttpClient client, HttpExchange exchange)
    {
        using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), "/api/" + exchange.Target);
        if (exchange.Body is not null)
        {
            request.Content = new StringContent(exchange.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return HttpAnswer.Of((int)response.StatusCode, h => Header(response, h), body);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    /// <summary>The route template's <c>{name}</c> segments read from the path.</summary>
    private static Dictionary<string, string> RouteValues(string template, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, actual) in template.Split('/').Zip(path.Split('/')))
            if (part.StartsWith('{')) values[part.Trim('{', '}')] = Uri.UnescapeDataString(actual);
        return values;
    }
}
