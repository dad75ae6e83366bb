using Azure.Data.Tables;
using Reassess.Core.Usage;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Usage;

/// <summary>
/// Daily usage and evaluation results per workload. <c>UsageDaily</c>: PK workload id, RK
/// <c>yyyy-MM-dd|source|model</c>; <c>Evals</c>: PK workload id, RK <c>yyyy-MM-dd|suite</c>. The day leads the row key
/// so a window is one range query, and a row is fully determined by its input, so ingesting the same hour twice
/// rewrites the same rows instead of double counting.
/// </summary>
public sealed class UsageStore(StorageAccount account, TableBatchWriter? writer = null)
{
    private readonly TableClient _daily = account.Table(account.Settings.UsageDailyTable);
    private readonly TableClient _evals = account.Table(account.Settings.EvalsTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    public Task<BatchWriteResult> UpsertDailyAsync(IEnumerable<DailyUsage> usage, CancellationToken cancellationToken = default) =>
        _writer.UpsertAsync(_daily, usage.Select(ToEntity), cancellationToken);

    /// <summary>A workload's daily rows from <paramref name="fromDay"/> to <paramref name="toDay"/>, both included, by day.</summary>
    public async Task<IReadOnlyList<DailyUsage>> GetDailyAsync(string workloadId, DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken = default)
    {
        var rows = new List<DailyUsage>();
        await foreach (var row in QueryDaysAsync(_daily, workloadId, fromDay, toDay, cancellationToken).ConfigureAwait(false))
            rows.Add(FromUsageEntity(row));
        return rows;
    }

    public Task<BatchWriteResult> UpsertEvalsAsync(IEnumerable<EvalPoint> evals, CancellationToken cancellationToken = default) =>
        _writer.UpsertAsync(_evals, evals.Select(ToEntity), cancellationToken);

    /// <summary>A workload's eval results from <paramref name="fromDay"/> to <paramref name="toDay"/>, both included, by day.</summary>
    public async Task<IReadOnlyList<EvalPoint>> GetEvalsAsync(string workloadId, DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken = default)
    {
        var rows = new List<EvalPoint>();
        await foreach (var row in QueryDaysAsync(_evals, workloadId, fromDay, toDay, cancellationToken).ConfigureAwait(false))
            rows.Add(FromEvalEntity(row));
        return rows;
    }

    private static IAsyncEnumerable<TableEntity> QueryDaysAsync(
        TableClient table, string workloadId, DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken)
    {
        StorageKeys.Validate(workloadId, "Workload id");
        // Row keys start with the day, so [fromDay, the day after toDay) covers every row of those days.
        var from = StorageKeys.Day(fromDay);
        var until = StorageKeys.Day(toDay.AddDays(1));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {workloadId} and RowKey ge {from} and RowKey lt {until}");
        return table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
    }

    private static TableEntity ToEntity(DailyUsage usage) =>
        new(StorageKeys.Validate(usage.WorkloadId, "Workload id of a usage row"),
            $"{StorageKeys.Day(usage.Day)}|{StorageKeys.Encode(usage.Source)}|{StorageKeys.Encode(usage.Model)}")
        {
            ["Day"] = StorageKeys.Day(usage.Day),
            ["Source"] = usage.Source,
            ["Model"] = usage.Model,
            ["Calls"] = usage.Calls,
            ["UncachedInputTokens"] = usage.UncachedInputTokens,
            ["CachedInputTokens"] = usage.CachedInputTokens,
            ["CacheWriteTokens"] = usage.CacheWriteTokens,
            ["OutputTokens"] = usage.OutputTokens,
            ["LatencyP95Ms"] = TableColumns.FromDecimal(usage.LatencyP95Ms),
            ["FormatChecked"] = usage.FormatChecked,
            ["FormatViolations"] = usage.FormatViolations,
            ["CallsReported"] = usage.CallsReported,
            ["Cost"] = TableColumns.FromDecimal(usage.Cost),
            ["Currency"] = usage.Currency,
        };

    private static DailyUsage FromUsageEntity(TableEntity row) => new()
    {
        WorkloadId = row.PartitionKey,
        Day = TableColumns.Day(row, "Day"),
        Source = TableColumns.String(row, "Source"),
        Model = TableColumns.String(row, "Model"),
        Calls = TableColumns.Long(row, "Calls"),
        UncachedInputTokens = TableColumns.Long(row, "UncachedInputTokens"),
        CachedInputTokens = TableColumns.Long(row, "CachedInputTokens"),
        CacheWriteTokens = TableColumns.Long(row, "CacheWriteTokens"),
        OutputTokens = TableColumns.Long(row, "OutputTokens"),
        LatencyP95Ms = TableColumns.Decimal(row, "LatencyP95Ms"),
        FormatChecked = row.GetInt64("FormatChecked"),
        FormatViolations = row.GetInt64("FormatViolations"),
        // Rows stored before the flag was kept say nothing: HasCallCount still tells a tokens-only day apart.
        CallsReported = row.GetBoolean("CallsReported") ?? true,
        Cost = TableColumns.Decimal(row, "Cost"),
        Currency = row.GetString("Currency"),
    };

    private static TableEntity ToEntity(EvalPoint eval) =>
        new(StorageKeys.Validate(eval.WorkloadId, "Workload id of an eval result"),
            $"{StorageKeys.Day(eval.Day)}|{StorageKeys.Encode(eval.Suite)}")
        {
            ["Day"] = StorageKeys.Day(eval.Day),
            ["Suite"] = eval.Suite,
            ["Score"] = TableColumns.FromDecimal(eval.Score),
        };

    private static EvalPoint FromEvalEntity(TableEntity row) => new()
    {
        WorkloadId = row.PartitionKey,
        Day = TableColumns.Day(row, "Day"),
        Suite = TableColumns.String(row, "Suite"),
        Score = TableColumns.DecimalOrZero(row, "Score"),
    };
}
