using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Reassess.Core.Ingestion;
using Reassess.Core.Json;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Runs;

/// <summary>
/// The run log: table <c>Runs</c>, PK <c>yyyy-MM</c>, RK run id <c>{job}|{period}</c>. The month comes from the
/// period when it names a date or a week, so re-running last month's period still finds and rewrites its record.
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
    public async Task<RunRecord?> GetAsync(string job, string period, CancellationToken cancellationToken = default)
    {
        var rowKey = RowKey(job, period);
        if (MonthOfPeriod(period) is { } month)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(month, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return row.HasValue ? FromEntity(row.Value!) : null;
        }

        // A period without a date was filed under the month it started: look in every month.
        RunRecord? latest = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.RowKey == rowKey, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var run = FromEntity(row);
            if (latest is null || run.StartedAt > latest.StartedAt) latest = run;
        }

        return latest;
    }

    /// <summary>The runs filed under one month, by run id.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListMonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var partition = new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var runs = new List<RunRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
            runs.Add(FromEntity(row));
        return runs;
    }

    /// <summary>
    /// The month a run is filed under: the month of the day or week its period names (<c>2026-02-16…</c>,
    /// <c>2026-02</c>, <c>2026-W08</c> → its Monday), otherwise the month it started in.
    /// </summary>
    public static string MonthOf(string period, DateTimeOffset startedAt) =>
        MonthOfPeriod(period) ?? startedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string? MonthOfPeriod(string period)
    {
        if (period.Length >= 10 && DateOnly.TryParseExact(period[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (period.Length >= 8 && period[4] == '-' && period[5] == 'W' && Periods.IsIsoWeek(period[..8]))
            return Periods.Monday(period[..8]).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (period.Length >= 7 && DateOnly.TryParseExact(period[..7], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            return first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return null;
    }

    private static string RowKey(string job, string period) =>
        $"{StorageKeys.Encode(job)}|{StorageKeys.Validate(StorageKeys.Encode(period), $"Period of job {job}")}";

    private static TableEntity ToEntity(RunRecord run)
    {
        var problems = run.Problems.Count <= MaxProblemsStored
            ? run.Problems
            : [.. run.Problems.Take(MaxProblemsStored), new InputProblem(run.Job, "", $"… and {run.Problems.Count - MaxProblemsStored} more problems not stored.")];
        var row = new TableEntity(MonthOf(run.Period, run.StartedAt), RowKey(run.Job, run.Period))
        {
            ["Job"] = run.Job,
            ["Period"] = run.Period,
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
        Period = TableColumns.String(row, "Period"),
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
