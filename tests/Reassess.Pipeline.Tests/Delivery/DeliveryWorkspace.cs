using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Configuration;
using Reassess.Testing;
using Reassess.Testing.Http;

namespace Reassess.Pipeline.Tests.Delivery;

/// <summary>
/// The sample company on its own storage, with a teams file whose webhooks point at a local sink on 127.0.0.1 and
/// whose e-mail goes to a local SMTP server; the delivery job built over it as the hosts build it, with quick retries.
/// </summary>
internal sealed class DeliveryWorkspace : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DeliveryWorkspace(SampleWorkspace samples, LocalHttpServer sink, SmtpSink mail, CapturedLogs logs, string? secretPath)
    {
        (Samples, Sink, Mail, Logs) = (samples, sink, mail, logs);
        File.WriteAllText(samples.PathOf("teams.json"), TeamsFile(sink, mail, secretPath));
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddWebhookClient().Services
            .BuildServiceProvider();
    }

    public SampleWorkspace Samples { get; }
    public LocalHttpServer Sink { get; }
    public SmtpSink Mail { get; }
    public CapturedLogs Logs { get; }
    public PipelineContext Context => Samples.Context;

    /// <param name="answer">How the sink answers a request to a path (200 when null).</param>
    /// <param name="secretPath">The path of the catalog team's webhook, e.g. one holding a planted secret.</param>
    public static async Task<DeliveryWorkspace> StartAsync(StorageAccount account, Func<SeenRequest, Reply>? answer = null, string? secretPath = null)
    {
        var mail = new SmtpSink();
        await mail.ReadyAsync();
        return new DeliveryWorkspace(new SampleWorkspace(account), new LocalHttpServer(answer ?? (_ => Reply.WithStatus(200))), mail, new CapturedLogs(), secretPath);
    }

    /// <summary>A delivery job as another host would have it: its own postbox over the same storage.</summary>
    public DeliverWeeklyReport Job()
    {
        var settings = Context.Settings with { TeamsPath = "teams.json" };
        var loggers = _services.GetRequiredService<ILoggerFactory>();
        var context = TestPipeline.Context(Context.Account, settings, logger: loggers.CreateLogger("Reassess.Jobs"));
        return new DeliverWeeklyReport(context, Deliveries(context, loggers));
    }

    /// <summary>The deliveries of a host over this workspace, for jobs that raise alerts.</summary>
    public Deliveries Deliveries()
    {
        var loggers = _services.GetRequiredService<ILoggerFactory>();
        return Deliveries(TestPipeline.Context(Context.Account, Context.Settings with { TeamsPath = "teams.json" }), loggers);
    }

    private Deliveries Deliveries(PipelineContext context, ILoggerFactory loggers)
    {
        var webhooks = new WebhookSender(_services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System,
            new WebhookSendOptions { Timeout = TimeSpan.FromSeconds(5), MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(40) },
            loggers.CreateLogger("Reassess.Delivery"), jitter: () => 0.5);
        return new Deliveries(context.Settings, new TeamsFileReader(new ConfigurationBuilder().Build()),
            new Postbox(context.Deliveries, webhooks, TimeProvider.System, loggers));
    }

    private static string TeamsFile(LocalHttpServer sink, SmtpSink mail, string? secretPath) => $$"""
        {
          "teams": [
            { "team": "support", "channels": [
              { "kind": "teams", "url": "{{sink.Url("/teams/support")}}" },
              { "kind": "email", "to": ["support-leads@example.com"] } ] },
            { "team": "finance-ops", "channels": [ { "kind": "teams", "url": "{{sink.Url("/teams/finance-ops")}}" } ] },
            { "team": "devex", "channels": [ { "kind": "slack", "url": "{{sink.Url("/slack/devex")}}" } ] },
            { "team": "catalog", "channels": [ { "kind": "webhook", "url": "{{sink.Url(secretPath ?? "/webhook/catalog")}}" } ] }
          ],
          "finance": { "channels": [ { "kind": "webhook", "url": "{{sink.Url("/webhook/finance")}}" } ] },
          "smtp": { "host": "127.0.0.1", "port": {{mail.Port}}, "from": "Reassess <reassess@example.com>", "security": "none" }
        }
        """;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sink.DisposeAsync();
        await Mail.DisposeAsync();
        Logs.Dispose();
        Samples.Dispose();
    }
}
