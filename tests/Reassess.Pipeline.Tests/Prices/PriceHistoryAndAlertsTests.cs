using System.Text;
using System.Text.Json.Nodes;
using Reassess.Core.Time;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Prices;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests.Prices;

/// <summary>History kept as changes with their provenance, the decline read from it, and the alerts that reach the report.</summary>
[Collection(AzuriteFixture.Collection)]
public class PriceHistoryAndAlertsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset May25 = new(2026, 5, 25, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The real genai-prices sheet with claude-haiku-4-5 at other prices.</summary>
    private static string GenAiWithHaikuAt(decimal input, decimal output)
    {
        var root = JsonNode.Parse(File.ReadAllText(SharedData.Path("prices", "genai_prices_v2.json")))!;
        var haiku = root.AsArray().Single(p => (string?)p!["id"] == "anthropic")!["models"]!.AsArray().Single(m => (string?)m!["id"] == "claude-haiku-4-5")!;
        haiku["prices"]!["input_mtok"] = input;
        haiku["prices"]!["output_mtok"] = output;
        return root.ToJsonString();
    }

    [Fact]
    public async Task Only_changes_are_stored_each_with_its_date_source_and_sheet_version()
    {
        using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), "genai-prices=genai.json");
        await File.WriteAllTextAsync(workspace.PathOf("genai.json"), GenAiWithHaikuAt(1.25m, 6.25m));
        await workspace.RefreshAsync(May25);
        var sameSheetNextDay = await workspace.RefreshAsync(May25.AddDays(1));
        await File.WriteAllTextAsync(workspace.PathOf("genai.json"), GenAiWithHaikuAt(1m, 5m));

        await workspace.RefreshAsync(PriceWorkspace.Nov23);

        Assert.Equal(0, sameSheetNextDay.Counts["prices changed"]);
        var history = await workspace.Context.Prices.GetHistoryAsync("anthropic/claude-haiku-4-5");
        Assert.Equal([(1m, PriceWorkspace.Nov23), (1.25m, DateTimeOffset.UnixEpoch)], history.Select(h => (h.InputPerMTok!.Value, h.EffectiveFrom)));
        Assert.All(history, h => Assert.Equal("genai-prices", h.Source));
        Assert.All(history, h => Assert.StartsWith("sha256:", h.SheetVersion));
        Assert.NotEqual(history[0].SheetVersion, history[1].SheetVersion);
    }

    [Fact]
    public async Task A_workload_without_a_decline_of_its_own_gets_the_one_its_baseline_price_history_shows()
    {
        using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), "genai-prices=samples/prices/genai.json;overrides=samples/prices/overrides.csv", withSamples: true);
        await File.WriteAllTextAsync(workspace.PathOf("samples/prices/genai.json"), GenAiWithHaikuAt(1.25m, 6.25m));
        await workspace.RefreshAsync(May25);
        await File.WriteAllTextAsync(workspace.PathOf("samples/prices/genai.json"), GenAiWithHaikuAt(1m, 5m));
        await workspace.RefreshAsync(PriceWorkspace.Nov23);
        var context = workspace.Context;
        await new SyncWorkloads(context).RunAsync(IsoWeek.Of(PriceWorkspace.Nov23));
        await new IngestUsage(context).RunAsync(DateOnly.FromDateTime(PriceWorkspace.Nov23.UtcDateTime));

        await new ReassessWorkloads(context).RunAsync(IsoWeek.Of(PriceWorkspace.Nov23));

        var week = await context.Assessments.ListWeekAsync(new IsoWeek(2026, 48));
        var triage = week.Single(a => a.WorkloadId == "ticket-triage");
        // The workload's own mix, ~400 uncached + ~401 cached input and ~10 output tokens a call, priced at 1.25/0.10/6.25
        // then 1.00/0.10/5.00 per 1M: 602.10 → 489.69 $ per 1M calls (the cached price did not move, so the per-call
        // cost falls less than the 20% list price cut) from 2026-05-25 05:00 (first fetched) to 2026-11-23, 5.97 months:
        // 1 − (489.69 / 602.10)^(1/5.97) = 3.40% a month.
        Assert.Equal(("price-history", 0.0340m), (triage.Inputs.PriceDeclineSource, triage.Economics.MonthlyPriceDecline));
        Assert.Contains(triage.Inputs.Defaults, d => d.Source == "price history: the workload's cost per call 602.0969 → 489.6948 $ per 1M calls over 6.0 months");
        var invoice = week.Single(a => a.WorkloadId == "invoice-extraction");
        Assert.Equal(("default", 0m), (invoice.Inputs.PriceDeclineSource, invoice.Economics.MonthlyPriceDecline));
    }

    [Fact]
    public async Task A_price_move_over_half_a_disagreement_over_five_percent_and_a_stale_sheet_reach_the_weekly_report()
    {
        using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), "genai-prices=genai.json;litellm=litellm.json");
        workspace.CopyRealSheet("litellm_model_prices.json");
        File.Move(workspace.PathOf("litellm_model_prices.json"), workspace.PathOf("litellm.json"));
        await File.WriteAllTextAsync(workspace.PathOf("genai.json"), GenAiWithHaikuAt(1m, 5m));
        await workspace.RefreshAsync(PriceWorkspace.Nov23.AddDays(-2));
        await File.WriteAllTextAsync(workspace.PathOf("genai.json"), GenAiWithHaikuAt(0.25m, 5.5m));
        await workspace.RefreshAsync(PriceWorkspace.Nov23);

        var (_, files) = await new PublishWeeklyReport(workspace.Context).RunAsync(IsoWeek.Of(PriceWorkspace.Nov23));

        var html = Encoding.UTF8.GetString(files.Single(f => f.Name == "index.html").Content);
        var markdown = Encoding.UTF8.GetString(files.Single(f => f.Name == "summary.md").Content);
        Assert.Contains("<h3>Price alerts</h3>", html);
        Assert.Contains("<tr><td>anthropic/claude-haiku-4-5</td><td>inputPerMTok</td><td>$1/1M (genai-prices)</td><td>$0.25/1M (genai-prices)</td><td>\u221275.0%</td><td>2026-11-23</td></tr>", html);
        Assert.Contains("<tr><td>anthropic/claude-haiku-4-5</td><td>inputPerMTok</td><td>$0.25/1M (genai-prices)</td><td>$1/1M (litellm)</td><td>+300.0%</td></tr>", html);
        Assert.Contains("litellm (since 2026-07-24): the sheet says it was last updated on 2026-07-24, 122 days before 2026-11-23", html);
        Assert.Contains("Price alerts: 1 price change over 50%", markdown);
    }

    [Fact]
    public async Task Rerunning_a_refresh_keeps_the_day_s_alerts_and_writes_the_same_alerts_file()
    {
        using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), "genai-prices=genai.json");
        await File.WriteAllTextAsync(workspace.PathOf("genai.json"), GenAiWithHaikuAt(1m, 5m));
        await workspace.RefreshAsync(PriceWorkspace.Nov23.AddDays(-1));
        await File.WriteAllTextAsync(workspace.PathOf("genai.json"), GenAiWithHaikuAt(3m, 5m));
        await workspace.RefreshAsync(PriceWorkspace.Nov23);
        var first = await workspace.Files.DownloadAsync("price-sheets/alerts/2026-11-23.json");

        await workspace.RefreshAsync(PriceWorkspace.Nov23);

        var second = await workspace.Files.DownloadAsync("price-sheets/alerts/2026-11-23.json");
        Assert.Equal(first!.Content, second!.Content);
        var alerts = await PriceAlertLog.ForWeekAsync(workspace.Context, IsoWeek.Of(PriceWorkspace.Nov23));
        Assert.Equal((1m, 3m, 200m), (alerts.SuspiciousChanges[0].Before, alerts.SuspiciousChanges[0].After, alerts.SuspiciousChanges[0].ChangePct));
    }

    [Fact]
    public async Task Ids_of_other_sheets_are_stored_under_the_keys_the_alias_table_and_match_rules_give()
    {
        using var workspace = new PriceWorkspace(await azurite.NewAccountAsync(), "azure-retail=azure.json;openrouter=openrouter.json", withSamples: true);
        File.Copy(SharedData.Path("prices", "azure_retail_sample.json"), workspace.PathOf("azure.json"));
        File.Copy(SharedData.Path("prices", "openrouter_models_excerpt.json"), workspace.PathOf("openrouter.json"));
        await File.AppendAllTextAsync(workspace.PathOf("samples/prices/aliases.csv"), "openrouter/anthropic/claude-haiku-4.5,anthropic/claude-haiku-4-5,test\n");

        await workspace.RefreshAsync(PriceWorkspace.Nov23);

        Assert.Equal(0.15m, (await workspace.StoredAsync("azure/gpt-4o-mini", PriceWorkspace.Nov23))!.InputPerMTok);
        Assert.Null(await workspace.StoredAsync("azure/gpt-4o-mini-0718", PriceWorkspace.Nov23));
        var haiku = await workspace.StoredAsync("anthropic/claude-haiku-4-5", PriceWorkspace.Nov23);
        Assert.Equal((1m, "openrouter"), (haiku!.InputPerMTok, haiku.Source));
    }
}
