namespace Reassess.Core.Reporting.Charts;

/// <summary>One driver of a tornado chart: the outcome when the driver is lower, and when it is higher, than today.</summary>
public sealed record TornadoBar(string Label, double WhenLower, double WhenHigher);

/// <summary>
/// A sensitivity (tornado) chart: for each driver, two bars from today's outcome (<see cref="Base"/>) to the outcome
/// with the driver lower and higher, widest swing on top. Outcomes may be negative; the axis has nice ticks.
/// </summary>
public sealed record TornadoChart
{
    public required ChartText Text { get; init; }
    public double Base { get; init; }
    public string BaseLabel { get; init; } = "now";
    public IReadOnlyList<TornadoBar> Bars { get; init; } = [];
    public string LowerLegend { get; init; } = "driver lower";
    public string HigherLegend { get; init; } = "driver higher";
    public Func<double, double, string> Format { get; init; } = AxisFormat.Plain;
    public double Width { get; init; } = 520;
    public double BarHeight { get; init; } = 16;
    public double Gap { get; init; } = 8;

    private const double Legend = 42, Axis = 24, LabelChar = 6.4, Right = 16;
    private const int MaxLabel = 26;

    public double Height => Legend + Math.Max(1, Bars.Count) * (BarHeight + Gap) + Axis;

    /// <summary>The bars widest swing first (ties by label), as drawn.</summary>
    public IReadOnlyList<TornadoBar> Ordered() =>
        Bars.OrderByDescending(b => Math.Abs(b.WhenHigher - b.WhenLower)).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();

    public string Render()
    {
        var svg = new Svg(Text, Width, Height, "tornado-chart");
        var bars = Ordered();
        var labelWidth = Math.Clamp(bars.Select(b => Svg.Cut(b.Label, MaxLabel).Length).DefaultIfEmpty(0).Max() * LabelChar + 12, 70, 190);
        var values = bars.SelectMany(b => new[] { b.WhenLower, b.WhenHigher }).Append(Base);
        var x = LinearScale.Nice(values, labelWidth, Width - Right, maxTicks: 5, includeZero: false);
        var axisY = Height - Axis;

        foreach (var tick in x.Ticks)
        {
            var px = x.Map(tick);
            svg.Line(px, Legend - 2, px, axisY, tick == 0 ? "zero" : "grid");
            svg.Text(px, axisY + 15, Format(tick, x.Step), "tick", "middle");
        }

        svg.Line(labelWidth, axisY, Width - Right, axisY, "axis");

        // Legend: the two colours, and today's value.
        svg.Rect(labelWidth, 6, 10, 10, "tornado-low");
        svg.Text(labelWidth + 14, 15, LowerLegend, "legend");
        var second = labelWidth + 24 + LowerLegend.Length * 6.2;
        svg.Rect(second, 6, 10, 10, "tornado-high");
        svg.Text(second + 14, 15, HigherLegend, "legend");

        var basePx = x.Map(Base);
        if (bars.Count == 0)
        {
            svg.Text((labelWidth + Width - Right) / 2, Legend + (BarHeight + Gap) / 2 + 4, "No data", "empty", "middle");
            return svg.ToString();
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = Legend + i * (BarHeight + Gap) + Gap / 2;
            svg.Text(labelWidth - 8, top + BarHeight / 2 + 4, Svg.Cut(bar.Label, MaxLabel), "bar-label", "end");
            Half(svg, x, basePx, bar.WhenLower, top, "tornado-low");
            Half(svg, x, basePx, bar.WhenHigher, top, "tornado-high");
        }

        svg.Line(basePx, Legend - 4, basePx, axisY, "base");
        var onRight = basePx > (labelWidth + Width) / 2;
        svg.Text(onRight ? basePx - 4 : basePx + 4, Legend - 8, $"{BaseLabel} {Format(Base, x.Step / 100)}", "marker-label", onRight ? "end" : "start");
        return svg.ToString();
    }

    private void Half(Svg svg, LinearScale x, double basePx, double value, double top, string css)
    {
        if (!double.IsFinite(value)) return;
        var end = x.Map(value);
        svg.Rect(Math.Min(basePx, end), top, Math.Max(1, Math.Abs(end - basePx)), BarHeight, css);
    }
}
