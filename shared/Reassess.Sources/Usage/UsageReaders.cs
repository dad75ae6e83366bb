using Reassess.Core.Usage;
using Reassess.Sources.Usage.Anthropic;
using Reassess.Sources.Usage.AzureMonitor;
using Reassess.Sources.Usage.Focus;
using Reassess.Sources.Usage.OpenAi;

namespace Reassess.Sources.Usage;

/// <summary>
/// The readers of provider and billing usage (rows still to be mapped to workloads), by format name:
/// <c>openai</c>, <c>openai-costs</c>, <c>anthropic</c>, <c>anthropic-costs</c>, <c>azure-monitor</c>, <c>focus</c>.
/// Teams' own drops (<c>csv</c>) name their workload already and are in <see cref="ReaderCatalog.Default"/>.
/// </summary>
public static class UsageReaders
{
    public static ReaderSet<MeteredUsage> Metered { get; } = Create();

    /// <param name="progress">Told how a streamed export (FOCUS) is getting on.</param>
    public static ReaderSet<MeteredUsage> Create(TimeProvider? clock = null, Action<ReadProgress>? progress = null) => new("usage",
    [
        new OpenAiUsageReader(), new OpenAiCostsReader(), new AnthropicUsageReader(), new AnthropicCostReader(),
        new AzureMonitorMetricsReader(), new FocusCostReader(clock, progress),
    ]);
}
