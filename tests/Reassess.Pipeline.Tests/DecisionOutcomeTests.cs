using System.Text.Json;
using Reassess.Core.Json;
using Reassess.Core.Outcomes;
using Reassess.Pipeline.Jobs;
using Reassess.Pipeline.Outcomes;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests;

/// <summary>A decision recorded on a sample workload, judged after four weekly runs, and again after a week's rerun.</summary>
[Collection(AzuriteFixture.Collection)]
public class DecisionOutcomeTests(AzuriteFixture azurite)
{
    private const string WorkloadId = "ticket-triage";
    private static readonly DateOnly DecisionDay = new(2026, 11, 2);
    private static readonly DateOnly AsOf = new(2026, 11, 22);

    [Fact]
    public async Task A_decision_recorded_before_four_weekly_runs_is_judged_on_their_usage_and_a_rerun_changes_nothing()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var context = workspace.Context;
        // The week of the decision is assessed first, so there is a forecast on its day.
        await new WeeklyRun(context).RunAsync(new DateTimeOffset(DecisionDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), weeks: 1);
        var decision = new WorkloadDecision { Date = DecisionDay, Action = DecisionAction.Stay, Model = "anthropic/claude-haiku-4-5", Note = "not worth it yet" };
        var recorded = await DecisionForecasts.OfAsync(context, WorkloadId, decision, 0, CancellationToken.None);
        await context.Decisions.SaveAsync(WorkloadId, recorded);

        await workspace.RunAsync(weeks: 4);
        var first = await OutcomeAsync(context);
        await workspace.RunAsync(weeks: 1);
        var second = await OutcomeAsync(context);

        Assert.NotNull(recorded.Forecast);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), recorded.Forecast!.AssessedAt);
        var judged = Assert.Single(first.Decisions);
        Assert.Equal(JsonSerializer.Serialize(recorded.Forecast, ReassessJson.Compact), JsonSerializer.Serialize(judged.Forecast, ReassessJson.Compact));
        var outcome = judged.Outcome!;
        // Staying on the baseline: the realised cost is the counterfactual, day for day, so nothing is saved.
        Assert.Equal(21, outcome.RateDays);
        Assert.True(outcome.MonthlyCost > 0);
        Assert.Equal(outcome.CounterfactualMonthlyCost, outcome.MonthlyCost);
        Assert.Equal(0m, outcome.MonthlyNetSavings);
        Assert.Equal(0m, outcome.SavingsToDate);
        Assert.False(string.IsNullOrWhiteSpace(judged.Verdict));
        Assert.Equal(JsonSerializer.Serialize(first, ReassessJson.Compact), JsonSerializer.Serialize(second, ReassessJson.Compact));
    }

    [Fact]
    public async Task The_weekly_report_says_whether_a_recorded_decision_paid()
    {
        var account = await azurite.NewAccountAsync();
        using var workspace = new SampleWorkspace(account);
        var context = workspace.Context;
        await new WeeklyRun(context).RunAsync(new DateTimeOffset(DecisionDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), weeks: 1);
        var decision = new WorkloadDecision { Date = DecisionDay, Action = DecisionAction.Stay, Model = "anthropic/claude-haiku-4-5" };
        await context.Decisions.SaveAsync(WorkloadId, await DecisionForecasts.OfAsync(context, WorkloadId, decision, 0, CancellationToken.None));

        var run = await workspace.RunAsync(weeks: 4);
        var expected = Assert.Single((await OutcomeAsync(context)).Decisions);

        var html = System.Text.Encoding.UTF8.GetString(run.Files.Single(f => f.Name == "index.html").Content);
        var summary = System.Text.Encoding.UTF8.GetString(run.Files.Single(f => f.Name == "summary.md").Content);
        Assert.Contains("<h2>Did it pay?</h2>", html);
        Assert.Contains("stayed on anthropic/claude-haiku-4-5 on 2026-11-02</span></h3>", html);
        Assert.Contains($"<strong>{System.Net.WebUtility.HtmlEncode(expected.Verdict)}</strong>", html);
        Assert.Contains("<tr><th scope=\"row\">Monthly net savings</th><td class=\"num\">$0.00</td><td class=\"num\">$0.00</td></tr>", html);
        Assert.Contains("## Did it pay?", summary);
        Assert.Contains("stayed on anthropic/claude-haiku-4-5 on 2026-11-02:", summary);
    }

    private static async Task<WorkloadOutcome> OutcomeAsync(PipelineContext context) =>
        await WorkloadOutcomes.OfAsync(context, (await context.Workloads.FindAsync(WorkloadId))!, AsOf,
            await PriceTimeline.ReadAsync(context, CancellationToken.None), CancellationToken.None);
}
