using System.Text.Json;
using Azure.Data.Tables;
using Reassess.Core.Ingestion;
using Reassess.Core.Json;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Runs;

/// <summary>
/// The run log: table <c>Runs</c>, PK the month the period is filed under (<see cref="RunPeriod.Month"/>), RK run id
/// <c>{job}|{period}</c>.
/// </summary>
public sealed class RunStore(StorageAccount account, TableBatchWriter? writer = null)
{
    /// <summary>Problems kept per run; the rest are summarised in one line so the row stays within the entity size limit.</summary>
    public const int MaxProblemsStored = 200;

    private readonly TableClient _table = account.Table(account.Settings.RunsTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    public async Task SaveAsync(RunRecord run, CancellationToken cancellationToken = default) =>
        await _writer.UpsertAsync(_table, [ToEntity(run)], cancellationToken).ConfigureAwait(false);

    /// <summary>The record of <paramref name="job"/> for <paramref name="period"/>, or null when it never ran.</summary>
    public async Task<RunRecord?> GetAsync(string job, RunPeriod period, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(period.Month, RowKey(job, period), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>The runs filed under one month, by run id.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListMonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var partition = RunPeriod.MonthOf(new DateOnly(year, month, 1));
        var runs = new List<RunRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            runs.Add(FromEntity(row));
        return runs;
    }

    private static string RowKey(string job, RunPeriod period) =>
        $"{StorageKeys.Encode(job)}|{StorageKeys.Validate(StorageKeys.Encode(period.Label), $"Period of job {job}")}";

    private static TableEntity ToEntity(RunRecord run)
    {
        var problems = run.Problems.Count <= MaxProblemsStored
            ? run.Problems
            : [.. run.Problems.Take(MaxProblemsStored), new InputProblem(run.Job, "", $"… and {run.Problems.Count - MaxProblemsStored} more problems not stored.")];
        var row = new TableEntity(run.Period.Month, RowKey(run.Job, run.Period))
        {
            ["Job"] = run.Job,
            ["Period"] = run.Period.Label,
            ["StartedAt"] = run.StartedAt,
            ["FinishedAt"] = run.FinishedAt,
            ["Status"] = run.Status.ToString(),
            ["ProblemCount"] = run.Problems.Count,
        };
        TableColumns.SetText(row, "Counts", JsonSerializer.Serialize(run.Counts, ReassessJson.Compact));
        TableColumns.SetText(row, "Problems", JsonSerializer.Serialize(problems, ReassessJson.Compact));
        return row;
    }

    private static RunRecord FromEntity(TableEntity row) => new()
    {
        Job = TableColumns.String(row, "Job"),
        Period = RunPeriod.Stored(TableColumns.String(row, "Period"), row.PartitionKey),
        StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
        FinishedAt = row.GetDateTimeOffset("FinishedAt") ?? default,
        Status = Enum.Parse<RunStatus>(TableColumns.String(row, "Status")),
        Counts = JsonSerializer.Deserialize<Dictionary<string, long>>(TableColumns.GetText(row, "Counts") ?? "{}", ReassessJson.Compact) ?? [],
        Problems = ReadProblems(TableColumns.GetText(row, "Problems")),
    };

    /// <summary>Problems as stored: objects with source, location and message; a plain line from a row written before them.</summary>
    private static List<InputProblem> ReadProblems(string? json)
    {
        if (json is null) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String
                ? new InputProblem("", "", e.GetString()!)
                : e.Deserialize<InputProblem>(ReassessJson.Compact)!)
            .ToList();
    }
}
