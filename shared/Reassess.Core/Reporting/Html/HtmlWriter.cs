using System.Net;
using System.Text;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// The page as it is written. Lines end in LF whatever the platform, so a week renders the same bytes everywhere.
/// Text from data goes through <see cref="E"/>; every other string handed over is already markup.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _text = new();

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public void Line(string html) => _text.Append(html).Append('\n');

    public void Raw(string html) => _text.Append(html);

    /// <summary>A table up to its body. The headings are markup, so a heading that comes from data is encoded by the caller.</summary>
    public void OpenTable(string cssClass, params string[] headings)
    {
        Line($"<table class=\"{cssClass}\">");
        Line("<thead><tr>" + string.Concat(headings.Select(h => $"<th scope=\"col\">{h}</th>")) + "</tr></thead>");
        Line("<tbody>");
    }

    /// <summary>Closes what <see cref="OpenTable"/> opened, with the row that sums the body as its footer when there is one.</summary>
    public void CloseTable(string? footerRow = null)
    {
        Line("</tbody>");
        if (footerRow is not null)
        {
            Line("<tfoot>");
            Line(footerRow);
            Line("</tfoot>");
        }

        Line("</table>");
    }

    /// <summary>
    /// A bullet list without blank items (an empty bullet reads as a missing reason). With nothing to list,
    /// <paramref name="whenEmpty"/> says so, or nothing is written when it is empty too.
    /// </summary>
    public void List(IReadOnlyList<string>? items, string whenEmpty)
    {
        var present = (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        if (present.Count == 0)
        {
            if (whenEmpty.Length > 0) Line($"<p class=\"none\">{E(whenEmpty)}</p>");
            return;
        }

        Line("<ul>");
        foreach (var item in present) Line($"<li>{E(item)}</li>");
        Line("</ul>");
    }

    /// <summary>A chart with its caption; the SVG carries its own text alternative.</summary>
    public void ChartFigure(string svg, string caption) =>
        Line($"<figure>{svg}<figcaption>{E(caption)}</figcaption></figure>");

    public override string ToString() => _text.ToString();
}
