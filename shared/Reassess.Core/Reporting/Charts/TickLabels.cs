namespace Reassess.Core.Reporting.Charts;

/// <summary>Room for the labels centred under a horizontal axis' ticks.</summary>
internal static class TickLabels
{
    /// <summary>
    /// <paramref name="x"/> with its range narrowed just enough that a label centred on its start
    /// (<paramref name="atStart"/>) or its end (<paramref name="atEnd"/>) stays within [<paramref name="left"/>,
    /// <paramref name="right"/>]; null where no label sits. Narrowing rather than shifting the end labels keeps every
    /// label under its tick.
    /// </summary>
    public static LinearScale Within(LinearScale x, string? atStart, string? atEnd, double left, double right)
    {
        var start = atStart is null ? x.RangeStart : Math.Max(x.RangeStart, left + LabelMetrics.Width(atStart) / 2);
        var end = atEnd is null ? x.RangeEnd : Math.Min(x.RangeEnd, right - LabelMetrics.Width(atEnd) / 2);
        // Labels too wide for any plot: keep the plot, and let the drawing move the end labels inward.
        return end > start ? x.WithRange(start, end) : x;
    }
}
