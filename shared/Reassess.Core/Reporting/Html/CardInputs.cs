using Reassess.Core.Decisions;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>What the card's verdict rests on: the usage window, the prices by role, and every default the engine applied.</summary>
internal static class CardInputs
{
    public static void Write(HtmlWriter html, Assessment a)
    {
        html.Line("<h4>Inputs</h4>");
        html.Line($"<p>Usage window {E(ReportText.WindowText(a.Inputs.Window))}" +
                  (a.Inputs.Window.Sources is { Count: > 0 } sources ? $"; sources {E(string.Join(", ", sources))}" : "") +
                  ".</p>");
        Prices(html, a.Inputs.Prices);
        html.Line("<h4>Assumed</h4>");
        // Distinct: two alternatives on one model (a switch and a partial route) record the same default twice.
        html.List((a.Inputs.Defaults ?? []).Select(ReportText.Assumed).Distinct(StringComparer.Ordinal).ToList(),
            "None recorded with this assessment.");
    }

    private static void Prices(HtmlWriter html, IReadOnlyList<PriceInput>? prices)
    {
        if (prices is not { Count: > 0 })
        {
            html.Line("<p class=\"none\">No prices recorded.</p>");
            return;
        }

        html.OpenTable("inputs", "Role", "Price key", "Effective from", "Source");
        foreach (var p in prices)
        {
            html.Line($"<tr><td>{E(p.Role)}</td><td>{E(p.Key)}</td>" +
                      $"<td>{E(ReportFormat.EffectiveFrom(p.EffectiveFrom))}</td><td>{E(p.Source)}</td></tr>");
        }

        html.CloseTable();
    }
}
