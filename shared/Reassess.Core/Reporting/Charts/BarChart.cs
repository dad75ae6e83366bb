namespace Reassess.Core.Reporting.Charts;

/// <summary>One bar: a label and a value (negative values extend left of zero); <see cref="CssClass"/> picks its colour.</summary>
public sealed record Bar(string Label, double Value)
{
    public string? CssClass { get; init; }
}

/// <summary>
/// Horizontal bars from a zero line, in the order given, each labelled on the left and with its value at its end;
/// negative values extend to the left. The axis below has nice ticks and always includes zero.
/// </summary>
public sealed record BarChart
{
    public required ChartText Text { get; init; }
    public IReadOnlyList<Bar> Bars { get; init; } = [];
    public Func<double, double, string> Format { get; init; } = AxisFormat.Plain;
    public double Width { get; init; } = 640;
    public double BarHeight { get; init; } = 18;
    public double Gap { get; init; } = 8;

    private const double Top = 6, Axis = 24, ValueRoom = 58, LabelChar = 6.4;
    private const int MaxLabel = 40;

    public double Height => Top + Math.Max(1, Bars.Count) * (BarHeight + Gap) + Axis;

    public string Render()
    {
        var svg = new Svg(Text, Width, Height, "bar-chart");
        var labelWidth = Math.Clamp(Bars.Select(b => Svg.Cut(b.Label, MaxLabel).Length).DefaultIfEmpty(0).Max() * LabelChar + 10, 70, 270);
        var values = Bars.Select(b => b.Value).Where(double.IsFinite).ToList();
        var negative = values.Any(v => v < 0);
        var positive = values.Any(v => v > 0) || !negative;
        var x = LinearScale.Nice(values, labelWidth + (negative ? ValueRoom : 8), Width - (positive ? ValueRoom : 8), maxTicks: 6, includeZero: true);
        var axisY = Height - Axis;

        foreach (var tick in x.Ticks)
        {
            var px = x.Map(tick);
            svg.Line(px, Top, px, axisY, tick == 0 ? "zero" : "grid");
            svg.Text(px, axisY + 15, Format(tick, x.Step), "tick", "middle");
        }

        svg.Line(x.RangeStart, axisY, x.RangeEnd, axisY, "axis");
        if (Bars.Count == 0)
        {
            svg.Text((x.RangeStart + x.RangeEnd) / 2, Top + (BarHeight + Gap) / 2 + 4, "No data", "empty", "middle");
            return svg.ToString();
        }

        var zero = x.Map(0);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var top = Top + i * (BarHeight + Gap) + Gap / 2;
            var middle = top + BarHeight / 2 + 4;
            svg.Text(labelWidth - 4, middle, Svg.Cut(bar.Label, MaxLabel), "bar-label", "end");
            if (!double.IsFinite(bar.Value)) continue;
            var end = x.Map(bar.Value);
            var css = "bar " + (bar.CssClass ?? (bar.Value < 0 ? "neg" : "pos"));
            // A zero value still shows a hairline, so every row visibly has its bar.
            var width = Math.Max(1, Math.Abs(end - zero));
            svg.Rect(bar.Value < 0 ? end : zero, top, width, BarHeight, css);
            var valueText = Format(bar.Value, x.Step / 100);
            svg.Text(bar.Value < 0 ? end - 4 : zero + width + 4, middle, valueText, "bar-value", bar.Value < 0 ? "end" : "start");
        }

        return svg.ToString();
    }
}
