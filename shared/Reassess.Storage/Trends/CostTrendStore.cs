using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Reassess.Core.Decisions;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Core.Trends;
using Reassess.Storage.Configuration;
using Reassess.Storage.Tables;

namespace Reassess.Storage.Trends;

/// <summary>
/// Cost trends: table <c>CostTrends</c>, PK cost centre, RK <c>{yyyy-Www}|{workload id}</c> (both encoded with
/// <see cref="StorageKeys.Encode"/>), one row per workload and week with plain columns finance can query directly.
/// The weekly run replaces a week's rows as a whole, so rerunning a week rewrites the same rows.
/// </summary>
public sealed class CostTrendStore(StorageAccount account, TableBatchWriter? writer = null)
{
    /// <summary>The partition of workloads without a cost centre.</summary>
    public const string NoCostCenter = "(none)";

    private const char Separator = '|';

    /// <summary>Sorts right after <see cref="Separator"/>: the exclusive upper bound of a week's row keys.</summary>
    private const char AfterSeparator = '}';

    private readonly TableClient _table = account.Table(account.Settings.CostTrendsTable);
    private readonly TableBatchWriter _writer = writer ?? new TableBatchWriter();

    /// <summary>Writes <paramref name="points"/> as rows of <paramref name="week"/>; the week's other rows stay.</summary>
    public Task<BatchWriteResult> UpsertWeekAsync(IsoWeek week, IEnumerable<CostTrendPoint> points, CancellationToken cancellationToken = default)
    {
        var label = week.ToString();
        return _writer.UpsertAsync(_table, points.Select(p => p.Week == label
            ? ToEntity(p)
            : throw new ArgumentException($"Point of workload '{p.WorkloadId}' is for {p.Week}, not {label}.", nameof(points))), cancellationToken);
    }

    /// <summary>
    /// Deletes the week's rows other than those <paramref name="written"/> (their keys, <see cref="KeyOf"/>; a workload
    /// that moved cost centre leaves one behind), except rows of workloads in <paramref name="keep"/>: what finishes a
    /// week written in parts with <see cref="UpsertWeekAsync"/>.
    /// </summary>
    public async Task DeleteOthersAsync(IsoWeek week, IReadOnlySet<(string Partition, string Row)> written, IReadOnlySet<string>? keep = null, CancellationToken cancellationToken = default)
    {
        var stale = new List<TableEntity>();
        await foreach (var row in QueryWeeksByPartitionAsync(week, week, ["PartitionKey", "RowKey", "WorkloadId"], cancellationToken).ConfigureAwait(false))
        {
            if (written.Contains((row.PartitionKey, row.RowKey))) continue;
            if (keep is not null && keep.Contains(row.GetString("WorkloadId") ?? "")) continue;
            stale.Add(new TableEntity(row.PartitionKey, row.RowKey));
        }

        if (stale.Count > 0) await _writer.DeleteAsync(_table, stale, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the week has any row yet: one row read. A weekly run asks before it writes, so a week's first run (the
    /// usual case) can skip listing the week's rows for stale ones, which at company size is the slowest read it makes.
    /// </summary>
    public async Task<bool> WeekHasRowsAsync(IsoWeek week, CancellationToken cancellationToken = default)
    {
        await foreach (var _ in _table.QueryAsync<TableEntity>(WeekRange(week, week), maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            return true;
        return false;
    }

    /// <summary>Every point of the weeks <paramref name="from"/> to <paramref name="to"/> (both included), by week, cost centre and workload.</summary>
    public async Task<IReadOnlyList<CostTrendPoint>> ListAsync(IsoWeek from, IsoWeek to, CancellationToken cancellationToken = default)
    {
        var points = new List<CostTrendPoint>();
        await foreach (var row in QueryWeeksByPartitionAsync(from, to, null, cancellationToken).ConfigureAwait(false))
            points.Add(FromEntity(row));
        return points
            .OrderBy(p => p.Week, StringComparer.Ordinal)
            .ThenBy(p => p.CostCenter, StringComparer.Ordinal)
            .ThenBy(p => p.WorkloadId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The newest week with any row, or null for an empty table.</summary>
    public async Task<IsoWeek?> LatestWeekAsync(CancellationToken cancellationToken = default)
    {
        IsoWeek? latest = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var cut = row.RowKey.IndexOf(Separator, StringComparison.Ordinal);
            if (cut > 0 && IsoWeek.TryParse(row.RowKey[..cut], out var week) && (latest is null || week.CompareTo(latest.Value) > 0))
                latest = week;
        }

        return latest;
    }

    /// <summary>
    /// The weeks' rows one cost centre at a time: a partition-scoped query per cost centre, each found by asking for
    /// the first row past the last one. A query across partitions costs the service (and Azurite, which sorts every
    /// match for each page) far more than one per partition; a company has tens of cost centres, not thousands.
    /// </summary>
    private async IAsyncEnumerable<TableEntity> QueryWeeksByPartitionAsync(
        IsoWeek from, IsoWeek to, IEnumerable<string>? select, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partition = await NextPartitionAsync(null, cancellationToken).ConfigureAwait(false);
        while (partition is not null)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and " + WeekRange(from, to);
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
                yield return row;
            partition = await NextPartitionAsync(partition, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Week labels sort by time, so a week range is a row-key range in every partition.</summary>
    private static string WeekRange(IsoWeek from, IsoWeek to) =>
        TableClient.CreateQueryFilter($"RowKey ge {from + Separator.ToString()} and RowKey lt {to + AfterSeparator.ToString()}");

    private async Task<string?> NextPartitionAsync(string? after, CancellationToken cancellationToken)
    {
        var filter = after is null ? null : TableClient.CreateQueryFilter($"PartitionKey gt {after}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            return row.PartitionKey;
        return null;
    }

    /// <summary>The row's keys: a run that writes a week in parts keeps these instead of the points.</summary>
    public static (string Partition, string Row) KeyOf(CostTrendPoint p) => (Partition(p), RowKey(p));

    private static string Partition(CostTrendPoint p) => StorageKeys.Encode(string.IsNullOrWhiteSpace(p.CostCenter) ? NoCostCenter : p.CostCenter);

    private static string RowKey(CostTrendPoint p) => p.Week + Separator + StorageKeys.Encode(p.WorkloadId);

    private static TableEntity ToEntity(CostTrendPoint p)
    {
        return new TableEntity(Partition(p), RowKey(p))
        {
            ["Week"] = p.Week,
            ["WorkloadId"] = p.WorkloadId,
            ["WorkloadName"] = p.WorkloadName,
            ["Team"] = p.Team,
            ["CostCenter"] = p.CostCenter,
            ["AssessedAt"] = p.AssessedAt,
            ["ServiceName"] = p.ServiceName,
            ["BaselineModel"] = p.BaselineModel,
            ["Verdict"] = p.Verdict.ToString(),
            ["BillingCurrency"] = p.BillingCurrency,
            ["ChargePeriodStart"] = StorageKeys.Day(p.ChargePeriodStart),
            ["ChargePeriodEnd"] = StorageKeys.Day(p.ChargePeriodEnd),
            ["ChargePeriodCalls"] = p.ChargePeriodCalls,
            ["EffectiveCost"] = TableColumns.FromDecimal(p.EffectiveCost),
            ["WindowCalls"] = p.WindowCalls,
            ["WindowCost"] = TableColumns.FromDecimal(p.WindowCost),
            ["MonthlyCalls"] = TableColumns.FromDecimal(p.MonthlyCalls),
            ["BaselineMonthlyCost"] = TableColumns.FromDecimal(p.BaselineMonthlyCost),
            ["CandidateMonthlyCost"] = TableColumns.FromDecimal(p.CandidateMonthlyCost),
            ["MonthlyNetSavings"] = TableColumns.FromDecimal(p.MonthlyNetSavings),
            ["ProjectedMonthlySavings"] = TableColumns.FromDecimal(p.ProjectedMonthlySavings),
            ["BuildCost"] = TableColumns.FromDecimal(p.BuildCost),
            ["PaybackMonths"] = TableColumns.FromDecimal(p.PaybackMonths),
            ["HorizonNet"] = TableColumns.FromDecimal(p.HorizonNet),
            ["BestRoute"] = p.BestRoute,
            ["ChosenMonthlyNetSavings"] = TableColumns.FromDecimal(p.ChosenMonthlyNetSavings),
            ["ChosenHorizonNet"] = TableColumns.FromDecimal(p.ChosenHorizonNet),
        };
    }

    /// <summary>
    /// A row as a point. Rows written before Route verdicts have no chosen-option columns; the fine-tune was then the
    /// only option a verdict could choose, so its figures stand in (<see cref="ChosenOption.FromFineTune"/>).
    /// </summary>
    private static CostTrendPoint FromEntity(TableEntity row)
    {
        var verdict = Enum.TryParse<Verdict>(TableColumns.String(row, "Verdict"), out var parsed) ? parsed : Verdict.StayOnFrontier;
        var monthlyNetSavings = TableColumns.DecimalOrZero(row, "MonthlyNetSavings");
        var horizonNet = TableColumns.DecimalOrZero(row, "HorizonNet");
        return new()
        {
            Week = TableColumns.String(row, "Week"),
            WorkloadId = TableColumns.String(row, "WorkloadId"),
            WorkloadName = TableColumns.String(row, "WorkloadName"),
            Team = TableColumns.String(row, "Team"),
            CostCenter = TableColumns.String(row, "CostCenter"),
            AssessedAt = row.GetDateTimeOffset("AssessedAt") ?? default,
            ServiceName = TableColumns.String(row, "ServiceName"),
            BaselineModel = TableColumns.String(row, "BaselineModel"),
            Verdict = verdict,
            BillingCurrency = row.GetString("BillingCurrency") ?? CostTrendPoint.Usd,
            ChargePeriodStart = TableColumns.Day(row, "ChargePeriodStart"),
            ChargePeriodEnd = TableColumns.Day(row, "ChargePeriodEnd"),
            ChargePeriodCalls = TableColumns.Long(row, "ChargePeriodCalls"),
            EffectiveCost = TableColumns.DecimalOrZero(row, "EffectiveCost"),
            WindowCalls = TableColumns.Long(row, "WindowCalls"),
            WindowCost = TableColumns.DecimalOrZero(row, "WindowCost"),
            MonthlyCalls = TableColumns.DecimalOrZero(row, "MonthlyCalls"),
            BaselineMonthlyCost = TableColumns.DecimalOrZero(row, "BaselineMonthlyCost"),
            CandidateMonthlyCost = TableColumns.DecimalOrZero(row, "CandidateMonthlyCost"),
            MonthlyNetSavings = monthlyNetSavings,
            ProjectedMonthlySavings = TableColumns.DecimalOrZero(row, "ProjectedMonthlySavings"),
            BuildCost = TableColumns.DecimalOrZero(row, "BuildCost"),
            PaybackMonths = TableColumns.Decimal(row, "PaybackMonths"),
            HorizonNet = horizonNet,
            BestRoute = TableColumns.String(row, "BestRoute"),
            ChosenMonthlyNetSavings = TableColumns.Decimal(row, "ChosenMonthlyNetSavings") ?? ChosenOption.FromFineTune(verdict, monthlyNetSavings),
            ChosenHorizonNet = TableColumns.Decimal(row, "ChosenHorizonNet") ?? ChosenOption.FromFineTune(verdict, horizonNet),
        };
    }
}
