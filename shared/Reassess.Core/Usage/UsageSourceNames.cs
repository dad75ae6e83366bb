namespace Reassess.Core.Usage;

/// <summary>
/// The names usage sources go by, as <c>--format</c>, settings, stored rows and <c>usage.match</c> rules spell them.
/// A cost report belongs to its provider's family, so a rule for <c>openai</c> also claims <c>openai-costs</c>.
/// </summary>
public static class UsageSourceNames
{
    public const string OpenAi = "openai";
    public const string OpenAiCosts = "openai-costs";
    public const string Anthropic = "anthropic";
    public const string AnthropicCosts = "anthropic-costs";
    public const string AzureMonitor = "azure-monitor";
    public const string Focus = "focus";

    private const string CostsSuffix = "-costs";

    /// <summary>The provider family a source belongs to: <c>openai-costs</c> → <c>openai</c>.</summary>
    public static string Family(string source) =>
        source.EndsWith(CostsSuffix, StringComparison.OrdinalIgnoreCase) ? source[..^CostsSuffix.Length] : source;

    /// <summary>True for reports that carry cost only, never calls or tokens.</summary>
    public static bool IsCostOnly(string source) => source.EndsWith(CostsSuffix, StringComparison.OrdinalIgnoreCase);
}
