namespace Reassess.Core.Reporting.Charts;

/// <summary>A point of a line; a null <see cref="Y"/> is a gap (the line breaks there).</summary>
public readonly record struct ChartPoint(double X, double? Y);

/// <summary>One line of a <see cref="LineChart"/>; <see cref="CssClass"/> picks its colour (<c>series-1</c>…<c>series-6</c>).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<ChartPoint> Points)
{
    public string CssClass { get; init; } = "series-1";
}

/// <summary>A horizontal line across the plot at <see cref="Y"/>, e.g. the payback limit.</summary>
public sealed record ReferenceLine(double Y, string Label);

/// <summary>One highlighted point, e.g. "now"; a <see cref="Y"/> beyond the axis (even infinite) sits on its edge.</summary>
public sealed record ChartMarker(double X, double Y, string Label);

/// <summary>
/// A line chart with nice axes and grid lines: one or more series over a numeric x axis (or over categories such as
/// ISO weeks, given as <see cref="XLabels"/> with x = 0, 1, 2…), an optional reference line and marker. Values beyond
/// <see cref="YMax"/> run off the top of the plot (clipped); nulls break the line; a lone point is drawn as a dot;
/// with no points at all the axes are drawn with "No data".
/// </summary>
public sealed record LineChart
{
    public required ChartText Text { get; init; }
    public double Width { get; init; } = 520;
    public double Height { get; init; } = 220;
    public IReadOnlyList<LineSeries> Series { get; init; } = [];

    /// <summary>Tick label of a value given the tick step.</summary>
    public Func<double, double, string> XFormat { get; init; } = AxisFormat.Plain;

    public Func<double, double, string> YFormat { get; init; } = AxisFormat.Plain;

    /// <summary>Category labels: x values are their indices, and the labels (thinned to fit) replace numeric ticks.</summary>
    public IReadOnlyList<string>? XLabels { get; init; }

    public string? XTitle { get; init; }

    /// <summary>The y axis' unit, written above it (e.g. <c>months</c>).</summary>
    public string? YTitle { get; init; }
    public bool XFromZero { get; init; } = true;
    public bool YFromZero { get; init; } = true;

    /// <summary>The top of the y axis at most (values above it leave the plot); null to fit every value.</summary>
    public double? YMax { get; init; }

    public ReferenceLine? Reference { get; init; }
    public ChartMarker? Marker { get; init; }

    /// <summary>What the plot says when no series has a point.</summary>
    public string EmptyText { get; init; } = "No data";

    /// <summary>
    /// Margins and rows. <see cref="MinLeft"/> is the plot's left edge unless a y label needs more; y labels end
    /// <see cref="TickGap"/> left of the plot; category labels sit <see cref="CategoryInset"/> inside it and keep
    /// <see cref="CategoryGap"/> from each other; a legend entry is its line and gap (<see cref="LegendKey"/>), its
    /// name and <see cref="LegendGap"/>.
    /// </summary>
    private const double MinLeft = 56, Right = 14, Top = 12, Bottom = 26, LegendRow = 18, TitleRow = 14,
        TickGap = 6, CategoryInset = 10, CategoryGap = 12, LegendKey = 18, LegendGap = 8;

    public string Render()
    {
        var points = Series.SelectMany(s => s.Points).Where(p => p.Y is { } y && double.IsFinite(y) && double.IsFinite(p.X)).ToList();
        var legend = Series.Count > 1;
        var top = Top + (legend ? LegendRow : 0) + (YTitle is null ? 0 : TitleRow);
        var bottom = Height - Bottom - (XTitle is null ? 0 : TitleRow);
        var svg = new Svg(Text, Width, Height, "line-chart");

        var ys = points.Select(p => p.Y!.Value).Where(v => YMax is not { } max || v <= max).ToList();
        if (Reference is not null) ys.Add(Reference.Y);
        if (Marker is not null && (YMax is not { } mmax || Marker.Y <= mmax)) ys.Add(Marker.Y);
        if (YMax is { } cap && points.Any(p => p.Y > cap)) ys.Add(cap);
        var y = LinearScale.Nice(ys, bottom, top, maxTicks: 5, includeZero: YFromZero);
        var yTicks = y.Ticks.Select(t => (Value: t, Label: YFormat(t, y.Step))).ToList();

        // The plot starts right of the widest y label, and ends where the last x label still fits.
        var left = Math.Max(MinLeft, yTicks.Max(t => LabelMetrics.Width(t.Label)) + TickGap + Svg.EdgeGap);
        var xs = points.Select(p => p.X).ToList();
        if (Marker is not null) xs.Add(Marker.X);
        var (x, xTicks, right) = XAxis(xs, left);

        // Grid and y ticks.
        foreach (var (tick, label) in yTicks)
        {
            var py = y.Map(tick);
            svg.Line(left, py, right, py, tick == 0 && y.Min < 0 ? "zero" : "grid");
            svg.Text(left - TickGap, py + 4, label, "tick", TextAnchor.End);
        }

        // X axis and ticks (categories are labelled without tick marks).
        svg.Line(left, bottom, right, bottom, "axis");
        foreach (var (tick, label) in xTicks)
        {
            var px = x.Map(tick);
            if (XLabels is not { Count: > 0 }) svg.Line(px, bottom, px, bottom + 4, "axis");
            svg.Text(px, bottom + 15, label, "tick", TextAnchor.Middle);
        }

        if (XTitle is not null) svg.Text((left + right) / 2, Height - 4, XTitle, "axis-title", TextAnchor.Middle);
        if (YTitle is not null) svg.Text(4, top - 8, YTitle, "axis-title");

        if (points.Count == 0)
        {
            svg.Text((left + right) / 2, (top + bottom) / 2, LabelMetrics.Fit(EmptyText, right - left), "empty", TextAnchor.Middle);
            return svg.ToString();
        }

        if (Reference is { } reference && y.Contains(reference.Y))
        {
            var py = y.Map(reference.Y);
            svg.Line(left, py, right, py, "ref");
            svg.Text(right - 2, py - 4, reference.Label, "ref-label", TextAnchor.End);
        }

        // Values above YMax leave through the top edge: each line is cut where it crosses it.
        foreach (var series in Series)
        {
            foreach (var run in Runs(series.Points))
            {
                foreach (var piece in Clip(run, YMax))
                {
                    var mapped = piece.Select(p => (x.Map(p.X), y.Map(p.Y!.Value))).ToList();
                    if (mapped.Count == 1) svg.Circle(mapped[0].Item1, mapped[0].Item2, 3, "dot " + series.CssClass);
                    else svg.Path(mapped, "line " + series.CssClass);
                }
            }
        }

        if (Marker is { } marker)
        {
            var px = x.Map(marker.X);
            var py = y.MapClamped(marker.Y);
            svg.Circle(px, py, 4.5, "marker");
            var onRight = px > (left + right) / 2;
            svg.Text(onRight ? px - 8 : px + 8, Math.Max(top + 10, py - 8), marker.Label, "marker-label", onRight ? TextAnchor.End : TextAnchor.Start);
        }

        if (legend)
        {
            // Every series keeps its entry: when the names would not all fit in the row, they share it equally.
            var share = (Width - Svg.EdgeGap - left) / Series.Count - LegendKey - LegendGap;
            var lx = left;
            foreach (var series in Series)
            {
                svg.Line(lx, Top + 5, lx + 14, Top + 5, "line " + series.CssClass);
                var name = LabelMetrics.Fit(series.Name, share);
                svg.Text(lx + LegendKey, Top + 9, name, "legend");
                lx += LegendKey + LabelMetrics.Width(name) + LegendGap;
            }
        }

        return svg.ToString();
    }

    /// <summary>
    /// The x scale from <paramref name="left"/>, the ticks to label, and the plot's right edge. Numeric ticks sit at
    /// the ends of the plot, so it ends where the last label still fits; category labels are thinned so that
    /// neighbours never touch, always keeping the latest.
    /// </summary>
    private (LinearScale X, List<(double Value, string Label)> Ticks, double Right) XAxis(List<double> xs, double left)
    {
        if (XLabels is { Count: > 0 } labels)
        {
            var plotRight = Width - Right;
            var exact = LinearScale.Exact(0, Math.Max(1, labels.Count - 1), left + CategoryInset, plotRight - CategoryInset);
            var x = TickLabels.Within(exact, labels[0], labels[^1], Svg.EdgeGap, Width - Svg.EdgeGap);
            var slot = labels.Max(l => LabelMetrics.Width(l)) + CategoryGap;
            var every = Math.Max(1, (int)Math.Ceiling(slot / (x.Map(1) - x.Map(0))));
            var shown = Enumerable.Range(0, labels.Count).Where(i => (labels.Count - 1 - i) % every == 0);
            return (x, shown.Select(i => ((double)i, labels[i])).ToList(), plotRight);
        }

        var nice = LinearScale.Nice(xs, left, Width - Right, maxTicks: 6, includeZero: XFromZero);
        var ticks = nice.Ticks.Select(t => (t, XFormat(t, nice.Step))).ToList();
        var fitted = TickLabels.Within(nice, ticks[0].Item2, ticks[^1].Item2, Svg.EdgeGap, Width - Svg.EdgeGap);
        return (fitted, ticks, fitted.RangeEnd);
    }

    /// <summary>
    /// The parts of a run at or below <paramref name="cap"/>, each ending (or starting) where the line crosses it, so a
    /// curve leaves the plot through its top edge instead of being drawn over the title. (No SVG clip path: that needs
    /// a <c>url(#…)</c> reference, and the report holds no URL.)
    /// </summary>
    public static IEnumerable<List<ChartPoint>> Clip(List<ChartPoint> run, double? cap)
    {
        if (cap is not { } c)
        {
            yield return run;
            yield break;
        }

        var piece = new List<ChartPoint>();
        for (var i = 0; i < run.Count; i++)
        {
            var p = run[i];
            var inside = p.Y!.Value <= c;
            if (i > 0)
            {
                var q = run[i - 1];
                var wasInside = q.Y!.Value <= c;
                if (wasInside != inside)
                {
                    var t = (c - q.Y.Value) / (p.Y.Value - q.Y.Value);
                    var crossing = new ChartPoint(q.X + t * (p.X - q.X), c);
                    piece.Add(crossing);
                    if (!inside)
                    {
                        yield return piece;
                        piece = [];
                    }
                }
            }

            if (inside) piece.Add(p);
        }

        if (piece.Count > 0) yield return piece;
    }

    /// <summary>Consecutive points with a finite value.</summary>
    private static IEnumerable<List<ChartPoint>> Runs(IReadOnlyList<ChartPoint> points)
    {
        var run = new List<ChartPoint>();
        foreach (var p in points)
        {
            if (p.Y is { } v && double.IsFinite(v) && double.IsFinite(p.X))
            {
                run.Add(p);
                continue;
            }

            if (run.Count > 0) yield return run;
            run = [];
        }

        if (run.Count > 0) yield return run;
    }
}
