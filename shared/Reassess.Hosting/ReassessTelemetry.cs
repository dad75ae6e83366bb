using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Telemetry;
using Reassess.Storage.Tables;

namespace Reassess.Hosting;

/// <summary>
/// OpenTelemetry for both hosts: a trace per job run and per HTTP request, with spans for price sheets, usage sources,
/// outgoing HTTP calls and table batches; logs carry the trace and span they were written in. Exported to Azure
/// Monitor, with the app's identity, only when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; nothing leaves the
/// process otherwise.
/// </summary>
public static class ReassessTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string ServiceName = "reassess";

    /// <summary>The activity sources Reassess writes spans to.</summary>
    public static IReadOnlyList<string> Sources { get; } = [JobTelemetry.SourceName, TableBatchWriter.MeterName];

    /// <summary>Where telemetry goes: the Application Insights connection string, or null to export nothing.</summary>
    public static string? AzureMonitorConnection(IConfiguration configuration) =>
        configuration[ConnectionStringSetting] is { Length: > 0 } connection ? connection : null;

    /// <returns>The builder, for a host to add its own (the Functions worker adds its invocation spans).</returns>
    public static IOpenTelemetryBuilder AddReassessTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddSource([.. Sources]).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation(RedactWebhookUrls))
            .WithMetrics(metrics => metrics.AddMeter(TableBatchWriter.MeterName))
            .WithLogging(logging => { }, options => options.IncludeFormattedMessage = true);

        if (AzureMonitorConnection(configuration) is { } connection)
        {
            builder.UseAzureMonitorExporter(options => options.ConnectionString = connection);
            // Application Insights has local authentication off: telemetry is sent with the app's managed identity.
            services.AddOptions<AzureMonitorExporterOptions>().Configure<TokenCredential>((options, credential) => options.Credential = credential);
        }

        return builder;
    }

    /// <summary>
    /// Outgoing-call spans record each request's URL; a webhook delivery's URL is a secret (its key is in the path or
    /// query), so those spans record the redacted address the sender put on the request instead.
    /// </summary>
    private static void RedactWebhookUrls(HttpClientTraceInstrumentationOptions options) =>
        options.EnrichWithHttpRequestMessage = (activity, request) =>
        {
            if (request.Options.TryGetValue(WebhookSender.RedactedUrl, out var redacted))
            {
                activity.SetTag("url.full", redacted);
                activity.SetTag("url.path", null);
                activity.SetTag("url.query", null);
            }
        };
}
