namespace Reassess.Core.Reporting.Charts;

/// <summary>
/// Maps a numeric domain onto a pixel range, with the domain widened to "nice" round bounds and ticks at a round step
/// (1, 2, 2.5 or 5 times a power of ten), so axes read 0, 5k, 10k… rather than 0, 4,137, 8,274….
/// An empty or one-value domain still gives a usable scale; non-finite values are ignored.
/// </summary>
public sealed class LinearScale
{
    private LinearScale(double min, double max, double step, double rangeStart, double rangeEnd)
    {
        Min = min;
        Max = max;
        Step = step;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
        var ticks = new List<double>();
        var count = (int)Math.Round((max - min) / step);
        for (var i = 0; i <= count; i++) ticks.Add(Clean(min + i * step, step));
        Ticks = ticks;
    }

    /// <summary>The (nice) lower bound of the domain.</summary>
    public double Min { get; }

    /// <summary>The (nice) upper bound of the domain.</summary>
    public double Max { get; }

    /// <summary>Distance between ticks.</summary>
    public double Step { get; }

    public double RangeStart { get; }
    public double RangeEnd { get; }

    /// <summary>Tick values from <see cref="Min"/> to <see cref="Max"/> inclusive, every <see cref="Step"/>.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>
    /// A scale covering every finite value given (and zero when <paramref name="includeZero"/>), widened to nice bounds
    /// with at most about <paramref name="maxTicks"/> ticks.
    /// </summary>
    public static LinearScale Nice(IEnumerable<double> values, double rangeStart, double rangeEnd, int maxTicks = 5, bool includeZero = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        if (includeZero)
        {
            lo = Math.Min(lo, 0);
            hi = Math.Max(hi, 0);
        }

        if (!double.IsFinite(lo)) (lo, hi) = (0, 1); // nothing to show: a unit axis
        if (lo == hi)
        {
            // One value: centre it in a span of its own size (or 0…1 around zero).
            var half = lo == 0 ? 1 : Math.Abs(lo) / 2;
            (lo, hi) = includeZero && lo > 0 ? (0, hi + half) : includeZero && lo < 0 ? (lo - half, 0) : (lo - half, hi + half);
        }

        // Widen the step until the bounds fit in maxTicks ticks. Values either side of zero (or of any multiple of every
        // step tried) may never fit, so once the step passes the values' size the fewest intervals found are kept.
        var span = hi - lo;
        var step = NiceNumber(span / (maxTicks - 1), round: true);
        (double Min, double Max, double Step, double Intervals)? best = null;
        for (var guard = 0; guard < 64; guard++)
        {
            var min = Math.Floor(lo / step) * step;
            var max = Math.Ceiling(hi / step) * step;
            var intervals = Math.Round((max - min) / step);
            if (best is null || intervals < best.Value.Intervals) best = (min, max, step, intervals);
            if (intervals <= maxTicks - 1 || step > Math.Max(span, Math.Max(Math.Abs(lo), Math.Abs(hi))) * 2) break;
            step = NiceNumber(step * 1.5, round: false);
        }

        var (niceMin, niceMax, niceStep, _) = best!.Value;
        return new LinearScale(Clean(niceMin, niceStep), Clean(niceMax, niceStep), niceStep, rangeStart, rangeEnd);
    }

    /// <summary>A scale over exactly [<paramref name="min"/>, <paramref name="max"/>] (no widening) with no ticks but the ends.</summary>
    public static LinearScale Exact(double min, double max, double rangeStart, double rangeEnd)
    {
        if (!(max > min)) (min, max) = (min - 0.5, min + 0.5);
        return new LinearScale(min, max, max - min, rangeStart, rangeEnd);
    }

    /// <summary>The same domain and ticks over another pixel range, e.g. one narrowed to make room for labels.</summary>
    public LinearScale WithRange(double rangeStart, double rangeEnd) => new(Min, Max, Step, rangeStart, rangeEnd);

    /// <summary>The position of <paramref name="value"/> in the range (values outside the domain map outside the range).</summary>
    public double Map(double value) =>
        RangeStart + (value - Min) / (Max - Min) * (RangeEnd - RangeStart);

    /// <summary>The position of <paramref name="value"/>, held within the range.</summary>
    public double MapClamped(double value) => Map(Math.Clamp(value, Min, Max));

    /// <summary>True when <paramref name="value"/> lies in the domain (with a hair of tolerance for rounding).</summary>
    public bool Contains(double value) => value >= Min - (Max - Min) * 1e-9 && value <= Max + (Max - Min) * 1e-9;

    /// <summary>
    /// The "nice number" of Heckbert's Graphics Gems algorithm: 1, 2, 2.5 or 5 (or 10) times a power of ten, the
    /// nearest to <paramref name="x"/> when rounding, else the smallest not below it.
    /// </summary>
    public static double NiceNumber(double x, bool round)
    {
        if (!(x > 0) || !double.IsFinite(x)) return 1;
        var exponent = Math.Floor(Math.Log10(x));
        var power = Math.Pow(10, exponent);
        var fraction = x / power;
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>Removes floating-point dust (0.30000000000000004 → 0.3) relative to the step.</summary>
    private static double Clean(double value, double step)
    {
        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        var cleaned = Math.Round(value, decimals);
        return cleaned == 0 ? 0 : cleaned; // no -0
    }
}
