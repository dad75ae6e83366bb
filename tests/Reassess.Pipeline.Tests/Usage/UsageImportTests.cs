using System.Text;
using Reassess.Core.Usage;
using Reassess.Core.Workloads;
using Reassess.Pipeline.Usage;
using Reassess.Sources.Usage;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests.Usage;

public sealed class UsageImportTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reassess-usage-import-");

    private static readonly Workload[] Workloads =
    [
        new() { Id = "support-chat", Usage = new UsageSpec { Match = [new UsageMatch { Source = "focus", Dimension = "tag:workload", Value = "support-chat" }] } },
    ];

    [Fact]
    public async Task What_usage_import_prints_can_be_dropped_back_in_and_reads_as_the_same_rows()
    {
        var export = Path.Combine(_folder.FullName, "focus.csv");
        File.WriteAllText(export,
            "ChargePeriodStart,SkuMeter,PricingQuantity,x_PricingBlockSize,EffectiveCost,BillingCurrency,Tags\n" +
            "2026-11-02T00:00:00Z,gpt 4.1 Inp glbl Tokens,100,1000,0.20,USD,\"{\"\"workload\"\":\"\"support-chat\"\"}\"\n" +
            "2026-11-02T00:00:00Z,gpt 4.1 Outp glbl Tokens,3,1000,0.024,USD,\"{\"\"workload\"\":\"\"support-chat\"\"}\"\n" +
            "2026-11-02T00:00:00Z,gpt 4.1 Outp glbl Tokens,1,1000,0.008,USD,\"{\"\"workload\"\":\"\"someone-else\"\"}\"\n");
        var said = new List<string>();

        var imported = await new UsageImport(TimeProvider.System, TestPipeline.UsageIngest(), said.Add).RunAsync("focus", export, Workloads, CancellationToken.None);
        var printed = new StringWriter();
        await DailyUsageText.WriteCsvAsync(printed, imported.Rows);
        var dropped = await new UsageDropReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(printed.ToString())), "printed.csv",
            new Core.Ingestion.ReadContext(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        Assert.Equal(
            "workload,date,source,model,calls,uncachedInputTokens,cachedInputTokens,cacheWriteTokens,outputTokens,latencyP95Ms,formatChecked,formatViolations,cost,currency\n" +
            "support-chat,2026-11-02,focus,azure/gpt-4.1,,100000,0,0,3000,,,,0.224,USD\n", printed.ToString().ReplaceLineEndings("\n"));
        var row = Assert.Single(dropped.Records);
        Assert.Equal(("support-chat", "focus", 100_000L, 3_000L), (row.WorkloadId, row.Source, row.UncachedInputTokens, row.OutputTokens));
        Assert.False(row.HasCallCount); // the empty calls column stays "unknown", not zero calls
        Assert.Contains(imported.Summary(), line => line.StartsWith("unmapped: focus usage with tag:workload=someone-else: 1,000 tokens, 0.01 USD"));
        Assert.Contains(imported.Summary(), line => line.StartsWith("no call count: 1 row(s) carry tokens but no request count"));
        Assert.StartsWith("Read 3 rows", imported.Summary().First());
    }

    [Fact]
    public async Task Printed_workload_ids_that_start_a_formula_are_led_by_a_quote_and_drop_back_in_as_the_same_ids()
    {
        string[] ids = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-cmd", "@SUM(A1)", "'=x", "support-chat"];
        var rows = ids.Select(id => new DailyUsage
        {
            WorkloadId = id, Day = new DateOnly(2026, 11, 2), Source = "focus", Model = "azure/gpt-4.1", Calls = 3, Cost = -12.50m, Currency = "USD",
        }).ToList();

        var printed = new StringWriter();
        await DailyUsageText.WriteCsvAsync(printed, rows);
        var dropped = await new UsageDropReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(printed.ToString())), "printed.csv",
            new Core.Ingestion.ReadContext(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        var lines = printed.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(
        [
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-11-02,focus,azure/gpt-4.1,3,0,0,0,0,,,,-12.50,USD",
            "'+1,2026-11-02,focus,azure/gpt-4.1,3,0,0,0,0,,,,-12.50,USD",
            "'-cmd,2026-11-02,focus,azure/gpt-4.1,3,0,0,0,0,,,,-12.50,USD",
            "'@SUM(A1),2026-11-02,focus,azure/gpt-4.1,3,0,0,0,0,,,,-12.50,USD",
            "''=x,2026-11-02,focus,azure/gpt-4.1,3,0,0,0,0,,,,-12.50,USD",
            "support-chat,2026-11-02,focus,azure/gpt-4.1,3,0,0,0,0,,,,-12.50,USD",
        ], lines.Skip(1));
        Assert.Empty(dropped.Rejected);
        Assert.Equal(ids, dropped.Records.Select(r => r.WorkloadId));
    }

    [Fact]
    public async Task A_drop_file_that_cannot_be_read_is_skipped_with_the_same_note_as_the_ingest_job_and_the_others_are_read()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "a-broken.csv"), "not,a,usage,header\n1,2,3,4\n");
        File.WriteAllText(Path.Combine(_folder.FullName, "b-good.csv"),
            "workload,date,source,model,calls,uncachedInputTokens,cachedInputTokens,cacheWriteTokens,outputTokens,latencyP95Ms,formatChecked,formatViolations,cost,currency\n" +
            "support-chat,2026-11-02,focus,azure/gpt-4.1,3,100,0,0,10,,,,0.01,USD\n");

        var imported = await new UsageImport(TimeProvider.System, TestPipeline.UsageIngest(), _ => { }).RunAsync("csv", _folder.FullName, Workloads, CancellationToken.None);

        Assert.Equal("support-chat", Assert.Single(imported.Rows).WorkloadId);
        var refused = Assert.Single(imported.Rejected);
        Assert.EndsWith("a-broken.csv", refused.Source);
        Assert.EndsWith(" — file skipped; rows stored before stay.", refused.Message);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
