using System.Globalization;
using System.Xml.Linq;
using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Tests.Reporting.Charts;

/// <summary>A rendered chart read back as XML, and where its labels reach by <see cref="LabelMetrics"/>' estimate.</summary>
internal static class ChartSvg
{
    public static ChartText Text(string id = "c1") => new(id, "A chart", "What it shows, in words.");

    public static XElement Parse(string svg) => XElement.Parse(svg);

    public static IEnumerable<XElement> All(XElement svg, string name) => svg.Descendants(name);

    public static IEnumerable<XElement> WithClass(XElement svg, string css) =>
        svg.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(css));

    public static double Num(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    /// <summary>The viewBox' width and height.</summary>
    public static (double Width, double Height) View(XElement svg)
    {
        var box = ((string)svg.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        return (box[2], box[3]);
    }

    /// <summary>Every <c>&lt;text&gt;</c> with the box it takes: its width estimated, placed by its anchor, from ascent to descent.</summary>
    public static IReadOnlyList<Label> Labels(XElement svg) => All(svg, "text").Select(t =>
    {
        var width = LabelMetrics.Width(t.Value);
        var x = Num(t, "x");
        var y = Num(t, "y");
        var left = (string?)t.Attribute("text-anchor") switch
        {
            "middle" => x - width / 2,
            "end" => x - width,
            _ => x,
        };
        return new Label(t.Value, (string)t.Attribute("class")!, x, left, left + width, y - LabelMetrics.Ascent(), y + LabelMetrics.Descent());
    }).ToList();
}

/// <summary>A label's text, class, anchor point and estimated box.</summary>
internal sealed record Label(string Text, string Class, double X, double Left, double Right, double Top, double Bottom);
