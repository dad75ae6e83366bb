using Azure.Data.Tables;
using Reassess.Core.Usage;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Usage;

/// <summary>
/// Daily usage and evaluation results, in month tables (<see cref="MonthTables"/>): <c>UsageDaily{yyyyMM}</c> with
/// PK the workload's shard (<see cref="StorageKeys.Shard"/>), RK <c>workload|source|model</c>, and <c>Evals{yyyyMM}</c>
/// with RK <c>workload|suite</c>; each day is one column <c>D01</c>…<c>D31</c>. A day is written by merging its column
/// only, so ingesting the same hour twice rewrites the same cell instead of double counting, and no write reads first.
/// </summary>
public sealed class UsageStore(StorageAccount account, TableBatchWriter? writer = null)
{
    private static readonly string[] UsageKeyColumns = ["WorkloadId", "Source", "Model"];
    private static readonly string[] EvalKeyColumns = ["WorkloadId", "Suite"];

    private readonly MonthTables _daily = new(account, account.Settings.UsageDailyTable);
    private readonly MonthTables _evals = new(account, account.Settings.EvalsTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    /// <summary>The month tables of daily usage, for tools that list or drop them.</summary>
    public MonthTables DailyTables => _daily;

    public MonthTables EvalTables => _evals;

    public Task<BatchWriteResult> UpsertDailyAsync(IEnumerable<DailyUsage> usage, CancellationToken cancellationToken = default) =>
        MergeAsync(_daily, usage, u => u.Day,
            u => (StorageKeys.Validate(u.WorkloadId, "Workload id of a usage row"), $"{StorageKeys.Encode(u.WorkloadId)}|{StorageKeys.Encode(u.Source)}|{StorageKeys.Encode(u.Model)}"),
            (row, u) =>
            {
                row["WorkloadId"] = u.WorkloadId;
                row["Source"] = u.Source;
                row["Model"] = u.Model;
                row[MonthTables.DayColumn(u.Day)] = DayCells.Write(u);
            },
            cancellationToken);

    /// <summary>A workload's daily rows from <paramref name="fromDay"/> to <paramref name="toDay"/>, both included, by day.</summary>
    public async Task<IReadOnlyList<DailyUsage>> GetDailyAsync(string workloadId, DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken = default)
    {
        StorageKeys.Validate(workloadId, "Workload id");
        var rows = new List<DailyUsage>();
        await foreach (var (month, row) in _daily.QueryAsync(StorageKeys.Shard(workloadId), StorageKeys.Encode(workloadId), fromDay, toDay, UsageKeyColumns, cancellationToken).ConfigureAwait(false))
            rows.AddRange(UsageDays(month, row, fromDay, toDay));
        return Ordered(rows);
    }

    /// <summary>
    /// Every workload's daily rows in one shard from <paramref name="fromDay"/> to <paramref name="toDay"/>, by workload
    /// then day: one partition query per month table, however many workloads the shard holds.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DailyUsage>>> GetShardDailyAsync(string shard, DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken = default)
    {
        var rows = new List<DailyUsage>();
        await foreach (var (month, row) in _daily.QueryAsync(shard, null, fromDay, toDay, UsageKeyColumns, cancellationToken).ConfigureAwait(false))
            rows.AddRange(UsageDays(month, row, fromDay, toDay));
        return rows.GroupBy(r => r.WorkloadId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Ordered(g), StringComparer.Ordinal);
    }

    public Task<BatchWriteResult> UpsertEvalsAsync(IEnumerable<EvalPoint> evals, CancellationToken cancellationToken = default) =>
        MergeAsync(_evals, evals, e => e.Day,
            e => (StorageKeys.Validate(e.WorkloadId, "Workload id of an eval result"), $"{StorageKeys.Encode(e.WorkloadId)}|{StorageKeys.Encode(e.Suite)}"),
            (row, e) =>
            {
                row["WorkloadId"] = e.WorkloadId;
                row["Suite"] = e.Suite;
                row[MonthTables.DayColumn(e.Day)] = DayCells.Number(e.Score);
            },
            cancellationToken);

    /// <summary>A workload's eval results from <paramref name="fromDay"/> to <paramref name="toDay"/>, both included, by day.</summary>
    public async Task<IReadOnlyList<EvalPoint>> GetEvalsAsync(string workloadId, DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken = default)
    {
        StorageKeys.Validate(workloadId, "Workload id");
        var rows = new List<EvalPoint>();
        await foreach (var (month, row) in _evals.QueryAsync(StorageKeys.Shard(workloadId), StorageKeys.Encode(workloadId), fromDay, toDay, EvalKeyColumns, cancellationToken).ConfigureAwait(false))
            rows.AddRange(EvalDays(month, row, fromDay, toDay));
        return [.. rows.OrderBy(e => e.Day).ThenBy(e => e.Suite, StringComparer.Ordinal)];
    }

    /// <summary>Every workload's eval results in one shard, by workload then day.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<EvalPoint>>> GetShardEvalsAsync(string shard, DateOnly fromDay, DateOnly toDay, CancellationToken cancellationToken = default)
    {
        var rows = new List<EvalPoint>();
        await foreach (var (month, row) in _evals.QueryAsync(shard, null, fromDay, toDay, EvalKeyColumns, cancellationToken).ConfigureAwait(false))
            rows.AddRange(EvalDays(month, row, fromDay, toDay));
        return rows.GroupBy(r => r.WorkloadId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EvalPoint>)[.. g.OrderBy(e => e.Day).ThenBy(e => e.Suite, StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>
    /// One row per key and month, carrying only the days given; merged so the month's other days stay. When the
    /// input names one day twice the last wins, as it would written one at a time.
    /// </summary>
    private async Task<BatchWriteResult> MergeAsync<T>(
        MonthTables tables, IEnumerable<T> items, Func<T, DateOnly> day, Func<T, (string Workload, string RowKey)> key, Action<TableEntity, T> fill,
        CancellationToken cancellationToken)
    {
        var months = new Dictionary<DateOnly, Dictionary<(string, string), TableEntity>>();
        foreach (var item in items)
        {
            var (workload, rowKey) = key(item);
            var itemDay = day(item);
            var month = new DateOnly(itemDay.Year, itemDay.Month, 1);
            if (!months.TryGetValue(month, out var rows)) months[month] = rows = [];
            var partition = StorageKeys.Shard(workload);
            if (!rows.TryGetValue((partition, rowKey), out var row)) rows[(partition, rowKey)] = row = new TableEntity(partition, rowKey);
            fill(row, item);
        }

        var total = BatchWriteResult.None;
        foreach (var (month, rows) in months.OrderBy(m => m.Key))
        {
            var table = await tables.ForWriteAsync(month, cancellationToken).ConfigureAwait(false);
            total += await _writer.MergeAsync(table, rows.Values, cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    private static IEnumerable<DailyUsage> UsageDays(DateOnly month, TableEntity row, DateOnly from, DateOnly to)
    {
        var (workload, source, model) = (TableColumns.String(row, "WorkloadId"), TableColumns.String(row, "Source"), TableColumns.String(row, "Model"));
        foreach (var day in MonthTables.DaysOf(month, from, to))
            if (row.GetString(MonthTables.DayColumn(day)) is { Length: > 0 } cell)
                yield return DayCells.ReadUsage(cell, workload, day, source, model, $"{row.PartitionKey}/{row.RowKey}");
    }

    private static IEnumerable<EvalPoint> EvalDays(DateOnly month, TableEntity row, DateOnly from, DateOnly to)
    {
        var (workload, suite) = (TableColumns.String(row, "WorkloadId"), TableColumns.String(row, "Suite"));
        foreach (var day in MonthTables.DaysOf(month, from, to))
            if (row.GetString(MonthTables.DayColumn(day)) is { Length: > 0 } cell)
                yield return new EvalPoint { WorkloadId = workload, Day = day, Suite = suite, Score = DayCells.ReadNumber(cell) ?? 0m };
    }

    private static IReadOnlyList<DailyUsage> Ordered(IEnumerable<DailyUsage> rows) =>
        [.. rows.OrderBy(u => u.Day).ThenBy(u => u.Source, StringComparer.Ordinal).ThenBy(u => u.Model, StringComparer.Ordinal)];
}
