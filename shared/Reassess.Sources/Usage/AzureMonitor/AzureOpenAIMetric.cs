namespace Reassess.Sources.Usage.AzureMonitor;

/// <summary>
/// The Azure OpenAI metrics Reassess reads (Azure Monitor names, <c>azure_openai_monitor_metrics.csv</c>) and the
/// aggregation each is read by. Azure Monitor gives latency as an average, never a percentile: it is kept as the
/// day's mean and never taken for a p95.
/// </summary>
public enum AzureOpenAIMetric
{
    /// <summary><c>AzureOpenAIRequests</c>, Total: calls.</summary>
    Requests,

    /// <summary><c>ProcessedPromptTokens</c>, Total: input tokens (Azure Monitor does not split off cached ones).</summary>
    PromptTokens,

    /// <summary><c>GeneratedTokens</c>, Total: output tokens.</summary>
    GeneratedTokens,

    /// <summary><c>AzureOpenAITimeToResponse</c>, Average: mean time to response in ms.</summary>
    TimeToResponse,
}

public static class AzureOpenAIMetrics
{
    /// <summary>The metric names as the REST API's <c>metricnames</c> wants them, in <see cref="AzureOpenAIMetric"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["AzureOpenAIRequests", "ProcessedPromptTokens", "GeneratedTokens", "AzureOpenAITimeToResponse"];

    public static AzureOpenAIMetric? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "azureopenairequests" => AzureOpenAIMetric.Requests,
        "processedprompttokens" => AzureOpenAIMetric.PromptTokens,
        "generatedtokens" => AzureOpenAIMetric.GeneratedTokens,
        "azureopenaitimetoresponse" => AzureOpenAIMetric.TimeToResponse,
        _ => null,
    };

    /// <summary>The data point field a metric is read from: <c>total</c> for counts, <c>average</c> for latency.</summary>
    public static string Aggregation(AzureOpenAIMetric metric) => metric == AzureOpenAIMetric.TimeToResponse ? "average" : "total";

    /// <summary>Why an Azure OpenAI metric Reassess does not read is left out, for the note that says so.</summary>
    public static string WhyNotRead(string name) => name.ToLowerInvariant() switch
    {
        "tokentransaction" => "it adds input and output tokens together; ask for ProcessedPromptTokens and GeneratedTokens instead",
        _ => $"it is not one of the metrics Reassess reads ({string.Join(", ", Names)})",
    };
}
