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

    /// <summary>
    /// Rows and margins: <see cref="LabelPad"/> is the label column beyond its widest label (4 to the bars, 6 to the
    /// edge), at most <see cref="MaxLabelColumn"/>, which holds a 40-character name of words at the pessimistic
    /// width; <see cref="ValuePad"/> is the room beside a value beyond its width (4 to its bar, 1 for a hairline bar,
    /// and a gap to the label column or the edge).
    /// </summary>
    private const double Top = 6, Axis = 24, LabelPad = 10, MinLabelColumn = 70, MaxLabelColumn = 320, ValuePad = 8;

    public double Height => Top + Math.Max(1, Bars.Count) * (BarHeight + Gap) + Axis;

    public string Render()
    {
        var svg = new Svg(Text, Width, Height, "bar-chart");
        var names = Bars.Select(b => LabelMetrics.Fit(b.Label, MaxLabelColumn - LabelPad)).ToList();
        var labelWidth = Math.Clamp(names.Select(n => LabelMetrics.Width(n)).DefaultIfEmpty(0).Max() + LabelPad, MinLabelColumn, MaxLabelColumn);

        // The ticks and the values' decimals depend on the values alone, so every label is known before the range is:
        // it leaves room for the widest value left of the bars (negative) and right of them (zero or more).
        var nice = LinearScale.Nice(Bars.Select(b => b.Value), labelWidth, Width, maxTicks: 6, includeZero: true);
        var valueTexts = Bars.Select(b => double.IsFinite(b.Value) ? Format(b.Value, nice.Step / 100) : "").ToList();
        double Room(bool negative) => ValuePad + Bars
            .Select((b, i) => double.IsFinite(b.Value) && (b.Value < 0) == negative ? LabelMetrics.Width(valueTexts[i]) : 0)
            .DefaultIfEmpty(0).Max();
        var ticks = nice.Ticks.Select(t => (Value: t, Label: Format(t, nice.Step))).ToList();
        var x = TickLabels.Within(nice.WithRange(labelWidth + Room(negative: true), Width - Svg.EdgeGap - Room(negative: false)),
            ticks[0].Label, ticks[^1].Label, Svg.EdgeGap, Width - Svg.EdgeGap);
        var axisY = Height - Axis;

        foreach (var (tick, label) in ticks)
        {
            var px = x.Map(tick);
            svg.Line(px, Top, px, axisY, tick == 0 ? "zero" : "grid");
            svg.Text(px, axisY + 15, label, "tick", TextAnchor.Middle);
        }

        svg.Line(x.RangeStart, axisY, x.RangeEnd, axisY, "axis");
        if (Bars.Count == 0)
        {
            svg.Text((x.RangeStart + x.RangeEnd) / 2, Top + (BarHeight + Gap) / 2 + 4, "No data", "empty", TextAnchor.Middle);
            return svg.ToString();
        }

        var zero = x.Map(0);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var top = Top + i * (BarHeight + Gap) + Gap / 2;
            var middle = top + BarHeight / 2 + 4;
            svg.Text(labelWidth - 4, middle, names[i], "bar-label", TextAnchor.End);
            if (!double.IsFinite(bar.Value)) continue;
            var end = x.Map(bar.Value);
            var css = "bar " + (bar.CssClass ?? (bar.Value < 0 ? "neg" : "pos"));
            // A zero value still shows a hairline, so every row visibly has its bar.
            var width = Math.Max(1, Math.Abs(end - zero));
            svg.Rect(bar.Value < 0 ? end : zero, top, width, BarHeight, css);
            svg.Text(bar.Value < 0 ? end - 4 : zero + width + 4, middle, valueTexts[i], "bar-value", bar.Value < 0 ? TextAnchor.End : TextAnchor.Start);
        }

        return svg.ToString();
    }
}
