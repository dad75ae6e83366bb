using Reassess.Core.Decisions;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>The card's four thresholds: each one's meaning, whether it is met, and the evidence it was judged on.</summary>
internal static class ThresholdsTable
{
    public static void Write(HtmlWriter html, Assessment a)
    {
        html.Line("<h4>Thresholds</h4>");
        html.Line($"<p>{E($"{a.Thresholds.MetCount} of 4 met; fine-tuning needs at least 2.")}</p>");
        html.OpenTable("thresholds", "Threshold", "Status", "Evidence");
        foreach (var (name, result) in a.Thresholds.Named())
        {
            html.Line($"<tr><th scope=\"row\">{E(ReportText.ThresholdTitle(name))}<span class=\"muted\">{E(ReportText.ThresholdMeaning(name))}</span></th>" +
                      $"<td class=\"{StatusClass(result.Status)}\">{E(ReportText.StatusLabel(result.Status))}</td>" +
                      $"<td>{E(result.Evidence)}</td></tr>");
        }

        html.CloseTable();
    }

    private static string StatusClass(ThresholdStatus status) => status switch
    {
        ThresholdStatus.Met => "s-met",
        ThresholdStatus.NotMet => "s-notmet",
        _ => "s-unknown",
    };
}
