namespace Reassess.Core.Reporting.Charts;

/// <summary>
/// A word-sized line without axes: the shape of a series over time, its last value marked. The scale runs from the
/// lowest to the highest value (a flat series sits in the middle); nulls break the line; with no values a dashed
/// line says there is no history yet.
/// </summary>
public sealed record Sparkline
{
    public required ChartText Text { get; init; }
    public IReadOnlyList<double?> Values { get; init; } = [];
    public double Width { get; init; } = 160;
    public double Height { get; init; } = 36;

    private const double Pad = 4;

    public string Render()
    {
        var svg = new Svg(Text, Width, Height, "sparkline");
        var known = Values.Where(v => v is { } d && double.IsFinite(d)).Select(v => v!.Value).ToList();
        if (known.Count == 0)
        {
            svg.Line(Pad, Height / 2, Width - Pad, Height / 2, "spark-empty");
            return svg.ToString();
        }

        var (lo, hi) = (known.Min(), known.Max());
        var y = lo == hi ? LinearScale.Exact(lo - 1, lo + 1, Height - Pad, Pad) : LinearScale.Exact(lo, hi, Height - Pad, Pad);
        var x = LinearScale.Exact(0, Math.Max(1, Values.Count - 1), Pad, Width - Pad);
        if (Values.Count == 1) x = LinearScale.Exact(-1, 1, Pad, Width - Pad);

        var run = new List<(double, double)>();
        void Flush()
        {
            if (run.Count == 1) svg.Circle(run[0].Item1, run[0].Item2, 2, "spark-dot");
            else svg.Path(run, "spark-line");
            run = [];
        }

        (double X, double Y)? last = null;
        for (var i = 0; i < Values.Count; i++)
        {
            if (Values[i] is { } v && double.IsFinite(v))
            {
                var point = (x.Map(i), y.Map(v));
                run.Add(point);
                last = point;
            }
            else if (run.Count > 0)
            {
                Flush();
            }
        }

        if (run.Count > 0) Flush();
        if (last is { } end) svg.Circle(end.X, end.Y, 2.5, "spark-last");
        return svg.ToString();
    }
}
