using Reassess.Core.Decisions;
using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Reporting;

/// <summary>
/// The two portfolio sections, side by side after "What changed": "Fine-tune next" ranks every workload by what a
/// fine-tune returns (with a bar chart of horizon net), and "Switch or route" lists the Route verdicts with the model,
/// the share of calls, and what the route returns. Both say the next step in a sentence.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>Rows of each portfolio table and bars of the ranking chart; the rest are counted.</summary>
    public const int MaxRanked = 12;

    /// <summary>"Fine-tune next": every workload ranked by what a fine-tune returns, with the horizon net as bars.</summary>
    private static void Portfolio(Html html, ReportModel model)
    {
        var ranked = Ranked(model).ToList();
        html.Line("<section id=\"portfolio\">");
        html.Line("<h2>Fine-tune next</h2>");
        if (ranked.Count == 0)
        {
            html.Line("<p class=\"none\">No workload was assessed this week.</p>");
            html.Line("</section>");
            return;
        }

        html.Line("<p>Workloads ranked by what a fine-tune would return: <code>FineTune</code> verdicts first, then " +
                  "<code>PrepareFineTune</code>, then <code>Route</code> (a cheaper model returns more than the fine-tune; see " +
                  "<a href=\"#routes\">Switch or route</a>), then <code>StayOnFrontier</code>; within each, by the fine-tune&#39;s " +
                  "horizon net, then by payback. <span class=\"fragile\">fragile</span> marks a verdict that a move of under 10% in " +
                  "volume or frontier price would change, with its margin.</p>");
        var shown = ranked.Take(MaxRanked).ToList();
        html.Line("<table class=\"ranking\">");
        html.Line("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Workload</th><th scope=\"col\">Team</th><th scope=\"col\">Verdict</th>" +
                  "<th scope=\"col\">Horizon net</th><th scope=\"col\">Payback</th><th scope=\"col\">Net savings / month</th>" +
                  "<th scope=\"col\">Next step</th></tr></thead>");
        html.Line("<tbody>");
        for (var i = 0; i < shown.Count; i++)
        {
            var entry = shown[i];
            var a = entry.Assessment;
            var e = a.Economics;
            html.Line($"<tr><td class=\"num\">{i + 1}</td>{WorkloadCell(entry)}" +
                      $"<td>{Html.E(ReportText.TeamLabel(a.Team))}</td><td>{Badge(a.Verdict)}{FragileMarker(a)}</td>" +
                      $"<td class=\"num\">{Html.E(ReportFormat.Money(e.HorizonNet))} <span class=\"muted\">/ {e.HorizonMonths} mo</span></td>" +
                      $"<td class=\"num\">{Html.E(e.PaybackMonths is { } p ? ReportFormat.Months(p) + " mo" : "none")}</td>" +
                      $"<td class=\"num\">{Html.E(ReportFormat.Money(e.MonthlyNetSavings))}</td>" +
                      $"<td>{Html.E(NextStep(a))}</td></tr>");
        }

        html.Line("</tbody>");
        html.Line("</table>");
        MoreRanked(html, ranked.Count - shown.Count);

        var bars = shown.Select(entry => new Bar(ReportText.WorkloadLabel(entry.Assessment), (double)entry.Assessment.Economics.HorizonNet)
        {
            CssClass = VerdictClass(entry.Assessment.Verdict),
        }).ToList();
        var chart = new BarChart
        {
            Text = new ChartText("portfolio-horizon", "Horizon net of a fine-tune, by workload",
                "Horizon net (savings over each workload's horizon less the build cost), in ranking order: " +
                string.Join("; ", shown.Select(entry => $"{ReportText.WorkloadLabel(entry.Assessment)} {ReportFormat.Money(entry.Assessment.Economics.HorizonNet)}")) + "."),
            Bars = bars,
            Format = AxisFormat.Money,
            Width = WideChart,
        };
        ChartFigure(html, chart.Render(),
            "Horizon net of a fine-tune by workload, coloured by verdict (green FineTune, amber PrepareFineTune, purple Route, blue StayOnFrontier); bars left of zero lose money.");
        html.Line("</section>");
    }

    /// <summary>"Switch or route": the Route verdicts, by what the route returns over the horizon.</summary>
    private static void Routes(Html html, ReportModel model)
    {
        var routes = RankedRoutes(model).ToList();
        html.Line("<section id=\"routes\">");
        html.Line("<h2>Switch or route</h2>");
        if (routes.Count == 0)
        {
            html.Line("<p class=\"none\">No workload has a Route verdict this week.</p>");
            html.Line("</section>");
            return;
        }

        html.Line("<p>A cheaper model the team has evaluated already meets these workloads&#39; targets and returns more over the " +
                  "horizon than a fine-tune: switch all calls to it, or send it the share shown and keep the rest on today&#39;s model. " +
                  "Ranked by horizon net (after the router and the migration); the cost per accepted outcome counts the retries of " +
                  "outputs that break the format.</p>");
        var shown = routes.Take(MaxRanked).ToList();
        html.Line("<table class=\"routes\">");
        html.Line("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Workload</th><th scope=\"col\">Team</th><th scope=\"col\">Route to</th>" +
                  "<th scope=\"col\">Share</th><th scope=\"col\">Saving / month</th><th scope=\"col\">Horizon net</th><th scope=\"col\">Payback</th>" +
                  "<th scope=\"col\">Cost per accepted outcome</th></tr></thead>");
        html.Line("<tbody>");
        for (var i = 0; i < shown.Count; i++)
        {
            var (entry, route) = shown[i];
            var a = entry.Assessment;
            html.Line($"<tr><td class=\"num\">{i + 1}</td>{WorkloadCell(entry, FragileMarker(a))}" +
                      $"<td>{Html.E(ReportText.TeamLabel(a.Team))}</td><td>{Html.E(route.Model)}</td><td>{Html.E(ReportText.ShareOf(route))}</td>" +
                      $"<td class=\"num\">{Html.E(MoneyOrDash(route.MonthlyNetSavings))}</td>" +
                      $"<td class=\"num\">{Html.E(MoneyOrDash(route.HorizonNet))} <span class=\"muted\">/ {a.Economics.HorizonMonths} mo</span></td>" +
                      $"<td class=\"num\">{Html.E(route.PaybackMonths is { } p ? ReportFormat.Months(p) + " mo" : "none")}</td>" +
                      $"<td class=\"num\">{Html.E(PerCallOrDash(route.CostPerAcceptedOutcome))} " +
                      $"<span class=\"muted\">vs {Html.E(ReportFormat.MoneyPerCall(a.Economics.BaselineCostPerAcceptedOutcome))} now</span></td></tr>");
        }

        html.Line("</tbody>");
        html.Line("</table>");
        MoreRanked(html, routes.Count - shown.Count);
        html.Line("</section>");
    }

    /// <summary>
    /// The order of "Fine-tune next": FineTune, then PrepareFineTune, then Route, then StayOnFrontier; within each, the
    /// fine-tune's horizon net descending, then payback ascending (none last). FineTune and PrepareFineTune lead because
    /// a fine-tune is what they recommend (a plan with gaps to close still ranks above no plan). Route comes next, not
    /// last: a fine-tune is not its next step (a cheaper model returns more for less effort), but the workload is one to
    /// act on, and its fine-tune is the one to revisit first when that model's price or score moves. StayOnFrontier has
    /// nothing to act on, so it closes the list.
    /// </summary>
    internal static IEnumerable<ReportEntry> Ranked(ReportModel model) => model.Entries
        .OrderBy(e => e.Assessment.Verdict switch { Verdict.FineTune => 0, Verdict.PrepareFineTune => 1, Verdict.Route => 2, _ => 3 })
        .ThenByDescending(e => e.Assessment.Economics.HorizonNet)
        .ThenBy(e => e.Assessment.Economics.PaybackMonths ?? decimal.MaxValue)
        .ThenBy(e => e.Anchor, StringComparer.Ordinal);

    /// <summary>Route verdicts with their best route's option, by the route's horizon net descending.</summary>
    internal static IEnumerable<(ReportEntry Entry, OptionSummary Route)> RankedRoutes(ReportModel model) => model.Entries
        .Where(e => e.Assessment.Verdict == Verdict.Route)
        .Select(e => (Entry: e, Route: ChosenOption.BestRoute(e.Assessment)))
        .Where(r => r.Route is not null)
        .Select(r => (r.Entry, r.Route!))
        .OrderByDescending(r => r.Item2.HorizonNet ?? 0m)
        .ThenBy(r => r.Item1.Anchor, StringComparer.Ordinal);

    /// <summary>What the team should do next, in a sentence.</summary>
    internal static string NextStep(Assessment a)
    {
        var e = a.Economics;
        var route = ChosenOption.BestRoute(a);
        switch (a.Verdict)
        {
            case Verdict.FineTune:
                return $"Fine-tune now: {a.Thresholds.MetCount} of 4 thresholds hold and it pays back in {ReportFormat.Payback(e.PaybackMonths)}." +
                       (route is null ? "" : $" It nets {ReportFormat.Money(e.HorizonNet)} over {e.HorizonMonths} months, more than the best route " +
                                             $"({ReportText.ShareOf(route)} to {route.Model}: {MoneyOrDash(route.HorizonNet)}).");
            case Verdict.PrepareFineTune:
                return "Close the readiness gaps first: " + string.Join("; ", (a.ReadinessGaps ?? []).Select(g => g.TrimEnd('.', ' '))) + ".";
            case Verdict.Route when route is not null:
                return $"{ReportText.RouteAction(route)}: it meets the targets, saves {MoneyOrDash(route.MonthlyNetSavings)} / month and nets " +
                       $"{MoneyOrDash(route.HorizonNet)} over {e.HorizonMonths} months ({RoutePayback(route.PaybackMonths)}); " +
                       $"the fine-tune would net {ReportFormat.Money(e.HorizonNet)}.";
            case Verdict.Route:
                return $"Switch or route to {a.BestRoute}: it meets the targets and returns more than a fine-tune.";
        }

        return e.HorizonNet > 0
            ? $"It would pay, but only {a.Thresholds.MetCount} of 4 thresholds hold (2 needed); keep improving prompts and caching."
            : $"Does not pay within {e.HorizonMonths} months; keep improving prompts, caching and routing.";
    }

    private static string RoutePayback(decimal? months) => months switch
    {
        0m => "nothing up front to recover",
        { } m => $"the migration pays back in {ReportFormat.Months(m)} months",
        null => $"the migration does not pay back within {ReportFormat.PaybackLimitMonths} months",
    };

    /// <summary>The row header of a portfolio table: the workload's name, linking to its card.</summary>
    private static string WorkloadCell(ReportEntry entry, string after = "") =>
        $"<th scope=\"row\"><a href=\"#{Html.E(entry.Anchor)}\">{Html.E(ReportText.WorkloadLabel(entry.Assessment))}</a>{after}</th>";

    private static void MoreRanked(Html html, int more)
    {
        if (more > 0) html.Line($"<p class=\"muted\">… and {Html.E(ReportText.WorkloadCount(more))} more, ranked lower.</p>");
    }
}
