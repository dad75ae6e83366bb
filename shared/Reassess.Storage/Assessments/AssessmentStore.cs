using System.Text.Json;
using Azure.Data.Tables;
using Reassess.Core.Decisions;
using Reassess.Core.Json;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Assessments;

/// <summary>
/// Assessment history: table <c>Assessments</c>. Every assessment has a row in its workload's shard
/// (PK <see cref="StorageKeys.Shard"/>, RK <c>{workload}|{inverted time}</c>, latest first); a weekly run's assessment
/// also has a row in the week's shard (PK <c>{yyyy-Www}|{shard}</c>, RK the workload), so re-running a week replaces
/// that week's answer, and the report and next week's flips read a week with one query per shard. Shards rather than
/// one partition per workload let a weekly run of 100,000 workloads write full 100-row transactions. The key
/// figures are columns for people and queries (the verdict, the fine-tune's economics, the best route, the chosen
/// option's run rate and horizon net, whether the verdict is fragile); the full assessment is kept as
/// Brotli-compressed JSON (<c>JsonBr</c>) so it can be audited later.
/// </summary>
public sealed class AssessmentStore(StorageAccount account, TableBatchWriter? writer = null)
{
    /// <summary>Time rows are digits; ':' sorts right after them, so it bounds a workload's time rows.</summary>
    private const string EndOfTimeRows = ":";

    private readonly TableClient _table = account.Table(account.Settings.AssessmentsTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    /// <summary>Stores the assessment; with <paramref name="week"/> also as that week's assessment of the workload.</summary>
    public Task SaveAsync(Assessment assessment, IsoWeek? week = null, CancellationToken cancellationToken = default) =>
        SaveManyAsync([(assessment, week)], cancellationToken);

    /// <summary>Stores many assessments in as few transactions as their shards allow; returns the rows written.</summary>
    public async Task<BatchWriteResult> SaveManyAsync(IEnumerable<(Assessment Assessment, IsoWeek? Week)> assessments, CancellationToken cancellationToken = default)
    {
        var rows = new List<TableEntity>();
        foreach (var (assessment, week) in assessments)
        {
            var json = JsonSerializer.Serialize(assessment, ReassessJson.Compact);
            var workload = Workload(assessment.WorkloadId);
            rows.Add(ToEntity(assessment, StorageKeys.Shard(assessment.WorkloadId), $"{workload}|{StorageKeys.InvertedTicks(assessment.AssessedAt)}", json, week));
            if (week is { } weekly) rows.Add(ToEntity(assessment, WeekPartition(weekly, StorageKeys.Shard(assessment.WorkloadId)), workload, json, week));
        }

        return await _writer.UpsertAsync(_table, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the week's assessments of workloads not in <paramref name="workloadIds"/> (the catalogue the week was run
    /// for), so a rerun after a workload was deleted reports exactly the current ones. Their history rows stay.
    /// </summary>
    public async Task DeleteWeekOthersAsync(IsoWeek week, IReadOnlySet<string> workloadIds, CancellationToken cancellationToken = default)
    {
        var stale = new List<TableEntity>();
        foreach (var shard in StorageKeys.AllShards)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WeekPartition(week, shard)}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "WorkloadId"], cancellationToken: cancellationToken).ConfigureAwait(false))
                if (!workloadIds.Contains(row.GetString("WorkloadId") ?? "")) stale.Add(new TableEntity(row.PartitionKey, row.RowKey));
        }

        if (stale.Count > 0) await _writer.DeleteAsync(_table, stale, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The workload's latest assessment made strictly before <paramref name="before"/>.</summary>
    public async Task<Assessment?> GetPreviousAsync(string workloadId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        // Strictly before means a larger inverted time than `before` itself.
        var workload = Workload(workloadId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {StorageKeys.Shard(workloadId)} and RowKey gt {workload + "|" + StorageKeys.InvertedTicks(before)} and RowKey lt {workload + "|" + EndOfTimeRows}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
            return FromEntity(row);
        return null;
    }

    /// <summary>The workload's most recent assessment.</summary>
    public Task<Assessment?> GetLatestAsync(string workloadId, CancellationToken cancellationToken = default) =>
        GetPreviousAsync(workloadId, DateTimeOffset.MaxValue, cancellationToken);

    public async Task<Assessment?> GetWeekAsync(string workloadId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(
            WeekPartition(week, StorageKeys.Shard(workloadId)), Workload(workloadId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Every workload's assessment for <paramref name="week"/>: what the weekly report is made of.</summary>
    public async Task<IReadOnlyList<Assessment>> ListWeekAsync(IsoWeek week, CancellationToken cancellationToken = default)
    {
        var assessments = new List<Assessment>();
        foreach (var shard in StorageKeys.AllShards)
            assessments.AddRange((await ListWeekShardAsync(week, shard, cancellationToken).ConfigureAwait(false)).Values);
        return assessments;
    }

    /// <summary>The week's assessments of the workloads in one shard, by workload id.</summary>
    public async Task<IReadOnlyDictionary<string, Assessment>> ListWeekShardAsync(IsoWeek week, string shard, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WeekPartition(week, shard)}");
        var byWorkload = new Dictionary<string, Assessment>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: JsonColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var assessment = FromEntity(row);
            byWorkload[assessment.WorkloadId] = assessment;
        }

        return byWorkload;
    }

    /// <summary>The key figures of the week's assessments in one shard, read from their columns without the JSON.</summary>
    public async Task<IReadOnlyList<AssessmentFigures>> ListWeekFiguresAsync(IsoWeek week, string shard, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WeekPartition(week, shard)}");
        var figures = new List<AssessmentFigures>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: FigureColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
            figures.Add(FiguresOf(row));

        return figures;
    }

    private static readonly string[] FigureColumns =
        ["WorkloadId", "Team", "Verdict", "BaselineMonthlyCost", "MonthlyNetSavings", "HorizonNet", "ChosenMonthlyNetSavings", "ChosenHorizonNet", "Flipped"];

    /// <summary>
    /// The key figures of a row. Rows written before Route verdicts have no chosen-option columns; the fine-tune was
    /// then the only option a verdict could choose, so its figures stand in (<see cref="ChosenOption.FromFineTune"/>).
    /// </summary>
    private static AssessmentFigures FiguresOf(TableEntity row)
    {
        var verdict = Enum.TryParse<Verdict>(row.GetString("Verdict"), out var parsed) ? parsed : Verdict.StayOnFrontier;
        return new AssessmentFigures(
            TableColumns.String(row, "WorkloadId"),
            TableColumns.String(row, "Team"),
            verdict,
            TableColumns.DecimalOrZero(row, "BaselineMonthlyCost"),
            TableColumns.Decimal(row, "ChosenMonthlyNetSavings") ?? ChosenOption.FromFineTune(verdict, TableColumns.DecimalOrZero(row, "MonthlyNetSavings")),
            TableColumns.Decimal(row, "ChosenHorizonNet") ?? ChosenOption.FromFineTune(verdict, TableColumns.DecimalOrZero(row, "HorizonNet")),
            row.GetBoolean("Flipped") ?? false);
    }

    /// <summary>The workload's assessments made from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first.</summary>
    public async Task<IReadOnlyList<Assessment>> ListAsync(string workloadId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var workload = Workload(workloadId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {StorageKeys.Shard(workloadId)} and RowKey ge {workload + "|" + StorageKeys.InvertedTicks(to)} and RowKey le {workload + "|" + StorageKeys.InvertedTicks(from)}");
        var list = new List<Assessment>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(FromEntity(row));
        list.Reverse();
        return list;
    }

    /// <summary>The JSON columns: enough to rebuild an assessment, without the key-figure columns.</summary>
    private static readonly string[] JsonColumns = ["JsonBr", "Json", .. Enumerable.Range(2, 7).Select(i => "Json" + i)];

    private static string Workload(string workloadId) => StorageKeys.Encode(StorageKeys.Validate(workloadId, "Workload id"));

    private static string WeekPartition(IsoWeek week, string shard) => $"{week}|{shard}";

    private static TableEntity ToEntity(Assessment assessment, string partition, string rowKey, string json, IsoWeek? week)
    {
        var economics = assessment.Economics;
        var row = new TableEntity(partition, rowKey)
        {
            ["WorkloadId"] = assessment.WorkloadId,
            ["AssessedAt"] = assessment.AssessedAt,
            ["IsoWeek"] = week?.ToString(),
            ["WorkloadName"] = assessment.WorkloadName,
            ["Team"] = assessment.Team,
            ["CostCenter"] = assessment.CostCenter,
            ["Verdict"] = assessment.Verdict.ToString(),
            ["ThresholdsMet"] = assessment.Thresholds.MetCount,
            ["Flipped"] = assessment.Flip is not null,
            ["MonthlyCalls"] = TableColumns.FromDecimal(economics.MonthlyCalls),
            ["BaselineMonthlyCost"] = TableColumns.FromDecimal(economics.BaselineMonthlyCost),
            ["CandidateMonthlyCost"] = TableColumns.FromDecimal(economics.CandidateMonthlyCost),
            ["MonthlyNetSavings"] = TableColumns.FromDecimal(economics.MonthlyNetSavings),
            ["BuildCost"] = TableColumns.FromDecimal(economics.BuildCost),
            ["PaybackMonths"] = TableColumns.FromDecimal(economics.PaybackMonths),
            ["HorizonNet"] = TableColumns.FromDecimal(economics.HorizonNet),
            ["BestRoute"] = assessment.BestRoute,
            ["ChosenMonthlyNetSavings"] = TableColumns.FromDecimal(ChosenOption.MonthlyNetSavings(assessment)),
            ["ChosenHorizonNet"] = TableColumns.FromDecimal(ChosenOption.HorizonNet(assessment)),
            ["Fragile"] = assessment.Sensitivity.Fragile,
        };
        TableColumns.SetCompressedText(row, "Json", json);
        return row;
    }

    private static Assessment FromEntity(TableEntity row) =>
        JsonSerializer.Deserialize<Assessment>(TableColumns.GetCompressedText(row, "Json") ?? "null", ReassessJson.Compact)
        ?? throw new InvalidDataException($"Assessment row '{row.PartitionKey}'/'{row.RowKey}' has no JSON.");
}
