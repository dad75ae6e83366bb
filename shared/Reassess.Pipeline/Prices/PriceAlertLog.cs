using System.Text.Json;
using Reassess.Core.Json;
using Reassess.Core.Prices;
using Reassess.Core.Time;

namespace Reassess.Pipeline.Prices;

/// <summary>
/// The price alerts of each day's refresh, kept in the price-sheet archive so the weekly report
/// (a different job, maybe a different process) can show them. A day's suspicious changes accumulate over reruns of
/// that day — a change is only seen by the run that stores it, and a rerun must not make it vanish — while
/// disagreements and stale sources describe the sources as last read, so the latest run's stand.
/// </summary>
public static class PriceAlertLog
{
    public static async Task SaveAsync(PipelineContext context, DateOnly day, PriceAlerts alerts, CancellationToken cancellationToken = default)
    {
        var earlier = await LoadDayAsync(context, day, cancellationToken);
        var kept = alerts with { SuspiciousChanges = earlier.Merge(alerts).SuspiciousChanges };
        var json = JsonSerializer.SerializeToUtf8Bytes(kept, ReassessJson.Options);
        await context.PriceSheets.SaveAlertsAsync(day, json, cancellationToken);
    }

    /// <summary>
    /// The alerts the report for <paramref name="week"/> shows: suspicious changes from the seven daily refreshes up to
    /// the week's Monday, and the disagreements and stale sources of the latest of them.
    /// </summary>
    public static async Task<PriceAlerts> ForWeekAsync(PipelineContext context, IsoWeek week, CancellationToken cancellationToken = default)
    {
        var monday = DateOnly.FromDateTime(week.Start.UtcDateTime);
        var changes = PriceAlerts.None;
        PriceAlerts? latest = null;
        for (var day = monday.AddDays(-6); day <= monday; day = day.AddDays(1))
        {
            var alerts = await LoadDayAsync(context, day, cancellationToken, missingIsNull: true);
            if (alerts is null) continue;
            changes = changes.Merge(alerts with { Disagreements = [], StaleSources = [] });
            latest = alerts;
        }

        return latest is null ? changes : changes with { Disagreements = latest.Disagreements, StaleSources = latest.StaleSources };
    }

    private static async Task<PriceAlerts> LoadDayAsync(PipelineContext context, DateOnly day, CancellationToken cancellationToken) =>
        await LoadDayAsync(context, day, cancellationToken, missingIsNull: false) ?? PriceAlerts.None;

    private static async Task<PriceAlerts?> LoadDayAsync(PipelineContext context, DateOnly day, CancellationToken cancellationToken, bool missingIsNull)
    {
        var json = await context.PriceSheets.ReadAlertsAsync(day, cancellationToken);
        if (json is null) return missingIsNull ? null : PriceAlerts.None;
        return JsonSerializer.Deserialize<PriceAlerts>(json, ReassessJson.Options) ?? PriceAlerts.None;
    }
}
