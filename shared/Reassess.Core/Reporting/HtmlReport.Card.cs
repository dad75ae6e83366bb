using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting;

/// <summary>
/// A workload's card: its verdict (marked when fragile) and next step, the four thresholds, the fine-tune's economics,
/// the sensitivity with its charts, every option side by side, the gaps, and what the verdict rests on (the usage
/// window, the prices, every default it assumed), so a reader can audit it.
/// </summary>
public static partial class HtmlReport
{
    private static void Card(Html html, ReportModel model, ReportEntry entry)
    {
        var a = entry.Assessment;
        html.Line($"<article class=\"card {VerdictClass(a.Verdict)}\" id=\"{Html.E(entry.Anchor)}\">");
        html.Line($"<h3>{Html.E(ReportText.WorkloadLabel(a))} {Badge(a.Verdict)}{FragileMarker(a)}</h3>");

        var meta = new List<string> { $"id {a.WorkloadId}" };
        if (!string.IsNullOrWhiteSpace(a.CostCenter)) meta.Add($"cost centre {a.CostCenter}");
        if (ReportText.BaselinePrice(a) is { } baseline) meta.Add($"baseline {baseline.Key}");
        meta.Add($"assessed {ReportFormat.Instant(a.AssessedAt)}");
        html.Line($"<p class=\"meta\">{string.Join(" &middot; ", meta.Select(Html.E))}</p>");
        html.Line($"<p class=\"advice\">{Html.E(ReportText.VerdictAdvice(a.Verdict))}</p>");
        html.Line($"<p class=\"next-step\">Next step: {Html.E(NextStep(a))}</p>");
        CardTrend(html, model, entry);
        if (a.Flip is { } flip)
        {
            html.Line($"<p class=\"flip\">Changed from {Badge(flip.PreviousVerdict)} (assessed {Html.E(ReportFormat.Date(flip.PreviousAssessedAt))}): " +
                      $"{Html.E(string.Join("; ", (flip.Drivers ?? []).Select(d => d.TrimEnd('.'))))}</p>");
        }

        Thresholds(html, a);
        Economics(html, a);

        html.Line("<h4>Sensitivity</h4>");
        List(html, ReportText.SensitivityLines(a), "");
        if (ReportText.Fragile(a) is not null)
            html.Line($"<p class=\"fragile-note\">{FragileMarker(a).TrimStart()} A move of under 10% in monthly volume or the frontier price would change this verdict.</p>");
        else if (a.Sensitivity?.Margin is { } margin)
            html.Line($"<p>Margin {Html.E(ReportFormat.Percent(margin))}: monthly volume or the frontier price must move that far to change the volume " +
                      "threshold; a verdict is fragile under 10%.</p>");
        CardCharts(html, entry);

        OptionsTable(html, a);

        html.Line("<h4>Readiness gaps</h4>");
        List(html, a.ReadinessGaps, "None: labelled examples, eval suite and validated baseline are in place.");

        if (a.EvidenceGaps is { Count: > 0 })
        {
            html.Line("<h4>Evidence gaps</h4>");
            List(html, a.EvidenceGaps, "");
        }

        Inputs(html, a);
        html.Line("</article>");
    }

    private static void Thresholds(Html html, Assessment a)
    {
        html.Line("<h4>Thresholds</h4>");
        html.Line($"<p>{Html.E($"{a.Thresholds.MetCount} of 4 met; fine-tuning needs at least 2.")}</p>");
        html.Line("<table class=\"thresholds\">");
        html.Line("<thead><tr><th scope=\"col\">Threshold</th><th scope=\"col\">Status</th><th scope=\"col\">Evidence</th></tr></thead>");
        html.Line("<tbody>");
        foreach (var (name, result) in a.Thresholds.Named())
        {
            html.Line($"<tr><th scope=\"row\">{Html.E(ReportText.ThresholdTitle(name))}<span class=\"muted\">{Html.E(ReportText.ThresholdMeaning(name))}</span></th>" +
                      $"<td class=\"{StatusClass(result.Status)}\">{Html.E(ReportText.StatusLabel(result.Status))}</td>" +
                      $"<td>{Html.E(result.Evidence)}</td></tr>");
        }

        html.Line("</tbody>");
        html.Line("</table>");
    }

    /// <summary>The fine-tune against staying; the options table sets it beside the routes.</summary>
    private static void Economics(Html html, Assessment a)
    {
        var e = a.Economics;
        html.Line("<h4>Economics</h4>");
        html.Line("<table class=\"economics\">");
        html.Line("<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th></tr></thead>");
        html.Line("<tbody>");
        Row(html, "Monthly calls", $"{ReportFormat.Calls(e.MonthlyCalls)} ({ReportFormat.Count(e.MonthlyCalls)})");
        Row(html, "Baseline cost per call", ReportFormat.MoneyPerCall(e.BaselineCostPerCall));
        Row(html, "Baseline cost per accepted outcome", ReportFormat.MoneyPerCall(e.BaselineCostPerAcceptedOutcome));
        Row(html, "Baseline monthly cost", ReportFormat.Money(e.BaselineMonthlyCost));
        Row(html, "Candidate cost per call", ReportFormat.MoneyPerCall(e.CandidateCostPerCall));
        Row(html, "Candidate all-in cost per call",
            $"{ReportFormat.MoneyPerCall(e.AllInCandidateCostPerCall)} (hosting, GPUs and retraining included)");
        Row(html, "Candidate cost per accepted outcome", ReportFormat.MoneyPerCall(e.CandidateCostPerAcceptedOutcome));
        Row(html, "Candidate monthly cost",
            $"{ReportFormat.Money(e.CandidateMonthlyCost)} (incl. fixed {ReportFormat.Money(e.MonthlyFixedCost)} and retraining {ReportFormat.Money(e.MonthlyRetrainCost)})");
        Row(html, "Monthly net savings (first month)", ReportFormat.Money(e.MonthlyNetSavings));
        Row(html, "Build cost", ReportFormat.Money(e.BuildCost));
        Row(html, "Payback", ReportFormat.Payback(e.PaybackMonths));
        Row(html, "Calls until payback",
            e.BreakevenCalls is { } be ? $"{ReportFormat.Calls(be)} calls" : $"none: no payback within {ReportFormat.PaybackLimitMonths} months");
        Row(html, "Monthly volume floor",
            e.MonthlyVolumeFloor is { } floor ? $"{ReportFormat.Calls(floor)} calls/month" : "none: the candidate saves nothing per call");
        Row(html, $"Horizon net over {e.HorizonMonths} months", ReportFormat.Money(e.HorizonNet));
        Row(html, "Assumptions",
            $"frontier price decline {ReportFormat.Percent(e.MonthlyPriceDecline)}/month ({a.Inputs.PriceDeclineSource}), " +
            $"volume growth {ReportFormat.Percent(e.MonthlyVolumeGrowth)}/month");
        html.Line("</tbody>");
        html.Line("</table>");
    }

    /// <summary>The usage window, the prices by role, and every default the engine applied.</summary>
    private static void Inputs(Html html, Assessment a)
    {
        html.Line("<h4>Inputs</h4>");
        html.Line($"<p>Usage window {Html.E(ReportText.WindowText(a.Inputs.Window))}" +
                  (a.Inputs.Window.Sources is { Count: > 0 } sources ? $"; sources {Html.E(string.Join(", ", sources))}" : "") +
                  ".</p>");
        if (a.Inputs.Prices is { Count: > 0 } prices)
        {
            html.Line("<table class=\"inputs\">");
            html.Line("<thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Price key</th><th scope=\"col\">Effective from</th><th scope=\"col\">Source</th></tr></thead>");
            html.Line("<tbody>");
            foreach (var p in prices)
            {
                html.Line($"<tr><td>{Html.E(p.Role)}</td><td>{Html.E(p.Key)}</td>" +
                          $"<td>{Html.E(ReportFormat.EffectiveFrom(p.EffectiveFrom))}</td><td>{Html.E(p.Source)}</td></tr>");
            }

            html.Line("</tbody>");
            html.Line("</table>");
        }
        else
        {
            html.Line("<p class=\"none\">No prices recorded.</p>");
        }

        html.Line("<h4>Assumed</h4>");
        // Distinct: two alternatives on one model (a switch and a partial route) record the same default twice.
        List(html, (a.Inputs.Defaults ?? []).Select(ReportText.Assumed).Distinct(StringComparer.Ordinal).ToList(),
            "None recorded with this assessment.");
    }
}
