using System.Globalization;
using System.Net;
using System.Text;

namespace Reassess.Core.Reporting.Charts;

/// <summary>
/// Writes one inline SVG chart: coordinates in invariant culture with at most two decimals, text HTML-encoded, and the
/// text alternative every chart carries (<c>role="img"</c>, <c>aria-label</c>, <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>).
/// Output depends only on the input, so a report renders byte-identical.
/// </summary>
internal sealed class Svg
{
    /// <summary>The least room between a label and the chart's left or right edge.</summary>
    public const double EdgeGap = 2;

    private readonly StringBuilder _text = new();
    private readonly double _width;

    /// <summary>
    /// Opens the root element: a fixed viewBox that scales down with the page (CSS <c>svg.chart</c>). Inline SVG in HTML
    /// needs no namespace declaration, so the report holds no URL at all.
    /// </summary>
    public Svg(ChartText text, double width, double height, string cssClass)
    {
        ArgumentNullException.ThrowIfNull(text);
        _width = width;
        var id = E(text.Id);
        _text.Append("<svg class=\"chart ").Append(E(cssClass)).Append('"')
            .Append(" id=\"").Append(id).Append('"')
            .Append(" role=\"img\" aria-label=\"").Append(E(text.Title)).Append('"')
            .Append(" aria-describedby=\"").Append(id).Append("-desc\"")
            .Append(" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append('"')
            .Append(" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\">")
            .Append("<title>").Append(E(text.Title)).Append("</title>")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(E(text.Description)).Append("</desc>");
    }

    public Svg Line(double x1, double y1, double x2, double y2, string cssClass) =>
        Raw($"<line class=\"{E(cssClass)}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");

    public Svg Rect(double x, double y, double width, double height, string cssClass) =>
        Raw($"<rect class=\"{E(cssClass)}\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\"/>");

    public Svg Circle(double cx, double cy, double r, string cssClass) =>
        Raw($"<circle class=\"{E(cssClass)}\" cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\"/>");

    /// <summary>A polyline path through the points; nothing for fewer than two.</summary>
    public Svg Path(IReadOnlyList<(double X, double Y)> points, string cssClass)
    {
        if (points.Count < 2) return this;
        var d = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
            d.Append(i == 0 ? "M" : " L").Append(N(points[i].X)).Append(' ').Append(N(points[i].Y));
        return Raw($"<path class=\"{E(cssClass)}\" d=\"{d}\"/>");
    }

    /// <summary>
    /// A label whose <paramref name="anchor"/> point is at (<paramref name="x"/>, <paramref name="y"/>). The charts reserve
    /// room for their labels; this is the backstop for the rest (a long marker, legend or title): a label that would
    /// still cross the left or right edge by <see cref="LabelMetrics"/>' estimate is moved inward, and one wider than
    /// the chart is cut, so no label is ever drawn outside the chart.
    /// </summary>
    public Svg Text(double x, double y, string text, string cssClass, TextAnchor anchor = TextAnchor.Start)
    {
        text = LabelMetrics.Fit(text, _width - 2 * EdgeGap);
        var width = LabelMetrics.Width(text);
        var before = width * Before(anchor);
        var left = Math.Clamp(x - before, EdgeGap, Math.Max(EdgeGap, _width - EdgeGap - width));
        return Raw($"<text class=\"{E(cssClass)}\" x=\"{N(left + before)}\" y=\"{N(y)}\" text-anchor=\"{anchor.ToString().ToLowerInvariant()}\">{E(text)}</text>");
    }

    public Svg Raw(string svg)
    {
        _text.Append(svg);
        return this;
    }

    public override string ToString() => _text + "</svg>";

    /// <summary>A coordinate: invariant, at most two decimals, no <c>-0</c>.</summary>
    public static string N(double value)
    {
        if (!double.IsFinite(value)) value = 0;
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>The share of a label's width that lies before (left of) its anchor point.</summary>
    private static double Before(TextAnchor anchor) => anchor switch
    {
        TextAnchor.Start => 0,
        TextAnchor.Middle => 0.5,
        TextAnchor.End => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(anchor), anchor, null),
    };
}

/// <summary>
/// What a chart says to a reader who cannot see it: a unique <paramref name="Id"/> (letters, digits, <c>-</c>), a short
/// <paramref name="Title"/> (its accessible name) and a <paramref name="Description"/> with the figures in words.
/// </summary>
public sealed record ChartText(string Id, string Title, string Description);
