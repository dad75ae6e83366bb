using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Reporting.Html;

/// <summary>A weekly spend series (a gap where a week has no assessment) turned into chart input and into words.</summary>
internal static class SpendSeries
{
    public static IReadOnlyList<ChartPoint> Points(IReadOnlyList<decimal?> series) =>
        series.Select((v, i) => new ChartPoint(i, (double?)v)).ToList();

    public static IReadOnlyList<double?> Doubles(IReadOnlyList<decimal?> series) => series.Select(v => (double?)v).ToList();

    /// <summary>Week by week; a week no series has stays a gap rather than becoming zero.</summary>
    public static IReadOnlyList<decimal?> Sum(IEnumerable<IReadOnlyList<decimal?>> many, int length)
    {
        var sum = new decimal?[length];
        foreach (var series in many)
            for (var i = 0; i < length && i < series.Count; i++)
                if (series[i] is { } v) sum[i] = (sum[i] ?? 0m) + v;
        return sum;
    }

    /// <summary>Every week's figure, so a screen reader gets what the chart shows.</summary>
    public static string Words(ReportTrends trends, IReadOnlyList<decimal?> series)
    {
        if (ReportTrends.Known(series) == 0) return "No spend recorded in these weeks.";
        var labels = trends.Labels;
        return string.Join(", ", series.Select((v, i) => $"{labels[i]} {(v is { } m ? ReportFormat.Money(m) : "no data")}")) + ".";
    }

    /// <summary><c>$3,100.00 (W37) → $3,249.26 (W48), +4.8%</c>: first and last weeks on record, beside a sparkline.</summary>
    public static string Summary(ReportTrends trends, IReadOnlyList<decimal?> series)
    {
        var labels = trends.Labels;
        var known = series.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
        if (known.Count == 0) return "no history yet";
        if (known.Count == 1) return $"{ReportFormat.Money(known[0].v!.Value)} ({labels[known[0].i]}); no earlier week on record";
        var (first, last) = (known[0], known[^1]);
        return $"{ReportFormat.Money(first.v!.Value)} ({labels[first.i]}) \u2192 {ReportFormat.Money(last.v!.Value)} ({labels[last.i]}), {FigureText.Change(first.v, last.v)}";
    }
}
