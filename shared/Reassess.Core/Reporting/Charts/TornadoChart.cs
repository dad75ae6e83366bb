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

    /// <summary>
    /// Rows and margins. <see cref="LabelPad"/> is the label column beyond its widest label (8 to the bars, 4 to the
    /// edge); at most <see cref="MaxLabelColumn"/>, which holds a 25-character driver name at the pessimistic width.
    /// </summary>
    private const double Legend = 42, Axis = 24, Right = 16, LabelPad = 12, MinLabelColumn = 70, MaxLabelColumn = 200;

    /// <summary>A legend's colour swatch with the gap to its text, and the gap after the text.</summary>
    private const double Swatch = 14, LegendGap = 10;

    public double Height => Legend + Math.Max(1, Bars.Count) * (BarHeight + Gap) + Axis;

    /// <summary>The bars widest swing first (ties by label), as drawn.</summary>
    public IReadOnlyList<TornadoBar> Ordered() =>
        Bars.OrderByDescending(b => Math.Abs(b.WhenHigher - b.WhenLower)).ThenBy(b => b.Label, StringComparer.Ordinal).ToList();

    public string Render()
    {
        var svg = new Svg(Text, Width, Height, "tornado-chart");
        var bars = Ordered();
        var names = bars.Select(b => LabelMetrics.Fit(b.Label, MaxLabelColumn - LabelPad)).ToList();
        var labelWidth = Math.Clamp(names.Select(n => LabelMetrics.Width(n)).DefaultIfEmpty(0).Max() + LabelPad, MinLabelColumn, MaxLabelColumn);
        var values = bars.SelectMany(b => new[] { b.WhenLower, b.WhenHigher }).Append(Base);
        var nice = LinearScale.Nice(values, labelWidth, Width - Right, maxTicks: 5, includeZero: false);
        var ticks = nice.Ticks.Select(t => (Value: t, Label: Format(t, nice.Step))).ToList();
        var x = TickLabels.Within(nice, ticks[0].Label, ticks[^1].Label, Svg.EdgeGap, Width - Svg.EdgeGap);
        var axisY = Height - Axis;

        foreach (var (tick, label) in ticks)
        {
            var px = x.Map(tick);
            svg.Line(px, Legend - 2, px, axisY, tick == 0 ? "zero" : "grid");
            svg.Text(px, axisY + 15, label, "tick", TextAnchor.Middle);
        }

        svg.Line(x.RangeStart, axisY, x.RangeEnd, axisY, "axis");

        // Legend: the two colours, each with half the row for its text.
        var half = (Width - Svg.EdgeGap - labelWidth) / 2;
        var lower = LabelMetrics.Fit(LowerLegend, half - Swatch - LegendGap);
        svg.Rect(labelWidth, 6, 10, 10, "tornado-low");
        svg.Text(labelWidth + Swatch, 15, lower, "legend");
        var second = labelWidth + Swatch + LabelMetrics.Width(lower) + LegendGap;
        svg.Rect(second, 6, 10, 10, "tornado-high");
        svg.Text(second + Swatch, 15, LabelMetrics.Fit(HigherLegend, half - Swatch), "legend");

        var basePx = x.Map(Base);
        if (bars.Count == 0)
        {
            svg.Text((x.RangeStart + x.RangeEnd) / 2, Legend + (BarHeight + Gap) / 2 + 4, "No data", "empty", TextAnchor.Middle);
            return svg.ToString();
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = Legend + i * (BarHeight + Gap) + Gap / 2;
            svg.Text(labelWidth - 8, top + BarHeight / 2 + 4, names[i], "bar-label", TextAnchor.End);
            Half(svg, x, basePx, bar.WhenLower, top, "tornado-low");
            Half(svg, x, basePx, bar.WhenHigher, top, "tornado-high");
        }

        // Today's value beside the base line, on the side with more room.
        svg.Line(basePx, Legend - 4, basePx, axisY, "base");
        var onRight = basePx > (labelWidth + Width) / 2;
        svg.Text(onRight ? basePx - 4 : basePx + 4, Legend - 8, $"{BaseLabel} {Format(Base, x.Step / 100)}", "marker-label",
            onRight ? TextAnchor.End : TextAnchor.Start);
        return svg.ToString();
    }

    private void Half(Svg svg, LinearScale x, double basePx, double value, double top, string css)
    {
        if (!double.IsFinite(value)) return;
        var end = x.Map(value);
        svg.Rect(Math.Min(basePx, end), top, Math.Max(1, Math.Abs(end - basePx)), BarHeight, css);
    }
}
