using System.Globalization;
using Reassess.Core.Prices;

namespace Reassess.Core.Reporting;

/// <summary>The "Price alerts" part of "What changed": shown only when a refresh raised any.</summary>
public static partial class HtmlReport
{
    /// <summary>Rows shown per table; a flood (two sources at odds on hundreds of keys) is counted, not listed.</summary>
    public const int MaxAlertRows = 50;

    private static void PriceAlertsSection(Html html, PriceAlerts? alerts)
    {
        if (alerts is not { Count: > 0 }) return;
        html.Line("<h3>Price alerts</h3>");
        html.Line($"<p>{Html.E(ReportText.PriceAlertsLine(alerts))}. Wrong prices look exactly like right ones: " +
                  "check these before trusting the verdicts that use them.</p>");

        if (alerts.SuspiciousChanges.Count > 0)
        {
            html.Line($"<h4>Changes of more than {Html.E(ReportFormat.Percent(PriceAlertRules.SuspiciousChange, 0))} at once</h4>");
            html.Line("<table class=\"skipped price-alerts\">");
            html.Line("<thead><tr><th scope=\"col\">Price key</th><th scope=\"col\">Price</th><th scope=\"col\">Before</th>" +
                      "<th scope=\"col\">After</th><th scope=\"col\">Change</th><th scope=\"col\">Effective</th></tr></thead>");
            html.Line("<tbody>");
            foreach (var c in alerts.SuspiciousChanges.Take(MaxAlertRows))
                html.Line($"<tr><td>{Html.E(c.Key)}</td><td>{Html.E(c.Price)}</td><td>{Html.E(Quote(c.Price, c.Before, c.BeforeSource))}</td>" +
                          $"<td>{Html.E(Quote(c.Price, c.After, c.AfterSource))}</td><td>{Html.E(Change(c.ChangePct))}</td>" +
                          $"<td>{Html.E(ReportFormat.EffectiveFrom(c.EffectiveFrom))}</td></tr>");
            html.Line("</tbody>");
            html.Line("</table>");
            More(html, alerts.SuspiciousChanges.Count);
        }

        if (alerts.Disagreements.Count > 0)
        {
            html.Line($"<h4>Sources more than {Html.E(ReportFormat.Percent(PriceAlertRules.Disagreement, 0))} apart</h4>");
            html.Line("<table class=\"skipped price-alerts\">");
            html.Line("<thead><tr><th scope=\"col\">Price key</th><th scope=\"col\">Price</th><th scope=\"col\">In force</th>" +
                      "<th scope=\"col\">Other source</th><th scope=\"col\">Difference</th></tr></thead>");
            html.Line("<tbody>");
            foreach (var d in alerts.Disagreements.Take(MaxAlertRows))
                html.Line($"<tr><td>{Html.E(d.Key)}</td><td>{Html.E(d.Price)}</td><td>{Html.E(Quote(d.Price, d.InForce, d.InForceSource))}</td>" +
                          $"<td>{Html.E(Quote(d.Price, d.Other, d.OtherSource))}</td><td>{Html.E(Change(d.DifferencePct))}</td></tr>");
            html.Line("</tbody>");
            html.Line("</table>");
            More(html, alerts.Disagreements.Count);
        }

        if (alerts.StaleSources.Count > 0)
        {
            html.Line("<h4>Stale sources</h4>");
            List(html, alerts.StaleSources.Select(s => $"{s.Source} (since {ReportFormat.Date(s.Since)}): {s.Reason}").ToList(), "");
        }
    }

    /// <summary><c>$0.15 (genai-prices)</c>; per-hour prices say so. Prices are shown as quoted, every digit kept.</summary>
    private static string Quote(string price, decimal value, string source) =>
        $"${value.ToString("0.##########", CultureInfo.InvariantCulture)}{(PriceNames.IsHourly(price) ? "/hour" : "/1M")} ({source})";

    private static string Change(decimal? pct) => pct is { } p ? ReportFormat.PercentChange(p) : "from $0";

    private static void More(Html html, int count)
    {
        if (count > MaxAlertRows)
            html.Line($"<p class=\"muted\">… and {Html.E(ReportFormat.Count(count - MaxAlertRows))} more (every alert is in the refresh's alerts file, price-sheets/alerts/).</p>");
    }
}
