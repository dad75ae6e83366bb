using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage.AzureMonitor;

/// <summary>
/// Azure Monitor "Metrics - List" answers for Azure OpenAI resources (format <c>azure-monitor</c>):
/// <c>value[].timeseries[].data[]</c>, split by deployment (<c>$filter=ModelDeploymentName eq '*'</c>), read by
/// <see cref="AzureMetricDays"/>. A file holds one answer; the API puller joins the answers of one resource.
/// </summary>
public sealed class AzureMonitorMetricsReader : UsagePageReader
{
    public override string Format => UsageSourceNames.AzureMonitor;

    public override UsagePage ReadPage(byte[] content, string sourceName) => new(ReadAnswers([(content, sourceName)], sourceName), null);

    /// <summary>Several answers about the same resources (one per group of metrics asked for) as one set of daily rows.</summary>
    public static ReadResult<MeteredUsage> ReadAnswers(IEnumerable<(byte[] Body, string Source)> answers, string sourceName)
    {
        var results = new ReadResultBuilder<MeteredUsage>(sourceName);
        var days = new AzureMetricDays();
        foreach (var (body, source) in answers) days.Add(body, source, results);
        foreach (var row in days.ToRows()) results.Add(row);
        return results.Build();
    }
}
