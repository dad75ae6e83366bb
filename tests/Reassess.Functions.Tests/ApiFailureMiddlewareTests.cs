using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reassess.Api.Worker;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Tools.Azurite;
using Reassess.Testing.Faults;

namespace Reassess.Functions.Tests;

/// <summary>
/// What the worker answers when a function throws (<see cref="ApiFailureMiddleware"/>, registered by Program.cs): the
/// same problem+json as the self-host, within seconds when storage is down, and nothing of the exception.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class ApiFailureMiddlewareTests(AzuriteFixture azurite)
{
    private const string Key = "failure-test-key-0123456789abcdefghijklmn";

    /// <summary>Requests that need storage, played against both hosts while it is unreachable.</summary>
    private static readonly HttpExchange[] StorageDown =
    [
        new("ListWorkloads", "GET", "workloads", 503),
        new("PutWorkload", "PUT", "workloads/x", 503, SampleWorkloadWithoutId()),
        new("Reassess", "POST", "reassess", 503, "{}"),
        new("Health", "GET", "health", 503),
    ];

    [Fact]
    public async Task With_storage_unreachable_each_function_answers_503_within_seconds_as_the_self_host_does()
    {
        using var workspace = new Workspace();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var down = UnreachableStorage.Settings(azurite.NewSettings());
        using var services = WorkerServices.Build(workspace.Settings(down), clock);
        // The self-host creates its tables at start-up, so it starts on Azurite and then finds storage gone.
        using var selfHost = new SelfHost(workspace.Settings((await azurite.NewAccountAsync()).Settings), clock, Key,
            collection => collection.AddSingleton(new StorageAccount(down)));
        using var client = selfHost.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);

        var differences = new List<string>();
        foreach (var exchange in StorageDown)
        {
            var timer = Stopwatch.StartNew();
            var fromFunction = await HttpFunctionCall.InvokeAsync(services, exchange);
            var took = timer.Elapsed;
            var fromSelfHost = await SelfHost.SendAsync(client, exchange);

            Assert.True(took < TimeSpan.FromSeconds(10), $"{exchange} took {took.TotalSeconds:0.0} s");
            Assert.Equal(exchange.Status, fromFunction.Status);
            if (exchange.Function != "Health")
            {
                Assert.Contains("Content-Type: application/problem+json; Retry-After: 10", fromFunction.Headers);
                Assert.Contains("AzureWebJobsStorage", Detail(fromFunction));
                Assert.DoesNotContain("127.0.0.1", fromFunction.Body);
            }

            if (WithoutTraceId(fromFunction) != WithoutTraceId(fromSelfHost))
                differences.Add($"{exchange}:\n  function:  {fromFunction}\n  self-host: {fromSelfHost}");
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task A_function_that_throws_is_answered_500_with_the_trace_id_and_nothing_of_the_exception()
    {
        using var workspace = new Workspace();
        using var services = WorkerServices.Build(workspace.Settings(azurite.NewSettings()));
        var http = new DefaultHttpContext { RequestServices = services };
        var body = new MemoryStream();
        http.Response.Body = body;
        using var trace = new Activity("invocation").Start();

        await WorkerServices.Activate<ApiFailureMiddleware>(services).Invoke(HttpFunctionCall.Context("ListWorkloads", http, services),
            _ => throw new InvalidOperationException("Table client broke; AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="));

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        var text = System.Text.Encoding.UTF8.GetString(body.ToArray());
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(trace.TraceId.ToHexString(), problem.RootElement.GetProperty("traceId").GetString());
        Assert.Contains(trace.TraceId.ToHexString(), problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("AccountKey", text);
        Assert.DoesNotContain("Table client broke", text);
        Assert.DoesNotContain("InvalidOperationException", text);
    }

    [Fact]
    public async Task A_timer_invocation_passes_through_and_its_failure_stays_the_hosts()
    {
        using var workspace = new Workspace();
        using var services = WorkerServices.Build(workspace.Settings(azurite.NewSettings()));
        var ran = false;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WorkerServices.Activate<ApiFailureMiddleware>(services).Invoke(
            HttpFunctionCall.Context("ReassessWorkloads", http: null, services), _ =>
            {
                ran = true;
                throw new InvalidOperationException("the run failed");
            }));

        Assert.True(ran);
        Assert.Equal("the run failed", error.Message);
    }

    [Fact]
    public async Task A_request_its_client_abandoned_is_left_unanswered()
    {
        using var workspace = new Workspace();
        using var services = WorkerServices.Build(workspace.Settings(azurite.NewSettings()));
        using var left = new CancellationTokenSource();
        var http = new DefaultHttpContext { RequestServices = services, RequestAborted = left.Token };
        var body = new MemoryStream();
        http.Response.Body = body;
        await left.CancelAsync();

        await WorkerServices.Activate<ApiFailureMiddleware>(services).Invoke(HttpFunctionCall.Context("ListWorkloads", http, services),
            context => throw new OperationCanceledException(http.RequestAborted));

        Assert.Equal(0, body.Length);
        Assert.Equal(left.Token, http.RequestAborted);
    }

    /// <summary>A valid workload body that takes its id from the URL, so the request gets as far as storage.</summary>
    private static string SampleWorkloadWithoutId()
    {
        var samples = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "workloads.json")))!;
        var workload = samples["workloads"]!.AsArray().Single(w => (string?)w!["id"] == "ticket-triage")!.AsObject().DeepClone().AsObject();
        workload.Remove("id");
        return workload.ToJsonString();
    }

    private static string Detail(HttpAnswer answer)
    {
        using var problem = JsonDocument.Parse(answer.Body);
        return problem.RootElement.GetProperty("detail").GetString() ?? "";
    }

    /// <summary>The answer with its trace id (and the detail's mention of it) blanked: each host's trace is its own.</summary>
    private static HttpAnswer WithoutTraceId(HttpAnswer answer)
    {
        using var problem = JsonDocument.Parse(answer.Body);
        return problem.RootElement.TryGetProperty("traceId", out var id) && id.GetString() is { Length: > 0 } traceId
            ? answer with { Body = answer.Body.Replace(traceId, "(trace)", StringComparison.Ordinal) }
            : answer;
    }
}
