using System.Globalization;
using Reassess.Core.Prices;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// "Price alerts" in "What changed", only when a refresh raised any: wrong prices look exactly like right ones, so the
/// reader checks these before trusting the verdicts that use them.
/// </summary>
internal static class PriceAlertsPart
{
    /// <summary>Rows shown per table; a flood (two sources at odds on hundreds of keys) is counted, not listed.</summary>
    public const int MaxRows = 50;

    public static void Write(HtmlWriter html, PriceAlerts? alerts)
    {
        if (alerts is not { Count: > 0 }) return;
        html.Line("<h3>Price alerts</h3>");
        html.Line($"<p>{E(ReportText.PriceAlertsLine(alerts))}. Wrong prices look exactly like right ones: " +
                  "check these before trusting the verdicts that use them.</p>");
        SuspiciousChanges(html, alerts.SuspiciousChanges);
        Disagreements(html, alerts.Disagreements);
        StaleSources(html, alerts.StaleSources);
    }

    private static void SuspiciousChanges(HtmlWriter html, IReadOnlyList<SuspiciousPriceChange> changes)
    {
        if (changes.Count == 0) return;
        html.Line($"<h4>Changes of more than {E(ReportFormat.Percent(PriceAlertRules.SuspiciousChange, 0))} at once</h4>");
        html.OpenTable("skipped price-alerts", "Price key", "Price", "Before", "After", "Change", "Effective");
        foreach (var c in changes.Take(MaxRows))
            html.Line($"<tr><td>{E(c.Key)}</td><td>{E(c.Price)}</td><td>{E(Quote(c.Price, c.Before, c.BeforeSource))}</td>" +
                      $"<td>{E(Quote(c.Price, c.After, c.AfterSource))}</td><td>{E(Change(c.ChangePct))}</td>" +
                      $"<td>{E(ReportFormat.EffectiveFrom(c.EffectiveFrom))}</td></tr>");
        html.CloseTable();
        More(html, changes.Count);
    }

    private static void Disagreements(HtmlWriter html, IReadOnlyList<PriceDisagreement> disagreements)
    {
        if (disagreements.Count == 0) return;
        html.Line($"<h4>Sources more than {E(ReportFormat.Percent(PriceAlertRules.Disagreement, 0))} apart</h4>");
        html.OpenTable("skipped price-alerts", "Price key", "Price", "In force", "Other source", "Difference");
        foreach (var d in disagreements.Take(MaxRows))
            html.Line($"<tr><td>{E(d.Key)}</td><td>{E(d.Price)}</td><td>{E(Quote(d.Price, d.InForce, d.InForceSource))}</td>" +
                      $"<td>{E(Quote(d.Price, d.Other, d.OtherSource))}</td><td>{E(Change(d.DifferencePct))}</td></tr>");
        html.CloseTable();
        More(html, disagreements.Count);
    }

    private static void StaleSources(HtmlWriter html, IReadOnlyList<StalePriceSource> stale)
    {
        if (stale.Count == 0) return;
        html.Line("<h4>Stale sources</h4>");
        html.List(stale.Select(s => $"{s.Source} (since {ReportFormat.Date(s.Since)}): {s.Reason}").ToList(), "");
    }

    /// <summary><c>$0.15 (genai-prices)</c>; per-hour prices say so. Every digit is kept, since a misplaced one is what the reader is hunting.</summary>
    internal static string Quote(string price, decimal value, string source) =>
        $"${value.ToString("0.##########", CultureInfo.InvariantCulture)}{(PriceNames.IsHourly(price) ? "/hour" : "/1M")} ({source})";

    /// <summary>From zero there is no percentage to show.</summary>
    internal static string Change(decimal? pct) => pct is { } p ? ReportFormat.PercentChange(p) : "from $0";

    private static void More(HtmlWriter html, int count)
    {
        if (count > MaxRows)
            html.Line($"<p class=\"muted\">… and {E(ReportFormat.Count(count - MaxRows))} more (every alert is in the refresh's alerts file, price-sheets/alerts/).</p>");
    }
}
