using Reassess.Core.Decisions;
using Reassess.Core.Time;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests;

[Collection(AzuriteFixture.Collection)]
public class WeeklyRunTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Running_the_same_week_twice_leaves_the_same_rows_and_byte_identical_report_blobs()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);

        var first = await workspace.RunAsync(weeks: 2);
        var afterFirst = await StorageSnapshot.TakeAsync(account);
        var second = await workspace.RunAsync(weeks: 2);
        var afterSecond = await StorageSnapshot.TakeAsync(account);

        Assert.Empty(StorageSnapshot.Differences(afterFirst, afterSecond));
        Assert.Contains(afterFirst.Keys, k => k.StartsWith("blob reports/2026-W48/index.html"));
        Assert.Contains(afterFirst.Keys, k => k.StartsWith("blob reports/latest/finance.csv"));
        Assert.Equal(first.Files.Select(f => f.Content), second.Files.Select(f => f.Content));
        Assert.Empty(second.Problems);
    }

    [Fact]
    public async Task The_sample_run_gives_every_verdict_a_switch_a_partial_route_and_one_fragile_flip_in_the_latest_week()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);

        await workspace.RunAsync(weeks: 10);
        var week = await workspace.Context.Assessments.ListWeekAsync(new IsoWeek(2026, 48));

        Assert.Equal(6, week.Count);
        Assert.Equal(
            [("code-review", Verdict.Route, "anthropic/claude-sonnet-4-5"), ("contract-summaries", Verdict.StayOnFrontier, null),
             ("invoice-extraction", Verdict.PrepareFineTune, null), ("product-tagging", Verdict.FineTune, null),
             ("support-chat", Verdict.Route, "openai/gpt-4.1-mini"), ("ticket-triage", Verdict.FineTune, null)],
            week.OrderBy(a => a.WorkloadId, StringComparer.Ordinal).Select(a => (a.WorkloadId, a.Verdict, a.BestRoute)));
        Assert.Equal(0.5m, week.Single(a => a.WorkloadId == "code-review").Options.Single(o => o.Model == "anthropic/claude-sonnet-4-5").Share);
        var flipped = Assert.Single(week, a => a.Flip is not null);
        Assert.Equal("product-tagging", flipped.WorkloadId);
        Assert.Equal(Verdict.StayOnFrontier, flipped.Flip!.PreviousVerdict);
        Assert.Contains(flipped.Flip.Drivers, d => d.StartsWith("volume threshold NotMet → Met"));
        Assert.Equal(["product-tagging"], week.Where(a => a.Sensitivity.Fragile).Select(a => a.WorkloadId));
        Assert.All(week, a => Assert.Equal(new DateOnly(2026, 10, 26), a.Inputs.Window.From));
    }

    [Fact]
    public async Task Overrides_win_over_the_public_sheet_from_their_effective_date()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);

        await workspace.RunAsync();
        var september = await workspace.Context.Prices.GetInForceAsync("openai/gpt-4.1", new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero));
        var november = await workspace.Context.Prices.GetInForceAsync("openai/gpt-4.1", SampleWorkspace.AsOf);
        var fineTune = await workspace.Context.Prices.GetInForceAsync("azure/gpt-4.1-mini-ft", SampleWorkspace.AsOf);

        Assert.Equal((2m, 8m), (september!.InputPerMTok, september.OutputPerMTok));
        Assert.Equal((1.80m, 7.20m), (november!.InputPerMTok, november.OutputPerMTok));
        Assert.Equal("overrides+genai-prices", november.Source);
        Assert.Equal((5.00m, 1.70m), (fineTune!.TrainingPerMTok, fineTune.HostingPerHour));
    }
}
