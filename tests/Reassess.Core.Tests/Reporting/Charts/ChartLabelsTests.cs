using System.Globalization;
using Reassess.Core.Reporting.Charts;
using static Reassess.Core.Tests.Reporting.Charts.ChartSvg;

namespace Reassess.Core.Tests.Reporting.Charts;

/// <summary>
/// Labels fit their chart even in a wide font: with extreme labels (every digit of a loss, long driver and team names,
/// a year of weeks) each label's box by <see cref="LabelMetrics"/>' pessimistic estimate lies inside the viewBox, and
/// the charts make that room by narrowing the plot rather than by moving tick labels off their ticks.
/// </summary>
public class ChartLabelsTests
{
    private const string Minus = "\u2212";

    /// <summary>Money in thousands with every digit, the longest labels a money axis can get: <c>−$1,234,567k</c>.</summary>
    private static string Thousands(double value, double step) =>
        (value < 0 ? Minus : "") + "$" + (Math.Abs(value) / 1000).ToString("#,##0", CultureInfo.InvariantCulture) + "k";

    private const string LongName = "Contract summaries for legal review, EU and UK entities, with clause extraction and redlines";

    private static readonly IReadOnlyDictionary<string, Func<string>> Extreme = new Dictionary<string, Func<string>>
    {
        ["card tornado with billion-dollar swings"] = () => new TornadoChart
        {
            Text = Text(),
            Base = -35_000,
            BaseLabel = "now, before any fine-tune",
            Bars =
            [
                new TornadoBar(LongName, -1_234_567_000, 987_654_000),
                new TornadoBar("Frontier price per million tokens, blended input and output", -2_000_000, 3_000_000),
                new TornadoBar("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", -35_000, -34_000),
            ],
            LowerLegend = $"driver {Minus}20% (lower than this week's figure)",
            HigherLegend = "driver +20% (higher than this week's figure)",
            Format = Thousands,
            Width = 460,
        }.Render(),
        ["tornado with every value negative"] = () => new TornadoChart
        {
            Text = Text(),
            Base = -1_234_567_000,
            Bars = [new TornadoBar("Build cost", -1_300_000_000, -1_200_000_000)],
            Format = Thousands,
            Width = 460,
        }.Render(),
        ["bar chart of losses and gains"] = () => new BarChart
        {
            Text = Text(),
            Bars = [new Bar(LongName, -1_234_567_000), new Bar("Support chat", 987_654_321), new Bar("Nothing yet", 0)],
            Format = Thousands,
        }.Render(),
        ["bar chart of losses only"] = () => new BarChart
        {
            Text = Text(),
            Bars = [new Bar("A", -1_234_567_000), new Bar("B", -7_654_321)],
            Format = Thousands,
            Width = 460,
        }.Render(),
        ["wide ranking of twelve workloads"] = () => new BarChart
        {
            Text = Text(),
            Bars = Enumerable.Range(1, 12).Select(i => new Bar($"{i:00} {LongName}", (i - 4) * 123_456_789.0)).ToList(),
            Format = AxisFormat.Money,
            Width = 1080,
        }.Render(),
        ["a year of weeks by six teams"] = () => YearOfWeeks(1080),
        ["a year of weeks by six teams in a card"] = () => YearOfWeeks(460),
        ["payback curve with its marker at the right edge"] = () => new LineChart
        {
            Text = Text(),
            Series = [new LineSeries("payback", [new(1_000_000, 40), new(60_000_000, 14), new(123_456_789, 9)])],
            XFormat = AxisFormat.Count,
            XTitle = "calls / month, counted over the last four weeks and scaled to a month",
            YTitle = "payback, months",
            YMax = 24,
            Reference = new ReferenceLine(12, "limit 12 months, the volume threshold for a fine-tune"),
            Marker = new ChartMarker(123_456_789, 9, "now 123.5M calls / month: payback in 9.0 months"),
            Width = 460,
            Height = 230,
        }.Render(),
        ["payback curve with its marker at the left edge"] = () => new LineChart
        {
            Text = Text(),
            Series = [new LineSeries("payback", [new(0, 30), new(1e9, 2)])],
            XFormat = AxisFormat.Count,
            Marker = new ChartMarker(0, double.PositiveInfinity, $"now 0 calls / month: no payback within 24 months {LongName}"),
            YMax = 24,
            Width = 460,
        }.Render(),
        ["empty chart with a long note"] = () => new LineChart
        {
            Text = Text(),
            EmptyText = "No payback within 24 months at these volumes: " + LongName + " " + LongName,
            Width = 460,
        }.Render(),
    };

    /// <summary>Six teams' weekly spend over 52 weeks, with long names and long money labels.</summary>
    private static string YearOfWeeks(double width) => new LineChart
    {
        Text = Text(),
        Series = Enumerable.Range(1, 6).Select(s => new LineSeries($"team {s}: {LongName}",
            Enumerable.Range(0, 52).Select(w => new ChartPoint(w, (w - 20) * s * 23_456_789.0)).ToList()) { CssClass = $"series-{s}" }).ToList(),
        XLabels = Enumerable.Range(1, 52).Select(w => $"2026-W{w:00}").ToList(),
        YFormat = Thousands,
        YTitle = "$ / month, the run rate of each workload's baseline model over the whole of the last fifty-two weeks",
        Width = width,
    }.Render();

    /// <summary>The charts whose x axis is numbered, with a grid line or tick mark under every label.</summary>
    private static readonly string[] Numbered =
    [
        "card tornado with billion-dollar swings", "tornado with every value negative", "bar chart of losses and gains",
        "bar chart of losses only", "wide ranking of twelve workloads", "payback curve with its marker at the right edge",
        "payback curve with its marker at the left edge",
    ];

    public static TheoryData<string> ExtremeCharts() => new(Extreme.Keys);

    public static TheoryData<string> NumberedCharts() => new(Numbered);

    [Theory]
    [MemberData(nameof(ExtremeCharts))]
    public void Every_label_lies_inside_the_chart_by_the_pessimistic_estimate(string chart)
    {
        var root = Parse(Extreme[chart]());
        var (width, height) = View(root);

        var labels = Labels(root);
        Assert.NotEmpty(labels);
        Assert.All(labels, l =>
        {
            Assert.True(l.Left >= 0 && l.Right <= width, $"'{l.Text}' ({l.Class}) spans {l.Left:0.##}…{l.Right:0.##} of {width}");
            Assert.True(l.Top >= 0 && l.Bottom <= height, $"'{l.Text}' ({l.Class}) spans {l.Top:0.##}…{l.Bottom:0.##} of {height}");
        });
    }

    [Theory]
    [MemberData(nameof(NumberedCharts))]
    public void Tick_labels_stay_centred_on_their_ticks_however_long_they_are(string chart)
    {
        var root = Parse(Extreme[chart]());
        var tickXs = All(root, "line").Where(l => Num(l, "x1") == Num(l, "x2")).Select(l => Num(l, "x1")).ToList();

        var ticks = WithClass(root, "tick").Where(t => (string?)t.Attribute("text-anchor") == "middle").ToList();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.Contains(tickXs, x => Math.Abs(x - Num(t, "x")) < 0.01));
    }

    [Fact]
    public void Money_labels_keep_every_digit()
    {
        var root = Parse(Extreme["bar chart of losses and gains"]());

        Assert.Contains(WithClass(root, "bar-value"), t => t.Value == $"{Minus}$1,234,567k");
        Assert.Contains(WithClass(root, "tick"), t => t.Value == $"{Minus}$1,500,000k");
    }

    /// <summary>The two labels that ran 2 px out of their 460 px card tornado in Chromium 156: the axis now ends where they fit.</summary>
    [Theory]
    [InlineData(-45_000, -52_000, -36_000, "\u2212$35k", 436.55)]
    [InlineData(150_000, 60_000, 240_000, "$250k", 437.38)]
    public void A_card_tornado_ends_its_axis_where_its_last_label_still_fits(double now, double lower, double higher, string last, double x)
    {
        var root = Parse(new TornadoChart
        {
            Text = Text(),
            Base = now,
            Bars = [new TornadoBar("Monthly calls", lower, higher)],
            Format = AxisFormat.Money,
            Width = 460,
        }.Render());

        var label = Labels(root).Where(l => l.Class == "tick").MaxBy(l => l.X)!;
        Assert.Equal(last, label.Text);
        Assert.Equal(x, label.X, 2); // 460 less the 2 px edge gap less half the label's estimated width
        Assert.Equal(458, label.Right, 1);
        Assert.Equal(x, Num(WithClass(root, "axis").Single(), "x2"), 2);
    }

    [Fact]
    public void Long_driver_names_are_cut_to_the_label_column_with_an_ellipsis()
    {
        var root = Parse(Extreme["card tornado with billion-dollar swings"]());

        var names = Labels(root).Where(l => l.Class == "bar-label").ToList();
        Assert.Equal(3, names.Count);
        Assert.All(names, n => Assert.EndsWith("\u2026", n.Text));
        Assert.StartsWith(names[0].Text.TrimEnd('\u2026'), LongName, StringComparison.Ordinal);
        Assert.All(names, n => Assert.InRange(n.Right - n.Left, 170, 200 - 12)); // the widest column less 8 to the bars and 4 to the edge
        Assert.Equal(4, names.Min(n => n.Left), 2);
        Assert.All(names, n => Assert.Equal(names[0].X, n.X));
    }

    [Fact]
    public void Negative_values_keep_clear_of_the_bar_labels()
    {
        var root = Parse(Extreme["bar chart of losses and gains"]());
        var labels = Labels(root);

        var names = labels.Where(l => l.Class == "bar-label").ToList();
        var loss = Assert.Single(labels, l => l.Text == $"{Minus}$1,234,567k");
        Assert.Equal(6, names.Min(n => n.Left), 2); // the widest name keeps 6 px from the edge
        // Room is kept for a loss as long as its label ending at the axis' start; this one ends a little right of it.
        Assert.InRange(loss.Left - names.Max(n => n.Right), 8, 40);
    }

    [Fact]
    public void Wide_y_labels_move_the_plot_right_of_them()
    {
        var root = Parse(Extreme["a year of weeks by six teams"]());
        var yLabels = Labels(root).Where(l => l.Class == "tick" && !l.Text.StartsWith("2026", StringComparison.Ordinal)).ToList();

        var plotLeft = WithClass(root, "axis").Select(l => Num(l, "x1")).Single();
        var widest = yLabels.Max(l => l.Right - l.Left);
        Assert.True(widest > 56, $"the widest y label is only {widest:0.##} wide");
        Assert.Equal(widest + 8, plotLeft, 2); // 6 to the plot, 2 to the edge
        Assert.All(yLabels, l => Assert.Equal(plotLeft - 6, l.Right, 2));
    }

    [Fact]
    public void Category_labels_are_thinned_so_that_neighbours_never_touch()
    {
        var root = Parse(Extreme["a year of weeks by six teams"]());

        var weeks = Labels(root).Where(l => l.Text.StartsWith("2026-W", StringComparison.Ordinal)).OrderBy(l => l.X).ToList();
        Assert.InRange(weeks.Count, 2, 51);
        Assert.Equal("2026-W52", weeks[^1].Text); // the latest week is always labelled
        for (var i = 1; i < weeks.Count; i++)
            Assert.True(weeks[i - 1].Right + 12 <= weeks[i].Left + 0.01, $"'{weeks[i - 1].Text}' and '{weeks[i].Text}' are closer than 12 px");
    }

    [Fact]
    public void Legend_entries_share_the_row_when_the_names_are_long()
    {
        var root = Parse(Extreme["a year of weeks by six teams"]());

        var entries = Labels(root).Where(l => l.Class == "legend").OrderBy(l => l.X).ToList();
        Assert.Equal(6, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.EndsWith("\u2026", entries[i].Text);
            Assert.StartsWith($"team {i + 1}: Contract", entries[i].Text, StringComparison.Ordinal);
            if (i > 0) Assert.True(entries[i - 1].Right < entries[i].Left, $"'{entries[i - 1].Text}' runs into '{entries[i].Text}'");
        }

        Assert.True(entries[^1].Right <= 1080 - 2);
    }
}
