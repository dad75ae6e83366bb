using Reassess.Core.Decisions;
using Reassess.Core.Prices;

namespace Reassess.Core.Reporting;

/// <summary>The sentences and labels the report files share, built from <see cref="ReportFormat"/>.</summary>
public static class ReportText
{
    public const string BaselineRole = "baseline";

    /// <summary>The verdict's name as the API, JSON and CSV spell it (<c>FineTune</c>).</summary>
    public static string VerdictName(Verdict verdict) => verdict.ToString();

    /// <summary>What a team should do about a verdict.</summary>
    public static string VerdictAdvice(Verdict verdict) => verdict switch
    {
        Verdict.FineTune => "Fine-tune: at least two thresholds hold, the horizon is positive and the team is ready.",
        Verdict.PrepareFineTune => "Prepare to fine-tune: fine-tuning would pay, but the readiness gaps below come first.",
        Verdict.Route => "Switch or route: a cheaper model the team has evaluated already meets the targets and returns more than a fine-tune.",
        _ => "Stay on the frontier model: keep improving prompts, caching, retrieval and routing.",
    };

    public static string StatusLabel(ThresholdStatus status) => status switch
    {
        ThresholdStatus.Met => "Met",
        ThresholdStatus.NotMet => "Not met",
        _ => "Unknown",
    };

    /// <summary>The threshold and what it means, e.g. <c>Volume — volume amortises the build</c>.</summary>
    public static string ThresholdTitle(string name) => name switch
    {
        "volume" => "Volume",
        "format" => "Format",
        "latency" => "Latency",
        "quality" => "Quality",
        _ => name,
    };

    public static string ThresholdMeaning(string name) => name switch
    {
        "volume" => "volume amortises the build within the payback limit",
        "format" => "the output format is strict and prompting does not hold it",
        "latency" => "the baseline misses its p95 latency target",
        "quality" => "baseline quality has plateaued below target",
        _ => "",
    };

    /// <summary><c>1 workload</c>, <c>12 workloads</c>.</summary>
    public static string WorkloadCount(int n) => n == 1 ? "1 workload" : $"{ReportFormat.Count(n)} workloads";

    public static string TeamLabel(string? team) => string.IsNullOrWhiteSpace(team) ? "(no team)" : team;

    public static string WorkloadLabel(Assessment a) =>
        string.IsNullOrWhiteSpace(a.WorkloadName) ? a.WorkloadId : a.WorkloadName;

    /// <summary>The price the workload runs on today (role <c>baseline</c> in the inputs), if recorded.</summary>
    public static PriceInput? BaselinePrice(Assessment a) =>
        a.Inputs?.Prices?.FirstOrDefault(p => string.Equals(p.Role, BaselineRole, StringComparison.OrdinalIgnoreCase));

    /// <summary>The billing service of a provider, as finance knows it (<c>azure</c> → <c>Azure OpenAI</c>); else the provider id itself.</summary>
    public static string ServiceName(string? provider) => (provider ?? "").Trim().ToLowerInvariant() switch
    {
        "azure" or "azure-openai" or "azure_openai" or "azureopenai" or "azure_ai" or "azure-ai" => "Azure OpenAI",
        "openai" => "OpenAI",
        "anthropic" => "Anthropic",
        "google" or "gemini" or "google-gemini" => "Google Gemini",
        "vertex" or "vertex_ai" or "vertex-ai" or "google-vertex" => "Google Vertex AI",
        "aws" or "bedrock" or "aws-bedrock" or "amazon-bedrock" => "Amazon Bedrock",
        "mistral" => "Mistral AI",
        "cohere" => "Cohere",
        "deepseek" => "DeepSeek",
        "x-ai" or "xai" => "xAI",
        "groq" => "Groq",
        "together" or "together_ai" or "together-ai" => "Together AI",
        "fireworks" or "fireworks_ai" or "fireworks-ai" => "Fireworks AI",
        "openrouter" => "OpenRouter",
        "perplexity" => "Perplexity",
        var other => provider?.Trim() ?? other,
    };

    /// <summary>The service of an assessment's baseline price key, or empty when it has none.</summary>
    public static string ServiceName(Assessment a) =>
        BaselinePrice(a) is { } price && PriceKey.TryParse(price.Key, out var provider, out _) ? ServiceName(provider) : "";

    /// <summary>
    /// The two sensitivity sentences, in the reader's terms where the direction is clear: "Fine-tuning pays back within
    /// 12 months from 8.7M calls/month; now 10.0M (15% above)." and "It stops paying back within 12 months if the
    /// frontier price falls 12.9%." Otherwise (no limit recorded, no usage) the neutral form: where the volume threshold
    /// changes state.
    /// </summary>
    public static IReadOnlyList<string> SensitivityLines(Assessment a)
    {
        var now = ReportFormat.Calls(a.Economics.MonthlyCalls);
        var status = a.Thresholds?.Volume?.Status;
        var limit = a.Scenarios?.MaxPaybackMonths is { } months ? $"within {Evidence(months)} months" : null;

        string byVolume;
        if (a.Sensitivity?.FlipMonthlyCalls is not { } calls)
            byVolume = $"Monthly volume: no flip point in range (0 to {ReportFormat.Calls(1e13m)} calls/month; now {now}).";
        else if (limit is not null && status == ThresholdStatus.Met && calls <= a.Economics.MonthlyCalls)
            byVolume = $"Fine-tuning pays back {limit} from {ReportFormat.Calls(calls)} calls/month; now {now}" +
                       (calls > 0 ? $" ({ReportFormat.Percent((a.Economics.MonthlyCalls - calls) / calls, 0)} above)." : ".");
        else if (limit is not null && status == ThresholdStatus.NotMet && calls > a.Economics.MonthlyCalls)
            byVolume = $"Fine-tuning would pay back {limit} from {ReportFormat.Calls(calls)} calls/month; now {now}" +
                       (a.Economics.MonthlyCalls > 0 ? $" (needs {ReportFormat.PercentChange((calls - a.Economics.MonthlyCalls) / a.Economics.MonthlyCalls * 100m, 0)})." : ".");
        else
            byVolume = $"Volume threshold changes state at {ReportFormat.Calls(calls)} calls/month (now {now}).";

        string byPrice;
        if (a.Sensitivity?.FlipBaselinePriceChangePct is not { } pct)
            byPrice = "Frontier price: no flip point in range (price from 0 to 1,000 times today's).";
        else if (limit is not null && status == ThresholdStatus.Met && pct < 0)
            byPrice = $"It stops paying back {limit} if the frontier price falls {ReportFormat.Number(-pct, 1)}% (a cheaper frontier model erodes the savings).";
        else if (limit is not null && status == ThresholdStatus.NotMet && pct > 0)
            byPrice = $"It would pay back {limit} if the frontier price rose {ReportFormat.Number(pct, 1)}%.";
        else
            byPrice = $"Volume threshold changes state when the frontier price changes by {ReportFormat.PercentChange(pct)}.";
        return [byVolume, byPrice];

        static string Evidence(decimal months) => months == decimal.Round(months) ? ReportFormat.Number(months, 0) : ReportFormat.Number(months, 1);
    }

    /// <summary>The first driver of a flip, which the engine lists first because it moved most.</summary>
    public static string MainDriver(Flip flip) =>
        flip.Drivers?.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? "no driver recorded";

    /// <summary><c>StayOnFrontier → FineTune</c>.</summary>
    public static string FlipTransition(Assessment a, Flip flip) =>
        $"{VerdictName(flip.PreviousVerdict)} \u2192 {VerdictName(a.Verdict)}";

    /// <summary>The window bounds and size: <c>2026-10-26 to 2026-11-22 (28 days, 28 with usage), 9,200,000 calls</c>.</summary>
    public static string WindowText(WindowInput w) =>
        $"{ReportFormat.Date(w.From)} to {ReportFormat.Date(w.To)} ({w.Days} days, {w.DaysWithUsage} with usage), " +
        $"{ReportFormat.Count(w.Calls)} calls";

    /// <summary>How many price alerts of each kind: <c>Price alerts: 1 change over 50%, 3 source disagreements, 1 stale source</c>.</summary>
    public static string PriceAlertsLine(Prices.PriceAlerts alerts)
    {
        var parts = new List<string>();
        if (alerts.SuspiciousChanges.Count > 0)
            parts.Add($"{ReportFormat.Count(alerts.SuspiciousChanges.Count)} price change{(alerts.SuspiciousChanges.Count == 1 ? "" : "s")} over 50%");
        if (alerts.Disagreements.Count > 0)
            parts.Add($"{ReportFormat.Count(alerts.Disagreements.Count)} source disagreement{(alerts.Disagreements.Count == 1 ? "" : "s")} over 5%");
        if (alerts.StaleSources.Count > 0)
            parts.Add($"{ReportFormat.Count(alerts.StaleSources.Count)} stale source{(alerts.StaleSources.Count == 1 ? "" : "s")}");
        return "Price alerts: " + string.Join(", ", parts);
    }

    /// <summary>"all calls" for a switch, else the share as a percentage ("60% of calls", "62.5% of calls").</summary>
    public static string ShareOf(OptionSummary option) =>
        option.Share >= 1m ? "all calls" : $"{ReportFormat.Percent(option.Share, option.Share * 100m % 1m == 0m ? 0 : 1)} of calls";

    /// <summary><c>Switch all calls to openai/gpt-4.1-mini</c>, or <c>Route 60% of calls to openai/gpt-4.1-nano</c>.</summary>
    public static string RouteAction(OptionSummary route) =>
        $"{(route.Share >= 1m ? "Switch" : "Route")} {ShareOf(route)} to {route.Model}";

    /// <summary>
    /// <c>fragile (margin 4.6%)</c> for a verdict a move of under 10% in monthly volume or the frontier price would
    /// change (the engine's <see cref="Sensitivity.Fragile"/>), with <paramref name="what"/> in place of "fragile";
    /// null for a robust one.
    /// </summary>
    public static string? Fragile(Assessment a, string what = "fragile") =>
        a.Sensitivity is { Fragile: true } s ? $"{what} (margin {ReportFormat.Percent(s.Margin ?? 0m)})" : null;

    /// <summary>What the projected savings add up, in one sentence, wherever they are shown.</summary>
    public const string ProjectedSavingsMeaning =
        "Projected savings add up each verdict's chosen option: the fine-tune of FineTune and PrepareFineTune verdicts, " +
        "the best route of Route verdicts, nothing for StayOnFrontier. The net is over each workload's horizon (12 months " +
        "unless it sets another) after build and migration costs; the run rate is the first month's net savings. " +
        "Savings to act on count FineTune and Route verdicts only, as finance.csv's x_ProjectedMonthlySavings does; its " +
        "x_ChosenHorizonNet and x_ChosenMonthlyNetSavings add up to the projected savings.";

    /// <summary>An audit line of a default the assessment applied: <c>fineTune.peakToAverage = 2 (default: …)</c>.</summary>
    public static string Assumed(DefaultApplied d) => $"{d.Name} = {d.Value} ({d.Source})";
}
