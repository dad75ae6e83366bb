using Reassess.Core.Decisions;
using Reassess.Core.Time;
using Reassess.Core.Usage;

namespace Reassess.Pipeline.Jobs;

/// <summary>What the weekly run reads for one shard of workloads: usage window, eval lookback and last week's assessments.</summary>
internal sealed record ShardInputs(
    IReadOnlyDictionary<string, IReadOnlyList<DailyUsage>> Usage,
    IReadOnlyDictionary<string, IReadOnlyList<EvalPoint>> Evals,
    IReadOnlyDictionary<string, Assessment> Previous)
{
    public static async Task<ShardInputs> ReadAsync(PipelineContext context, string shard, IsoWeek week, DateTimeOffset assessedAt, CancellationToken cancellationToken)
    {
        var (from, to) = UsageWindowBuilder.WindowBounds(assessedAt, context.Settings.WindowDays);
        var (evalFrom, evalTo) = UsageWindowBuilder.EvalBounds(assessedAt);
        var usage = await context.Usage.GetShardDailyAsync(shard, from, to, cancellationToken);
        var evals = await context.Usage.GetShardEvalsAsync(shard, evalFrom, evalTo, cancellationToken);
        var previous = await context.Assessments.ListWeekShardAsync(week.Previous, shard, cancellationToken);
        return new ShardInputs(usage, evals, previous);
    }
}
