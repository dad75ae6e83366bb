using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Testing.Faults;

namespace Reassess.Api.Tests;

/// <summary>
/// Whatever a handler throws is answered as problem+json: storage that cannot be reached is a 503 with Retry-After,
/// within seconds rather than after the storage clients' half-minute of retries (it was a 500 with an empty body after
/// about 30 s); anything else a 500 whose trace id finds the exception in the log, and nothing of it in the answer.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class StorageFailureTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string, string?> StorageRoutes() => new()
    {
        { "GET", "/api/workloads", null },
        { "PUT", "/api/workloads/x", WorkloadWithoutId() },
        { "GET", "/api/workloads/ticket-triage/assessments", null },
        { "POST", "/api/reassess", "{}" },
        { "GET", "/api/reports/latest?format=html", null },
    };

    [Theory]
    [MemberData(nameof(StorageRoutes))]
    public async Task Unreachable_storage_is_a_503_problem_with_retry_after_within_seconds(string method, string path, string? body)
    {
        // The app creates its tables at start-up on Azurite, then finds its storage gone: a closed port.
        using var app = ReassessApiFactory.StartOnKestrel(azurite,
            services: s => s.AddSingleton(new StorageAccount(UnreachableStorage.Settings(azurite.NewSettings()))));
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : Http.Json(body) };

        var timer = Stopwatch.StartNew();
        using var response = await app.KeyedClient().SendAsync(request);
        var took = timer.Elapsed;

        Assert.True(took < TimeSpan.FromSeconds(10), $"answered after {took.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        var (_, detail) = await response.ReadProblemAsync();
        Assert.StartsWith("Storage did not answer within 5 s. Check AzureWebJobsStorage", detail);
        Assert.Contains("Azurite", detail);
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty((await response.ReadJsonAsync()).GetProperty("traceId").GetString()));
        Assert.DoesNotContain("127.0.0.1", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task The_storage_deadline_is_the_configured_one()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite, services: s =>
        {
            s.AddSingleton(new StorageAccount(UnreachableStorage.Settings(azurite.NewSettings())));
            s.AddSingleton(SettingsWithStorageTimeout(TimeSpan.FromSeconds(1)));
        });

        var timer = Stopwatch.StartNew();
        using var response = await app.KeyedClient().GetAsync("/api/workloads");

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(4), $"answered after {timer.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("Storage did not answer within 1 s.", (await response.ReadProblemAsync()).Detail);
    }

    [Fact]
    public async Task A_slow_upload_does_not_count_against_the_storage_deadline()
    {
        using var app = ReassessApiFactory.StartOnKestrel(azurite, services: s => s.AddSingleton(SettingsWithStorageTimeout(TimeSpan.FromSeconds(1))));
        var body = System.Text.Encoding.UTF8.GetBytes(Seed.WorkloadJson().ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/workloads/{Seed.WorkloadId}") { Content = new SlowContent(body, TimeSpan.FromSeconds(2.5)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        // A client of its own: the factory's client reads a request body whole before sending it, for redirects.
        using var client = new HttpClient { BaseAddress = app.KeyedClient().BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", ReassessApiFactory.Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_trace_id_found_in_the_log_and_nothing_of_the_exception()
    {
        var log = new LogCollector();
        using var app = ReassessApiFactory.StartOnKestrel(azurite, services: s =>
        {
            s.AddSingleton<IJobGate>(new BrokenGate());
            s.AddSingleton<ILoggerProvider>(log);
        });

        using var response = await app.KeyedClient().PostAsync("/api/reassess", Http.Json("{}"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var (_, detail) = await response.ReadProblemAsync();
        var problem = await response.ReadJsonAsync();
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.Contains(traceId, detail);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(BrokenGate.Message, text);
        Assert.DoesNotContain("AccountKey", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
        var logged = Assert.Single(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(traceId, StringComparison.Ordinal));
        Assert.Equal(BrokenGate.Message, logged.Exception?.Message);
    }

    /// <summary>The settings the test app is started with, but a storage deadline of <paramref name="timeout"/>.</summary>
    private static ApiSettings SettingsWithStorageTimeout(TimeSpan timeout) => new()
    {
        FunctionKeys = [ReassessApiFactory.Key], MaxRequestBodyBytes = 64 * 1024, ReassessWait = TimeSpan.FromSeconds(1), StorageTimeout = timeout,
    };

    private static string WorkloadWithoutId()
    {
        var workload = Seed.WorkloadJson();
        workload.Remove("id");
        return workload.ToJsonString();
    }

    /// <summary>A job gate that fails as a bug would, with a message that must not reach a client.</summary>
    private sealed class BrokenGate : IJobGate
    {
        public const string Message = "lease table broke; AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq";

        public Task<IAsyncDisposable?> TryEnterAsync(JobName job, TimeSpan wait, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Message);
    }

    /// <summary>A body sent in two halves with a pause between, as over a slow link.</summary>
    private sealed class SlowContent(byte[] bytes, TimeSpan pause) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
            await Task.Delay(pause);
            await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    /// <summary>Every log entry the app writes, kept to look at.</summary>
    private sealed class LogCollector : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
