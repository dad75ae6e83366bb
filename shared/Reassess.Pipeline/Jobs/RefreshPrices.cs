using Reassess.Core.Delivery;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Core.Time;
using Reassess.Pipeline.Delivery;
using Reassess.Pipeline.Prices;
using Reassess.Sources;
using Reassess.Sources.Prices;
using Reassess.Storage.Runs;

namespace Reassess.Pipeline.Jobs;

/// <summary>
/// Reads or pulls every configured price sheet, archives each raw sheet, resolves every key through the alias table and
/// genai-prices' match rules, merges the sheets (the first configured public sheet to quote a key wins; the overrides
/// sheet wins over all) and stores the prices that changed. A sheet that cannot be read is quarantined and the last
/// good prices stay in force. Price moves over 50%, sources disagreeing by over 5% and stale sources are kept as the
/// day's price alerts for the weekly report.
/// </summary>
public sealed class RefreshPrices(PipelineContext context, Deliveries? deliveries = null) : ITimerJob
{
    Task ITimerJob.RunAsync(DateTimeOffset occurrence, CancellationToken cancellationToken) => RunAsync(occurrence, cancellationToken);

    /// <summary>The prices of the day of <paramref name="asOf"/>: one run record per day, so a rerun replaces it.</summary>
    public Task<JobOutcome> RunAsync(DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        context.RunAsync(JobName.RefreshPrices, RunPeriod.Day(DateOnly.FromDateTime(asOf.UtcDateTime)), outcome => RefreshAsync(outcome, asOf, cancellationToken), cancellationToken);

    private async Task RefreshAsync(JobOutcome outcome, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var (aliases, aliasProblems) = await PriceAliasTable.LoadAsync(context.Settings, cancellationToken);
        outcome.AddProblems(aliasProblems);

        var loader = new PriceSheetLoader(context, context.PriceRefresh);
        var sheets = new List<LoadedSheet>();
        foreach (var source in context.Settings.PriceSources)
        {
            if (!ReaderCatalog.Default.Prices.TryGet(source.Format, out var reader))
            {
                outcome.AddProblem(new InputProblem(PriceSheetLocation.Of(source.Path, context.Settings).Name, "",
                    $"unknown price format '{source.Format}'; use one of {string.Join(", ", ReaderCatalog.Default.Prices.Formats)}."));
                continue;
            }

            if (await loader.LoadAsync(source, reader, asOf, outcome, cancellationToken) is { } sheet) sheets.Add(sheet);
        }

        // genai-prices' match rules name every id of its models; read first, they resolve the other sheets' ids too.
        foreach (var sheet in sheets.Where(s => s.Source.Format == GenAiPricesReader.FormatName))
            aliases = GenAiMatchRules.Read(sheet.Raw, sheet.Name).AddTo(aliases);

        var publicSheets = new List<IReadOnlyList<PriceRecord>>();
        var overrides = new List<PriceRecord>();
        foreach (var sheet in sheets)
        {
            var records = PriceSheetReading.Canonicalised(sheet.Result, aliases, sheet.Name).Records;
            if (sheet.Source.Format == OverridesPriceReader.FormatName) overrides.AddRange(records);
            else publicSheets.Add(records);
        }

        var inForce = (await context.Prices.GetAllInForceAsync(asOf, cancellationToken)).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var seenOn = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var merged = PriceMerge.DateChangesWhenSeen(PriceMerge.Merge(publicSheets, overrides), inForce, asOf, seenOn);

        var summary = await context.Prices.StoreChangesAsync(merged, cancellationToken);
        outcome.Count("price keys", merged.Select(m => m.Key).Distinct().Count());
        outcome.Count("prices changed", summary.Written);
        outcome.Count("prices unchanged", summary.Unchanged);

        var alerts = new PriceAlerts
        {
            SuspiciousChanges = PriceAlertRules.SuspiciousChanges(summary.Changes
                .Where(c => inForce.ContainsKey(c.Key))
                .Select(c => (inForce[c.Key], c))),
            Disagreements = PriceAlertRules.Disagreements(publicSheets),
            StaleSources = [.. sheets.Select(s => s.Stale).OfType<StalePriceSource>()],
        };
        await PriceAlertLog.SaveAsync(context, day, alerts, cancellationToken);
        if (alerts.Count > 0) outcome.Count("price alerts", alerts.Count);
        await AlertTeamsAsync(outcome, alerts, asOf, cancellationToken);
    }

    /// <summary>
    /// A suspicious price or a stale source is news the day it is found: the teams whose baseline or candidate models it
    /// touches (as their latest weekly assessments priced them) hear of it today, once per alert.
    /// </summary>
    private async Task AlertTeamsAsync(JobOutcome outcome, PriceAlerts alerts, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (deliveries is null || alerts.SuspiciousChanges.Count + alerts.StaleSources.Count == 0) return;
        var teams = deliveries.ReadTeams();
        if (teams.Teams.Count == 0) return;
        var week = IsoWeek.Of(asOf);
        var latest = await context.Assessments.ListWeekAsync(week, cancellationToken);
        if (latest.Count == 0) latest = await context.Assessments.ListWeekAsync(week.Previous, cancellationToken);
        var touching = DeliveryAlert.FromPriceRefresh(alerts, latest, DateOnly.FromDateTime(asOf.UtcDateTime)).Where(a => a.Teams.Count > 0).ToList();
        await deliveries.SendAlertsAsync(touching, outcome, cancellationToken, teams);
    }
}
