using System.Text.Json;
using Azure.Data.Tables;
using Reassess.Core.Decisions;
using Reassess.Core.Json;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Assessments;

/// <summary>
/// Assessment history: table <c>Assessments</c>, PK workload id. Every assessment has a row keyed by its inverted
/// time (latest first); a weekly run's assessment also has a row keyed <c>week|yyyy-Www</c>, so re-running a week
/// replaces that week's answer and the report finds it without knowing the time. The key figures are columns for
/// people and queries; the full assessment is kept as JSON so it can be audited later.
/// </summary>
public sealed class AssessmentStore(StorageAccount account, TableBatchWriter? writer = null)
{
    private const string WeekPrefix = "week|";

    /// <summary>Time rows are digits; ':' sorts right after them and before the <c>week|</c> rows.</summary>
    private const string EndOfTimeRows = ":";

    private readonly TableClient _table = account.Table(account.Settings.AssessmentsTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    /// <summary>Stores the assessment; with <paramref name="isoWeek"/> also as that week's assessment of the workload.</summary>
    public async Task SaveAsync(Assessment assessment, string? isoWeek = null, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(assessment, ReassessJson.Compact);
        var rows = new List<TableEntity> { ToEntity(assessment, StorageKeys.InvertedTicks(assessment.AssessedAt), json, isoWeek) };
        if (isoWeek is not null) rows.Add(ToEntity(assessment, WeekPrefix + Periods.IsoWeek(isoWeek), json, isoWeek));
        await _writer.UpsertAsync(_table, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The workload's latest assessment made strictly before <paramref name="before"/>; week rows are not counted twice.</summary>
    public async Task<Assessment?> GetPreviousAsync(string workloadId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        // Strictly before means a larger inverted time than `before` itself.
        var after = StorageKeys.InvertedTicks(before);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(workloadId)} and RowKey gt {after} and RowKey lt {EndOfTimeRows}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
            return FromEntity(row);
        return null;
    }

    /// <summary>The workload's most recent assessment.</summary>
    public Task<Assessment?> GetLatestAsync(string workloadId, CancellationToken cancellationToken = default) =>
        GetPreviousAsync(workloadId, DateTimeOffset.MaxValue, cancellationToken);

    public async Task<Assessment?> GetWeekAsync(string workloadId, string isoWeek, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(
            Partition(workloadId), WeekPrefix + Periods.IsoWeek(isoWeek), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Every workload's assessment for <paramref name="isoWeek"/>: what the weekly report is made of.</summary>
    public async Task<IReadOnlyList<Assessment>> ListWeekAsync(string isoWeek, CancellationToken cancellationToken = default)
    {
        var key = WeekPrefix + Periods.IsoWeek(isoWeek);
        var week = new List<Assessment>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.RowKey == key, cancellationToken: cancellationToken).ConfigureAwait(false))
            week.Add(FromEntity(row));
        return week;
    }

    /// <summary>The workload's assessments made from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first.</summary>
    public async Task<IReadOnlyList<Assessment>> ListAsync(string workloadId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(workloadId)} and RowKey ge {StorageKeys.InvertedTicks(to)} and RowKey le {StorageKeys.InvertedTicks(from)}");
        var list = new List<Assessment>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            list.Add(FromEntity(row));
        list.Reverse();
        return list;
    }

    private static string Partition(string workloadId) => StorageKeys.Validate(workloadId, "Workload id");

    private static TableEntity ToEntity(Assessment assessment, string rowKey, string json, string? isoWeek)
    {
        var economics = assessment.Economics;
        var row = new TableEntity(Partition(assessment.WorkloadId), rowKey)
        {
            ["AssessedAt"] = assessment.AssessedAt,
            ["IsoWeek"] = isoWeek,
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
        };
        TableColumns.SetText(row, "Json", json);
        return row;
    }

    private static Assessment FromEntity(TableEntity row) =>
        JsonSerializer.Deserialize<Assessment>(TableColumns.GetText(row, "Json") ?? "null", ReassessJson.Compact)
        ?? throw new InvalidDataException($"Assessment row '{row.PartitionKey}'/'{row.RowKey}' has no JSON.");
}
