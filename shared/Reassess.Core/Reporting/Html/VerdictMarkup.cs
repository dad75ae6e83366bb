using Reassess.Core.Decisions;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>How a verdict looks wherever it appears: its badge, the class that colours badges, cards and bars, and its counts.</summary>
internal static class VerdictMarkup
{
    public static string Badge(Verdict verdict) =>
        $"<span class=\"badge {CssClass(verdict)}\">{E(ReportText.VerdictName(verdict))}</span>";

    public static string CssClass(Verdict verdict) => verdict switch
    {
        Verdict.FineTune => "v-finetune",
        Verdict.PrepareFineTune => "v-prepare",
        Verdict.Route => "v-route",
        _ => "v-stay",
    };

    /// <summary>
    /// The name with a break opportunity between its words (<c>Prepare&lt;wbr&gt;Fine&lt;wbr&gt;Tune</c>), so a narrow
    /// column header wraps there instead of overflowing in print.
    /// </summary>
    public static string BreakableName(Verdict verdict) =>
        System.Text.RegularExpressions.Regex.Replace(E(ReportText.VerdictName(verdict)), "(?<=[a-z])(?=[A-Z])", "<wbr>");

    /// <summary>Each verdict's badge and count, kept together on one line.</summary>
    public static string Counts(ReportTotals t) => string.Join(" ",
        ReportTotals.VerdictOrder.Select(v => $"<span class=\"vcount\">{Badge(v)}&nbsp;{E(ReportFormat.Count(t.CountOf(v)))}</span>"));
}
