using Reassess.Core.Ingestion;
using Reassess.Core.Time;
using Reassess.Pipeline.Jobs;
using Reassess.Storage.Runs;
using Reassess.Testing;

namespace Reassess.Pipeline.Tests;

/// <summary>
/// A week's deliveries go out after its report is written, so what failed to reach a team is listed by the next
/// week's report, beside that week's own skipped inputs.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class WeekInputProblemsTests(AzuriteFixture azurite)
{
    // Monday 30 November: its runs are filed under November, the next week's days all fall in December.
    private static readonly IsoWeek W49 = new(2026, 49);
    private static readonly IsoWeek W50 = W49.Next;

    private static readonly InputProblem Undelivered =
        new("delivery team-payments/slack", "2026-W49", "the webhook answered 404 Not Found after 3 attempts");

    private static readonly InputProblem BadPriceSheet = new("prices/overrides.json", "entry 3", "price is negative");

    [Fact]
    public async Task The_previous_weeks_delivery_problems_are_listed_by_the_next_report_and_not_by_their_own()
    {
        var context = TestPipeline.Context(await azurite.NewAccountAsync(), new PipelineSettings());
        await RecordAsync(context, JobName.DeliverWeeklyReport, RunPeriod.Week(W49), Undelivered);
        await RecordAsync(context, JobName.RefreshPrices, RunPeriod.Day(W50.Monday), BadPriceSheet);

        var next = await WeekInputProblems.GatherAsync(context.Runs, W50, CancellationToken.None);
        var own = await WeekInputProblems.GatherAsync(context.Runs, W49, CancellationToken.None);

        Assert.Equal([BadPriceSheet, Undelivered], next);
        Assert.Empty(own);
    }

    [Fact]
    public async Task A_delivery_rerun_that_gets_through_clears_the_listing()
    {
        var context = TestPipeline.Context(await azurite.NewAccountAsync(), new PipelineSettings());
        await RecordAsync(context, JobName.DeliverWeeklyReport, RunPeriod.Week(W49), Undelivered);
        await RecordAsync(context, JobName.DeliverWeeklyReport, RunPeriod.Week(W49));

        Assert.Empty(await WeekInputProblems.GatherAsync(context.Runs, W50, CancellationToken.None));
    }

    private static Task RecordAsync(PipelineContext context, JobName job, RunPeriod period, params InputProblem[] problems) =>
        context.RunAsync(job, period, outcome =>
        {
            outcome.AddProblems(problems);
            return Task.CompletedTask;
        }, CancellationToken.None);
}
