using System.Globalization;
using Reassess.Core.Reporting.Charts;
using static Reassess.Core.Tests.Reporting.Charts.ChartSvg;

namespace Reassess.Core.Tests.Reporting.Charts;

/// <summary>The SVG each chart draws, read back as XML: shapes where the data says, a text alternative always.</summary>
public class ChartRenderingTests
{
    public static TheoryData<string> EveryChart() => new()
    {
        new LineChart { Text = Text(), Series = [new LineSeries("s", [new(0, 1), new(1, 2)])] }.Render(),
        new LineChart { Text = Text() }.Render(),
        new Sparkline { Text = Text(), Values = [1, 2, 3] }.Render(),
        new Sparkline { Text = Text() }.Render(),
        new BarChart { Text = Text(), Bars = [new Bar("a", 1), new Bar("b", -1)] }.Render(),
        new BarChart { Text = Text() }.Render(),
        new TornadoChart { Text = Text(), Base = 0, Bars = [new TornadoBar("x", -1, 1)] }.Render(),
        new TornadoChart { Text = Text() }.Render(),
    };

    [Theory]
    [MemberData(nameof(EveryChart))]
    public void Every_chart_is_an_image_with_a_title_and_a_description(string svg)
    {
        var root = Parse(svg);

        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("A chart", (string?)root.Attribute("aria-label"));
        Assert.Equal("A chart", (string?)root.Element("title"));
        var desc = root.Element("desc")!;
        Assert.Equal("What it shows, in words.", desc.Value);
        Assert.Equal((string?)desc.Attribute("id"), (string?)root.Attribute("aria-describedby"));
        Assert.Matches(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$", (string?)root.Attribute("viewBox"));
        Assert.True(Num(root, "width") > 0 && Num(root, "height") > 0);
        Assert.DoesNotContain("url(", svg);
        Assert.DoesNotContain("http", svg);
    }

    [Fact]
    public void Text_from_data_is_encoded()
    {
        var svg = new BarChart
        {
            Text = new ChartText("x", "<b>title</b>", "a & b"),
            Bars = [new Bar("<script>alert('x')</script>", 3)],
        }.Render();

        Assert.DoesNotContain("<script", svg);
        Assert.DoesNotContain("<b>", svg);
        var root = Parse(svg);
        Assert.Equal("<b>title</b>", (string?)root.Element("title"));
        Assert.Contains(All(root, "text"), t => t.Value.StartsWith("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public void Rendering_is_deterministic_and_culture_independent()
    {
        string Render() => new LineChart
        {
            Text = Text(),
            Series = [new LineSeries("s", [new(0, 1234.5), new(1, 99.125)])],
            YFormat = AxisFormat.Money,
        }.Render();
        var invariant = Render();
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, Render());
        }
        catch (CultureNotFoundException)
        {
            // Invariant-globalization builds have no de-DE; the renderer uses the invariant culture either way.
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Line_chart_draws_one_path_per_series_through_every_point()
    {
        var root = Parse(new LineChart
        {
            Text = Text(),
            Series =
            [
                new LineSeries("a", [new(0, 10), new(1, 20), new(2, 15)]),
                new LineSeries("b", [new(0, 5), new(1, 6), new(2, 7)]) { CssClass = "series-2" },
            ],
            XLabels = ["W46", "W47", "W48"],
        }.Render());

        var paths = WithClass(root, "line").Where(e => e.Name.LocalName == "path").ToList();
        Assert.Equal(2, paths.Count);
        Assert.All(paths, p => Assert.Equal(3, ((string)p.Attribute("d")!).Split('L').Length));
        Assert.Equal(["W46", "W47", "W48"], WithClass(root, "tick").Select(t => t.Value).Where(v => v.StartsWith('W')));
        Assert.Contains(WithClass(root, "legend"), t => t.Value == "b"); // two series: a legend
    }

    [Fact]
    public void Line_chart_with_no_points_draws_axes_and_says_no_data()
    {
        var root = Parse(new LineChart { Text = Text(), Series = [new LineSeries("a", [new(0, null), new(1, null)])] }.Render());

        Assert.Empty(All(root, "path"));
        Assert.Single(WithClass(root, "empty"), t => t.Value == "No data");
        Assert.NotEmpty(WithClass(root, "axis"));
    }

    [Fact]
    public void A_single_point_is_a_dot_and_its_value_lies_inside_the_axis()
    {
        var root = Parse(new LineChart { Text = Text(), Series = [new LineSeries("a", [new(0, 42)])], XLabels = ["W48"], Height = 220 }.Render());

        Assert.Empty(All(root, "path"));
        var dot = Assert.Single(WithClass(root, "dot"));
        Assert.InRange(Num(dot, "cy"), 0, 220);
        var ticks = WithClass(root, "tick").Where(t => !t.Value.StartsWith('W')).Select(t => double.Parse(t.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(ticks.Min() <= 42 && ticks.Max() >= 42);
    }

    [Fact]
    public void A_null_breaks_the_line_into_two()
    {
        var root = Parse(new LineChart
        {
            Text = Text(),
            Series = [new LineSeries("a", [new(0, 1), new(1, 2), new(2, null), new(3, 4), new(4, 5)])],
        }.Render());

        Assert.Equal(2, WithClass(root, "line").Count(e => e.Name.LocalName == "path"));
    }

    [Fact]
    public void Negative_values_get_a_zero_line_and_negative_ticks()
    {
        var root = Parse(new LineChart
        {
            Text = Text(),
            Series = [new LineSeries("a", [new(0, -30_000), new(1, 10_000), new(2, 45_000)])],
            YFormat = AxisFormat.Money,
        }.Render());

        Assert.Single(WithClass(root, "zero"));
        Assert.Contains(WithClass(root, "tick"), t => t.Value == "\u2212$50k");
        Assert.Contains(WithClass(root, "tick"), t => t.Value == "$0");
    }

    [Fact]
    public void Values_above_the_cap_leave_through_the_top_edge()
    {
        var chart = new LineChart
        {
            Text = Text(),
            Series = [new LineSeries("payback", [new(1, 100), new(2, 40), new(3, 20), new(4, 10)])],
            YMax = 30,
            Height = 220,
        };
        var root = Parse(chart.Render());

        var path = Assert.Single(WithClass(root, "line"));
        var ys = ((string)path.Attribute("d")!).Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.Parse(p.Trim().Split(' ')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, ys.Count); // the crossing at 30, then 20 and 10
        Assert.All(ys, y => Assert.InRange(y, 0, 220));
        var top = WithClass(root, "grid").Min(l => Num(l, "y1"));
        Assert.Equal(top, ys[0], 1);
    }

    [Fact]
    public void Clip_cuts_where_the_line_crosses_the_cap()
    {
        var pieces = LineChart.Clip([new(0, 10), new(1, 50), new(2, 10)], 30).ToList();

        Assert.Equal(2, pieces.Count);
        Assert.Equal([new ChartPoint(0, 10), new ChartPoint(0.5, 30)], pieces[0]);
        Assert.Equal([new ChartPoint(1.5, 30), new ChartPoint(2, 10)], pieces[1]);
    }

    [Fact]
    public void Reference_line_and_marker_are_drawn_with_their_labels()
    {
        var root = Parse(new LineChart
        {
            Text = Text(),
            Series = [new LineSeries("payback", [new(1e6, 30), new(1e7, 9)])],
            Reference = new ReferenceLine(12, "limit 12 months"),
            Marker = new ChartMarker(8e6, 11, "now"),
        }.Render());

        Assert.Single(WithClass(root, "ref"));
        Assert.Single(WithClass(root, "ref-label"), t => t.Value == "limit 12 months");
        Assert.Single(WithClass(root, "marker"));
        Assert.Single(WithClass(root, "marker-label"), t => t.Value == "now");
    }

    [Fact]
    public void A_marker_beyond_the_axis_sits_on_its_top_edge()
    {
        var root = Parse(new LineChart
        {
            Text = Text(),
            Series = [new LineSeries("payback", [new(1e6, 30), new(2e6, 9)])],
            YMax = 24,
            Marker = new ChartMarker(5e5, double.PositiveInfinity, "now: no payback"),
        }.Render());

        var top = WithClass(root, "grid").Min(l => Num(l, "y1"));
        Assert.Equal(top, Num(WithClass(root, "marker").Single(), "cy"), 1);
    }

    [Fact]
    public void Sparkline_marks_the_last_value_and_breaks_at_gaps()
    {
        var root = Parse(new Sparkline { Text = Text(), Values = [null, 1, 2, null, 3, 5] }.Render());

        Assert.Equal(2, WithClass(root, "spark-line").Count()); // 1→2, then 3→5
        Assert.Single(WithClass(root, "spark-last"));
        Assert.Equal(4, Num(WithClass(root, "spark-last").Single(), "cy"), 1); // the highest value sits at the top pad
    }

    [Fact]
    public void Sparkline_without_values_is_a_dashed_line_and_a_flat_series_sits_in_the_middle()
    {
        var empty = Parse(new Sparkline { Text = Text() }.Render());
        var flat = Parse(new Sparkline { Text = Text(), Values = [7, 7, 7], Height = 36 }.Render());
        var single = Parse(new Sparkline { Text = Text(), Values = [7] }.Render());

        Assert.Single(WithClass(empty, "spark-empty"));
        Assert.Contains(" 18 L", (string)WithClass(flat, "spark-line").Single().Attribute("d")!);
        Assert.Single(WithClass(single, "spark-dot"));
    }

    [Fact]
    public void Bars_extend_left_of_zero_for_negative_values()
    {
        var root = Parse(new BarChart { Text = Text(), Bars = [new Bar("gain", 100), new Bar("loss", -50), new Bar("flat", 0)] }.Render());

        var zero = Num(WithClass(root, "zero").Single(), "x1");
        var bars = All(root, "rect").ToList();
        Assert.Equal(3, bars.Count);
        Assert.Equal(zero, Num(bars[0], "x"), 1);
        Assert.True(Num(bars[0], "width") > 0);
        Assert.Equal(zero, Num(bars[1], "x") + Num(bars[1], "width"), 1);
        Assert.Contains("neg", (string)bars[1].Attribute("class")!);
        Assert.Equal(1, Num(bars[2], "width")); // a hairline for zero
        Assert.Equal(["gain", "loss", "flat"], WithClass(root, "bar-label").Select(t => t.Value));
    }

    [Fact]
    public void Bar_chart_without_bars_says_no_data()
    {
        var root = Parse(new BarChart { Text = Text() }.Render());

        Assert.Empty(All(root, "rect"));
        Assert.Single(WithClass(root, "empty"));
    }

    [Fact]
    public void Tornado_puts_the_widest_swing_on_top_and_draws_both_halves_from_the_base()
    {
        var chart = new TornadoChart
        {
            Text = Text(),
            Base = 1000,
            Bars = [new TornadoBar("small", 900, 1100), new TornadoBar("big", -2000, 4000), new TornadoBar("mid", 1500, 0)],
        };
        var root = Parse(chart.Render());

        Assert.Equal(["big", "mid", "small"], chart.Ordered().Select(b => b.Label));
        Assert.Equal(["big", "mid", "small"], WithClass(root, "bar-label").Select(t => t.Value));
        var basePx = Num(WithClass(root, "base").Single(), "x1");
        var lows = WithClass(root, "tornado-low").Where(e => e.Name.LocalName == "rect" && Num(e, "y") > 20).ToList();
        var highs = WithClass(root, "tornado-high").Where(e => e.Name.LocalName == "rect" && Num(e, "y") > 20).ToList();
        Assert.Equal(3, lows.Count);
        Assert.Equal(3, highs.Count);
        Assert.Equal(basePx, Num(lows[0], "x") + Num(lows[0], "width"), 1); // big: lower outcome left of the base
        Assert.Equal(basePx, Num(highs[0], "x"), 1);
        Assert.Equal(basePx, Num(lows[1], "x"), 1); // mid: "lower" driver raises the outcome
        Assert.Contains(WithClass(root, "tick"), t => t.Value.StartsWith('\u2212'));
    }
}
