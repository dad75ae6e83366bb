extern alias worker;
using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Testing.Http;
using TimerFunctions = worker::Reassess.Functions.Timers.TimerFunctions;

namespace Reassess.Functions.Tests;

/// <summary>
/// One timer invocation, seen through the app's OpenTelemetry set-up with an in-memory exporter: one trace holding the
/// job's lock, a span for the run, one per price sheet under it, the sheet's HTTP pull under that, the table batches
/// that stored the prices, and the run's log lines.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class TelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_price_refresh_run_is_one_trace_with_spans_for_each_sheet_its_pull_and_its_table_batches()
    {
        await using var server = new LocalHttpServer(_ => Reply.Json(File.ReadAllBytes(SharedData.Path("prices", "litellm_model_prices.json"))));
        using var workspace = new Workspace();
        var storage = (await azurite.NewAccountAsync()).Settings;
        var settings = workspace.Settings(storage);
        settings["Reassess:PriceSources"] += $";litellm={server.Url("/model_prices_and_context_window.json")}";
        var (spans, logs) = (new List<Activity>(), new List<LogRecord>());
        using var services = WorkerServices.Build(settings, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero)), observe: s => s
            .AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)).WithLogging(l => l.AddInMemoryExporter(logs)));
        using var tracing = services.GetRequiredService<TracerProvider>();

        await WorkerServices.Activate<TimerFunctions>(services).RefreshPricesAsync(new TimerInfo(), new Mock<FunctionContext>().Object);
        tracing.ForceFlush();

        var run = Assert.Single(spans, s => s.DisplayName == "RefreshPrices");
        Assert.Equal((ActivityStatusCode.Ok, "2026-11-23"), (run.Status, run.GetTagItem("reassess.period")));
        Assert.True((long)run.GetTagItem("reassess.count.prices_changed")! > 1000);
        var timer = Assert.Single(spans, s => s.DisplayName == "timer RefreshPrices");
        Assert.Equal(timer.SpanId, run.ParentSpanId);
        Assert.All(spans, s => Assert.Equal(timer.TraceId, s.TraceId));
        Assert.Contains(spans, s => s.ParentSpanId == timer.SpanId && ((string?)s.GetTagItem("url.full"))?.Contains("/locks/") == true); // the job's lock
        var sheets = spans.Where(s => s.ParentSpanId == run.SpanId && s.DisplayName.StartsWith("price sheet ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["price sheet genai-prices", "price sheet litellm", "price sheet overrides"], sheets.Select(s => s.DisplayName).Order(StringComparer.Ordinal));
        var litellm = sheets.Single(s => s.DisplayName == "price sheet litellm");
        Assert.Equal(server.Url("/model_prices_and_context_window.json").ToString(), litellm.GetTagItem("reassess.source.location"));
        var pull = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == litellm.SpanId && ((string?)s.GetTagItem("url.full"))?.StartsWith(server.BaseUri.ToString(), StringComparison.Ordinal) == true);
        Assert.Equal(("GET", 200), (pull.GetTagItem("http.request.method"), pull.GetTagItem("http.response.status_code")));
        var batches = spans.Where(s => s.DisplayName == "table batch" && (string?)s.GetTagItem("db.collection.name") == new StorageAccount(storage).Table(storage.PricesTable).Name).ToList();
        Assert.NotEmpty(batches);
        Assert.All(batches, b => Assert.Equal(run.SpanId, b.ParentSpanId));
        var summary = Assert.Single(logs, l => l.FormattedMessage?.StartsWith("RefreshPrices 2026-11-23:", StringComparison.Ordinal) == true);
        Assert.Equal((run.TraceId, run.SpanId), (summary.TraceId, summary.SpanId));
    }
}
