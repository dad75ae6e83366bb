using Reassess.Core.Usage;
using Reassess.Core.Workloads;

namespace Reassess.Sources.Tests.Usage.Mapping;

public sealed class UsageMapperTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    private static readonly Workload[] Workloads =
    [
        Workload("ticket-triage", new UsageMatch { Source = "anthropic", Dimension = "workspace_id", Value = "wrkspc_support_triage" }),
        Workload("invoice-extraction",
            new UsageMatch { Source = "openai", Dimension = "project_id", Value = "proj_invoices" },
            new UsageMatch { Dimension = "tag:workload", Value = "invoice-extraction" }),
        Workload("support-chat", new UsageMatch { Dimension = "deployment", Value = "support-4o" }),
        Workload("support-chat-eu", new UsageMatch { Dimension = "deployment", Value = "support-4o" }),
    ];

    [Fact]
    public void Each_match_rule_claims_its_dimension_and_rows_of_one_workload_day_source_and_model_add_up()
    {
        var mapping = new UsageMapper(Workloads).Map(
        [
            Row("openai", ("project_id", "proj_invoices"), ("api_key_id", "key_a"), calls: 10, tokens: 100),
            Row("openai", ("project_id", "PROJ_INVOICES"), ("api_key_id", "key_b"), calls: 5, tokens: 50),
            Row("focus", ("tag:workload", "invoice-extraction"), ("resource_id", "r1"), calls: null, tokens: 70),
            Row("anthropic", ("workspace_id", "wrkspc_support_triage"), calls: null, tokens: 30),
        ]);

        Assert.Empty(mapping.Unmapped);
        Assert.Equal(
        [
            ("invoice-extraction", "focus", 0L, false, 70L),
            ("invoice-extraction", "openai", 15L, true, 150L),
            ("ticket-triage", "anthropic", 0L, false, 30L),
        ], mapping.Rows.Select(r => (r.WorkloadId, r.Source, r.Calls, r.CallsReported, r.UncachedInputTokens)));
    }

    [Fact]
    public void A_rule_narrowed_to_a_source_claims_that_source_and_its_cost_report_only()
    {
        var mapping = new UsageMapper(Workloads).Map(
        [
            Row("anthropic", ("workspace_id", "wrkspc_support_triage"), calls: null, tokens: 30),
            Row("anthropic-costs", ("workspace_id", "wrkspc_support_triage"), calls: null, tokens: 0) with { Cost = 1.5m, Currency = "USD" },
            Row("focus", ("workspace_id", "wrkspc_support_triage"), calls: null, tokens: 9),
        ]);

        Assert.Equal(["anthropic", "anthropic-costs"], mapping.Rows.Select(r => r.Source));
        Assert.Equal(1.5m, mapping.Rows[1].Cost);
        var lost = Assert.Single(mapping.Unmapped);
        Assert.Equal(("focus", 9L), (lost.Source, lost.Tokens));
    }

    [Fact]
    public void Usage_no_rule_claims_is_totalled_per_source_and_dimensions_and_says_what_to_do()
    {
        var mapping = new UsageMapper(Workloads).Map(
        [
            Row("openai", ("project_id", "proj_unknown"), calls: 7, tokens: 100),
            Row("openai", ("project_id", "proj_unknown"), calls: 3, tokens: 20) with { Day = Day.AddDays(1), Model = "openai/gpt-4.1" },
            Row("openai", calls: 1, tokens: 1),
        ]);

        Assert.Empty(mapping.Rows);
        Assert.Equal(
        [
            "openai usage with no dimensions: 1 calls, 1 tokens on 2026-11-02 (1 daily row(s)) — the source gives no project, key, workspace, deployment or tag to map it by; ask it to group by one",
            "openai usage with project_id=proj_unknown: 10 calls, 120 tokens on 2026-11-02–2026-11-03 (2 daily row(s)) — no workload's usage.match rule matches; add a rule for one of these dimensions to the workload it belongs to",
        ], mapping.Unmapped.Select(u => u.ToString()));
    }

    [Fact]
    public void Usage_the_rules_of_two_workloads_claim_is_not_guessed_but_reported()
    {
        var mapping = new UsageMapper(Workloads).Map([Row("azure-monitor", ("deployment", "support-4o"), calls: 4, tokens: 40)]);

        Assert.Empty(mapping.Rows);
        Assert.Contains("several workloads (support-chat, support-chat-eu)", Assert.Single(mapping.Unmapped).Reason);
    }

    [Fact]
    public void Partial_days_are_listed_whoever_they_belong_to()
    {
        var mapping = new UsageMapper(Workloads).Map([Row("openai", ("project_id", "proj_invoices"), calls: 1, tokens: 1) with { PartialDay = true }]);

        Assert.Equal([("openai", Day)], mapping.PartialDays);
    }

    internal static MeteredUsage Row(string source, params (string, string)[] dimensions) => Row(source, dimensions, 1, 1);

    internal static MeteredUsage Row(string source, (string Name, string Value) a, long? calls, long tokens) => Row(source, [a], calls, tokens);

    internal static MeteredUsage Row(string source, (string Name, string Value) a, (string Name, string Value) b, long? calls, long tokens) => Row(source, [a, b], calls, tokens);

    internal static MeteredUsage Row(string source, long? calls, long tokens) => Row(source, [], calls, tokens);

    private static MeteredUsage Row(string source, (string Name, string Value)[] dimensions, long? calls, long tokens) => new()
    {
        Source = source,
        Day = Day,
        Model = "openai/gpt-4o-mini",
        Dimensions = UsageDimensions.Of(dimensions.Select(d => (d.Name, (string?)d.Value)).ToArray()),
        Calls = calls,
        UncachedInputTokens = tokens,
    };

    private static Workload Workload(string id, params UsageMatch[] rules) => new() { Id = id, Usage = new UsageSpec { Match = rules } };
}
