using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>What the two portfolio tables ("Fine-tune next" and "Switch or route") share.</summary>
internal static class PortfolioTable
{
    /// <summary>Rows of each portfolio table and bars of the ranking chart; a large week counts the rest instead.</summary>
    public const int MaxRows = 12;

    /// <summary>The row header: the workload's name, linking to its card, so the table is the way into the cards.</summary>
    public static string WorkloadCell(ReportEntry entry, string after = "") =>
        $"<th scope=\"row\"><a href=\"#{E(entry.Anchor)}\">{E(ReportText.WorkloadLabel(entry.Assessment))}</a>{after}</th>";

    /// <summary>Says how many rows were left out, so a short table is not mistaken for the whole portfolio.</summary>
    public static void More(HtmlWriter html, int more)
    {
        if (more > 0) html.Line($"<p class=\"muted\">… and {E(ReportText.WorkloadCount(more))} more, ranked lower.</p>");
    }
}
