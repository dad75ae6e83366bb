using System.Net;
using System.Text;
using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting;

/// <summary>
/// <c>index.html</c>: one self-contained HTML5 page (inline CSS, no scripts, no external resources) for the teams that
/// own workloads: the headline, what changed, what to fine-tune and what to switch or route next, the spend trend, a
/// card per workload grouped by team, and the totals.
/// Every piece of text from data is HTML-encoded.
/// </summary>
public static partial class HtmlReport
{
    public const string FileName = WeeklyReportRenderer.IndexHtml;
    public const string ContentType = "text/html; charset=utf-8";

    public static ReportFile Render(WeeklyReport report) => Render(ReportModel.Build(report));

    internal static ReportFile Render(ReportModel model)
    {
        var html = new Html();
        var report = model.Report;
        var week = report.Week.ToString();

        html.Line("<!DOCTYPE html>");
        html.Line("<html lang=\"en\">");
        html.Line("<head>");
        html.Line("<meta charset=\"utf-8\">");
        html.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Line($"<title>Reassess weekly report {Html.E(week)}</title>");
        html.Line("<style>");
        html.Raw(Css);
        html.Raw(ChartCss);
        html.Line("</style>");
        html.Line("</head>");
        html.Line("<body>");
        html.Line("<header>");
        html.Line($"<h1>Reassess weekly report {Html.E(week)}</h1>");
        html.Line($"<p class=\"asof\">Assessments as of {Html.E(ReportFormat.Instant(report.AsOf))}. " +
                  "Each workload: stay on a prompted frontier model, switch or route to a cheaper model that already meets its targets, " +
                  "or fine-tune a smaller one?</p>");
        html.Line("</header>");
        html.Line("<main>");

        Headline(html, model);
        WhatChanged(html, model);
        Portfolio(html, model);
        Routes(html, model);
        SpendTrend(html, model);
        foreach (var team in model.Teams) Team(html, model, team);
        Totals(html, model);

        html.Line("</main>");
        html.Line("</body>");
        html.Line("</html>");

        return new ReportFile(FileName, WeeklyReportRenderer.Utf8.GetBytes(html.ToString()), ContentType);
    }

    private static void Headline(Html html, ReportModel model)
    {
        var t = model.Totals;
        html.Line("<section id=\"headline\">");
        html.Line("<h2>Headline</h2>");
        html.Line("<dl class=\"figures\">");
        Figure(html, "Week", Html.E(model.Report.Week.ToString()));
        Figure(html, "Workloads assessed", Html.E(ReportFormat.Count(t.Workloads)));
        Figure(html, "Verdicts", VerdictCounts(t));
        Figure(html, "Total monthly LLM spend", TotalSpendFigure(model));
        Figure(html, "Projected savings (chosen options)",
            $"{Html.E(ReportFormat.Money(t.ChosenHorizonNet))} net over the horizon<br>{Html.E(ReportFormat.Money(t.ChosenMonthlyNetSavings))} / month run rate");
        Figure(html, "Savings to act on (FineTune, Route)", Html.E(ReportFormat.Money(t.ProjectedMonthlySavings) + " / month"));
        Figure(html, "Flips this week", Html.E(ReportFormat.Count(t.Flips)));
        Figure(html, "Skipped inputs", Html.E(ReportFormat.Count(model.Skipped.Count)));
        html.Line("</dl>");
        html.Line($"<p class=\"muted\">{Html.E(ReportText.ProjectedSavingsMeaning)}</p>");
        html.Line("</section>");
    }

    private static void Figure(Html html, string term, string valueHtml) =>
        html.Line($"<div><dt>{Html.E(term)}</dt><dd>{valueHtml}</dd></div>");

    private static string VerdictCounts(ReportTotals t) => string.Join(" ",
        ReportTotals.VerdictOrder.Select(v => $"<span class=\"vcount\">{Badge(v)}&nbsp;{Html.E(ReportFormat.Count(t.CountOf(v)))}</span>"));

    private static void WhatChanged(Html html, ReportModel model)
    {
        html.Line("<section id=\"changes\">");
        html.Line("<h2>What changed</h2>");

        html.Line("<h3>Verdict flips</h3>");
        if (model.Flips.Count == 0)
        {
            html.Line("<p class=\"none\">No verdict changed since the previous assessment.</p>");
        }
        else
        {
            html.Line("<ul class=\"flips\">");
            foreach (var entry in model.Flips)
            {
                var a = entry.Assessment;
                var flip = a.Flip!;
                html.Line($"<li><a href=\"#{Html.E(entry.Anchor)}\">{Html.E(ReportText.WorkloadLabel(a))}</a> " +
                          $"({Html.E(ReportText.TeamLabel(a.Team))}): {Badge(flip.PreviousVerdict)} &rarr; {Badge(a.Verdict)}{FragileMarker(a, "fragile flip")} " +
                          $"<span class=\"muted\">(previous assessment {Html.E(Time.IsoWeek.Of(flip.PreviousAssessedAt).ToString())}, {Html.E(ReportFormat.Date(flip.PreviousAssessedAt))})</span>");
                List(html, flip.Drivers, "No driver recorded.");
                html.Line("</li>");
            }

            html.Line("</ul>");
        }

        PriceAlertsSection(html, model.Report.PriceAlerts);

        html.Line("<h3>Skipped inputs</h3>");
        if (model.Skipped.Count == 0)
        {
            html.Line("<p class=\"none\">Nothing was skipped.</p>");
        }
        else
        {
            html.Line("<p>These workloads, sheets or files were skipped; the last good data stays in force until they are fixed.</p>");
            html.Line("<table class=\"skipped\">");
            html.Line("<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Where</th><th scope=\"col\">Reason</th></tr></thead>");
            html.Line("<tbody>");
            foreach (var p in model.Skipped)
                html.Line($"<tr><td>{Html.E(p.Source)}</td><td>{Html.E(p.Location)}</td><td>{Html.E(p.Message)}</td></tr>");
            html.Line("</tbody>");
            html.Line("</table>");
        }

        html.Line("<h3>Evidence gaps</h3>");
        var withGaps = model.Entries.Where(e => e.Assessment.EvidenceGaps is { Count: > 0 }).ToList();
        if (withGaps.Count == 0)
        {
            html.Line("<p class=\"none\">Every threshold could be judged.</p>");
        }
        else
        {
            html.Line("<p>Thresholds that could not be judged, and the evidence that would settle them.</p>");
            html.Line("<ul class=\"gaps\">");
            foreach (var entry in withGaps)
            {
                var a = entry.Assessment;
                html.Line($"<li><a href=\"#{Html.E(entry.Anchor)}\">{Html.E(ReportText.WorkloadLabel(a))}</a> " +
                          $"({Html.E(ReportText.TeamLabel(a.Team))})");
                List(html, a.EvidenceGaps, "");
                html.Line("</li>");
            }

            html.Line("</ul>");
        }

        if (model.Report.Notes is { Count: > 0 } notes)
        {
            html.Line("<h3>Inputs this week</h3>");
            List(html, notes, "");
        }

        html.Line("</section>");
    }

    private static void Team(Html html, ReportModel model, TeamGroup team)
    {
        var t = team.Totals;
        html.Line("<section class=\"team\">");
        html.Line($"<h2>Team: {Html.E(ReportText.TeamLabel(team.Team))}</h2>");
        html.Line($"<p class=\"team-totals\">{Html.E(ReportText.WorkloadCount(t.Workloads))} &middot; " +
                  $"baseline {Html.E(ReportFormat.Money(t.BaselineMonthlyCost))} / month &middot; " +
                  $"projected savings {Html.E(ReportFormat.Money(t.ChosenHorizonNet))} net over the horizon, " +
                  $"{Html.E(ReportFormat.Money(t.ChosenMonthlyNetSavings))} / month &middot; " +
                  $"to act on {Html.E(ReportFormat.Money(t.ProjectedMonthlySavings))} / month &middot; " +
                  $"{VerdictCounts(t)}</p>");
        TeamTrend(html, model, team);
        foreach (var entry in team.Entries) Card(html, model, entry);
        html.Line("</section>");
    }

    private static void Totals(Html html, ReportModel model)
    {
        html.Line("<section id=\"totals\">");
        html.Line("<h2>Totals</h2>");
        html.Line("<table class=\"totals\">");
        html.Line("<thead><tr><th scope=\"col\">Team</th><th scope=\"col\">Workloads</th>" +
                  string.Concat(ReportTotals.VerdictOrder.Select(v => $"<th scope=\"col\">{BreakableVerdict(v)}</th>")) +
                  "<th scope=\"col\">Baseline monthly cost</th><th scope=\"col\">Savings to act on / month</th>" +
                  "<th scope=\"col\">Projected savings, horizon net</th></tr></thead>");
        html.Line("<tbody>");
        foreach (var team in model.Teams) TotalsRow(html, ReportText.TeamLabel(team.Team), team.Totals);
        html.Line("</tbody>");
        html.Line("<tfoot>");
        TotalsRow(html, "All teams", model.Totals);
        html.Line("</tfoot>");
        html.Line("</table>");
        html.Line("</section>");
    }

    private static void TotalsRow(Html html, string label, ReportTotals t) =>
        html.Line($"<tr><th scope=\"row\">{Html.E(label)}</th>" +
                  $"<td class=\"num\">{Html.E(ReportFormat.Count(t.Workloads))}</td>" +
                  string.Concat(ReportTotals.VerdictOrder.Select(v => $"<td class=\"num\">{Html.E(ReportFormat.Count(t.CountOf(v)))}</td>")) +
                  $"<td class=\"num\">{Html.E(ReportFormat.Money(t.BaselineMonthlyCost))}</td>" +
                  $"<td class=\"num\">{Html.E(ReportFormat.Money(t.ProjectedMonthlySavings))}</td>" +
                  $"<td class=\"num\">{Html.E(ReportFormat.Money(t.ChosenHorizonNet))}</td></tr>");

    private static void Row(Html html, string label, string value) =>
        html.Line($"<tr><th scope=\"row\">{Html.E(label)}</th><td>{Html.E(value)}</td></tr>");

    private static void List(Html html, IReadOnlyList<string>? items, string whenEmpty)
    {
        var present = (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (present.Count == 0)
        {
            if (whenEmpty.Length > 0) html.Line($"<p class=\"none\">{Html.E(whenEmpty)}</p>");
            return;
        }

        html.Line("<ul>");
        foreach (var item in present) html.Line($"<li>{Html.E(item)}</li>");
        html.Line("</ul>");
    }

    /// <summary>A verdict name that may break between its words (<c>Prepare&lt;wbr&gt;Fine&lt;wbr&gt;Tune</c>) so a narrow column header can wrap.</summary>
    private static string BreakableVerdict(Verdict verdict) =>
        System.Text.RegularExpressions.Regex.Replace(Html.E(ReportText.VerdictName(verdict)), "(?<=[a-z])(?=[A-Z])", "<wbr>");

    private static string Badge(Verdict verdict) =>
        $"<span class=\"badge {VerdictClass(verdict)}\">{Html.E(ReportText.VerdictName(verdict))}</span>";

    private static string VerdictClass(Verdict verdict) => verdict switch
    {
        Verdict.FineTune => "v-finetune",
        Verdict.PrepareFineTune => "v-prepare",
        Verdict.Route => "v-route",
        _ => "v-stay",
    };

    private static string StatusClass(ThresholdStatus status) => status switch
    {
        ThresholdStatus.Met => "s-met",
        ThresholdStatus.NotMet => "s-notmet",
        _ => "s-unknown",
    };

    /// <summary>LF-only HTML text; <see cref="E"/> encodes text from data.</summary>
    private sealed class Html
    {
        private readonly StringBuilder _text = new();

        public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

        public void Line(string html) => _text.Append(html).Append('\n');

        public void Raw(string html) => _text.Append(html);

        public override string ToString() => _text.ToString();
    }
}
