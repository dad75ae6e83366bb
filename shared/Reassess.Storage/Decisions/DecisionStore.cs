using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Reassess.Core.Json;
using Reassess.Core.Outcomes;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Decisions;

/// <summary>
/// Recorded decisions and their forecasts: table <c>Decisions</c>, PK the workload id, RK <c>{yyyy-MM-dd}|{index}</c>
/// (the decision day and its place in the workload's list), so a workload's decisions read oldest first. The forecast
/// is written once, when the decision is recorded, and never recomputed: later edits to the workload, its usage or the
/// prices cannot move the target the decision is judged against. Storage failures arrive as
/// <see cref="StorageWriteException"/> or <see cref="StorageReadException"/>, never as the SDK's own.
/// </summary>
public sealed class DecisionStore(StorageAccount account)
{
    private readonly TableClient _table = account.Table(account.Settings.DecisionsTable);

    /// <summary>Stores the decision with its forecast under <paramref name="workloadId"/>.</summary>
    public async Task SaveAsync(string workloadId, RecordedDecision recorded, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(Partition(workloadId), RowKey(recorded))
        {
            ["Date"] = recorded.Decision.Date.ToString("yyyy-MM-dd"),
            ["Action"] = recorded.Decision.Action.ToString(),
            ["Model"] = recorded.Decision.Model,
            ["ForecastMonthlyNetSavings"] = TableColumns.FromDecimal(recorded.Forecast?.MonthlyNetSavings),
        };
        TableColumns.SetText(row, "Json", JsonSerializer.Serialize(recorded, ReassessJson.Compact));
        try
        {
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw new StorageWriteException($"The decision of {recorded.Decision.Date:yyyy-MM-dd} on workload '{workloadId}' could not be stored ({e.Status}: {e.ErrorCode}).", e);
        }
    }

    /// <summary>The workload's recorded decisions, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedDecision>> ListAsync(string workloadId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(workloadId)}");
        var list = new List<RecordedDecision>();
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                list.Add(JsonSerializer.Deserialize<RecordedDecision>(TableColumns.GetText(row, "Json") ?? "null", ReassessJson.Compact)
                         ?? throw new InvalidDataException($"Decision row '{row.PartitionKey}'/'{row.RowKey}' has no JSON."));
        }
        catch (RequestFailedException e)
        {
            throw new StorageReadException($"The decisions of workload '{workloadId}' could not be read ({e.Status}: {e.ErrorCode}).", e);
        }

        return list;
    }

    /// <summary>The workloads with a recorded decision: one scan of a table that has a row per decision, not per workload.</summary>
    public async Task<IReadOnlySet<string>> WorkloadIdsAsync(CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
                ids.Add(row.PartitionKey);
        }
        catch (RequestFailedException e)
        {
            throw new StorageReadException($"The workloads with recorded decisions could not be listed ({e.Status}: {e.ErrorCode}).", e);
        }

        return ids;
    }

    private static string Partition(string workloadId) => StorageKeys.Validate(workloadId, "Workload id");

    private static string RowKey(RecordedDecision recorded) => $"{recorded.Decision.Date:yyyy-MM-dd}|{recorded.Index:D3}";
}
