using Reassess.Core.Usage;

namespace Reassess.Sources.Tests.Usage.Mapping;

public sealed class SourcePrecedenceTests
{
    private static readonly DateTimeOffset AssessedAt = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public void Anthropic_tokens_and_gateway_calls_latency_and_format_checks_make_one_day_and_the_choice_is_said()
    {
        var (row, choice) = SourcePrecedence.Resolve(
        [
            Usage("gateway", calls: 1000, uncached: 900_000, cached: 0, latency: 640m, formatChecked: 100, violations: 1),
            Usage("anthropic", calls: 0, uncached: 400_000, cached: 500_000, reported: false),
        ]);

        Assert.Equal((1000L, 400_000L, 500_000L, 640m, 100L), (row.Calls, row.UncachedInputTokens, row.CachedInputTokens, row.LatencyP95Ms!.Value, row.FormatChecked!.Value));
        Assert.True(row.HasCallCount);
        Assert.Equal("reported by anthropic, gateway: calls, latency and format checks from gateway; tokens from anthropic", choice!.ToString());
    }

    [Fact]
    public void A_provider_api_outranks_monitoring_billing_and_drops_for_calls_and_tokens()
    {
        var (row, choice) = SourcePrecedence.Resolve(
        [
            Usage("gateway", calls: 990, uncached: 10),
            Usage("azure-monitor", calls: 995, uncached: 20),
            Usage("openai", calls: 1000, uncached: 30),
            Usage("focus", calls: 0, uncached: 40, reported: false),
        ]);

        Assert.Equal((1000L, 30L), (row.Calls, row.UncachedInputTokens));
        Assert.Equal("reported by openai, focus, azure-monitor, gateway: calls and tokens from openai; focus, azure-monitor, gateway not used", choice!.ToString());
    }

    [Fact]
    public void FOCUS_tokens_with_their_cached_split_win_over_Azure_Monitor_which_gives_the_calls()
    {
        var (row, _) = SourcePrecedence.Resolve([Usage("azure-monitor", calls: 50, uncached: 1000), Usage("focus", calls: 0, uncached: 600, cached: 400, reported: false)]);

        Assert.Equal((50L, 600L, 400L), (row.Calls, row.UncachedInputTokens, row.CachedInputTokens));
    }

    [Fact]
    public void The_choice_does_not_depend_on_the_order_rows_were_stored_in()
    {
        var a = Usage("gateway", calls: 5, uncached: 1);
        var b = Usage("drop", calls: 6, uncached: 2);

        Assert.Equal(SourcePrecedence.Resolve([a, b]).Row, SourcePrecedence.Resolve([b, a]).Row);
        Assert.Equal(6, SourcePrecedence.Resolve([a, b]).Row.Calls); // equal rank: by name, drop before gateway
    }

    [Fact]
    public void The_window_counts_a_day_two_sources_report_once_and_lists_the_choice()
    {
        var rows = new[]
        {
            Usage("gateway", calls: 1000, uncached: 900, latency: 500m),
            Usage("anthropic", calls: 0, uncached: 400, cached: 500, reported: false),
        };

        var window = UsageWindowBuilder.Build(rows, [], AssessedAt, 28);

        Assert.Equal((1000L, 400L, 500L), (window.Calls, window.UncachedInputTokens, window.CachedInputTokens));
        Assert.Equal(["anthropic (tokens on 1 shared day)", "gateway (calls and latency on 1 shared day)"], window.Sources);
        Assert.Equal(["1 day(s) of anthropic/claude-haiku-4-5 reported by anthropic, gateway: calls and latency from gateway; tokens from anthropic"], window.SourceChoices);
        Assert.Equal((28, 0), (window.Days, window.DaysWithoutCallCount));
    }

    [Fact]
    public void Days_with_tokens_but_no_call_count_are_an_evidence_gap_left_out_of_the_window_not_counted_as_zero_calls()
    {
        var rows = new[]
        {
            Usage("gateway", calls: 1000, uncached: 900) with { Day = Day.AddDays(-1) },
            Usage("anthropic", calls: 0, uncached: 400, reported: false),
            // As stored before the flag was kept: tokens and 0 calls can only mean "calls unknown".
            Usage("anthropic", calls: 0, uncached: 300) with { Day = Day.AddDays(1) },
        };

        var window = UsageWindowBuilder.Build(rows, [], AssessedAt, 28);

        Assert.Equal((1000L, 900L), (window.Calls, window.UncachedInputTokens));
        Assert.Equal((26, 2), (window.Days, window.DaysWithoutCallCount));
    }

    private static DailyUsage Usage(string source, long calls, long uncached, long cached = 0, decimal? latency = null,
        long? formatChecked = null, long? violations = null, bool reported = true) => new()
    {
        WorkloadId = "ticket-triage",
        Day = Day,
        Source = source,
        Model = "anthropic/claude-haiku-4-5",
        Calls = calls,
        CallsReported = reported,
        UncachedInputTokens = uncached,
        CachedInputTokens = cached,
        LatencyP95Ms = latency,
        FormatChecked = formatChecked,
        FormatViolations = violations,
    };
}
