using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// "What changed": the verdict flips with their drivers, price alerts, skipped inputs, evidence gaps and notes on
/// the week's inputs. An empty part says so rather than vanishing, so a reader knows it was checked.
/// </summary>
internal static class WhatChangedSection
{
    public static void Write(HtmlWriter html, ReportModel model)
    {
        html.Line("<section id=\"changes\">");
        html.Line("<h2>What changed</h2>");
        Flips(html, model);
        PriceAlertsPart.Write(html, model.Report.PriceAlerts);
        SkippedInputs(html, model);
        EvidenceGaps(html, model);
        InputNotes(html, model);
        html.Line("</section>");
    }

    private static void Flips(HtmlWriter html, ReportModel model)
    {
        html.Line("<h3>Verdict flips</h3>");
        if (model.Flips.Count == 0)
        {
            html.Line("<p class=\"none\">No verdict changed since the previous assessment.</p>");
            return;
        }

        html.Line("<ul class=\"flips\">");
        foreach (var entry in model.Flips)
        {
            var a = entry.Assessment;
            var flip = a.Flip!;
            html.Line($"{WorkloadItem(entry)}: {VerdictMarkup.Badge(flip.PreviousVerdict)} &rarr; {VerdictMarkup.Badge(a.Verdict)}{FragileMarker.Of(a, "fragile flip")} " +
                      $"<span class=\"muted\">(previous assessment {E(Time.IsoWeek.Of(flip.PreviousAssessedAt).ToString())}, {E(ReportFormat.Date(flip.PreviousAssessedAt))})</span>");
            html.List(flip.Drivers, "No driver recorded.");
            html.Line("</li>");
        }

        html.Line("</ul>");
    }

    private static void SkippedInputs(HtmlWriter html, ReportModel model)
    {
        html.Line("<h3>Skipped inputs</h3>");
        if (model.Skipped.Count == 0)
        {
            html.Line("<p class=\"none\">Nothing was skipped.</p>");
            return;
        }

        html.Line("<p>These workloads, sheets or files were skipped; the last good data stays in force until they are fixed.</p>");
        html.OpenTable("skipped", "Source", "Where", "Reason");
        foreach (var p in model.Skipped)
            html.Line($"<tr><td>{E(p.Source)}</td><td>{E(p.Location)}</td><td>{E(p.Message)}</td></tr>");
        html.CloseTable();
    }

    private static void EvidenceGaps(HtmlWriter html, ReportModel model)
    {
        html.Line("<h3>Evidence gaps</h3>");
        var withGaps = model.Entries.Where(e => e.Assessment.EvidenceGaps is { Count: > 0 }).ToList();
        if (withGaps.Count == 0)
        {
            html.Line("<p class=\"none\">Every threshold could be judged.</p>");
            return;
        }

        html.Line("<p>Thresholds that could not be judged, and the evidence that would settle them.</p>");
        html.Line("<ul class=\"gaps\">");
        foreach (var entry in withGaps)
        {
            html.Line(WorkloadItem(entry));
            html.List(entry.Assessment.EvidenceGaps, "");
            html.Line("</li>");
        }

        html.Line("</ul>");
    }

    private static void InputNotes(HtmlWriter html, ReportModel model)
    {
        if (model.Report.Notes is not { Count: > 0 } notes) return;
        html.Line("<h3>Inputs this week</h3>");
        html.List(notes, "");
    }

    /// <summary>An item's opening: the workload, linking to its card, and its team; the caller closes the item.</summary>
    private static string WorkloadItem(ReportEntry entry) =>
        $"<li><a href=\"#{E(entry.Anchor)}\">{E(ReportText.WorkloadLabel(entry.Assessment))}</a> " +
        $"({E(ReportText.TeamLabel(entry.Assessment.Team))})";
}
