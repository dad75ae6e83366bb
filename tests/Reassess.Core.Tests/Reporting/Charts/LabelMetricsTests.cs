using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Tests.Reporting.Charts;

/// <summary>The label width estimate the charts reserve room with: never narrower than a browser draws the label.</summary>
public class LabelMetricsTests
{
    /// <summary>Widths at 11 px as Chromium 156 draws them in DejaVu Sans, the report's font on Debian, regular and semibold.</summary>
    [Theory]
    [InlineData("\u2212$35k", 37.21, 40.18)]
    [InlineData("$250k", 34.99, 38.62)]
    [InlineData("\u2212$1,234,567k", 79.20, 86.80)]
    [InlineData("Monthly calls", 72.44, 82.68)]
    [InlineData("Contract summaries for legal review", 200.38, 226.11)]
    [InlineData("now 12.5M: 7.3 mo", 106.09, 118.47)]
    [InlineData("WWW mmm %%%", 103.13, 111.52)]
    [InlineData("2026-W48", 56.41, 62.14)]
    [InlineData("driver \u221220%", 69.53, 76.52)]
    public void The_estimate_is_never_narrower_than_the_browser_draws_the_label(string text, double regular, double semibold)
    {
        var estimate = LabelMetrics.Width(text);

        Assert.True(estimate >= regular, $"'{text}': estimated {estimate:0.00} px, drawn {regular:0.00} px");
        Assert.True(estimate >= semibold, $"'{text}': estimated {estimate:0.00} px, drawn {semibold:0.00} px in semibold");
        Assert.True(estimate <= semibold * 1.25, $"'{text}': estimated {estimate:0.00} px, more than a quarter over the widest drawing");
    }

    [Fact]
    public void Each_character_counts_by_its_class_at_the_chart_font_size()
    {
        Assert.Equal(11, ChartStyles.FontSize);
        Assert.Equal(42.9, LabelMetrics.Width("\u2212$35k"), 9); // minus 0.9 em, four at 0.75 em
        Assert.Equal(41.25, LabelMetrics.Width("$250k"), 9);
        Assert.Equal(6.05, LabelMetrics.Width("i"), 9);
        Assert.Equal(12.65, LabelMetrics.Width("W"), 9);
        Assert.Equal(12.65, LabelMetrics.Width("\u4e2d"), 9); // unknown: wider than a full em
        Assert.Equal(16.5, LabelMetrics.Width("0", fontSize: 22), 9);
        Assert.Equal(0, LabelMetrics.Width(""));
        Assert.Equal(11, LabelMetrics.Ascent());
        Assert.Equal(3.3, LabelMetrics.Descent(), 9);
    }

    [Fact]
    public void Fit_keeps_a_label_that_fits_and_cuts_one_that_does_not_with_an_ellipsis()
    {
        Assert.Equal("Monthly calls", LabelMetrics.Fit("Monthly calls", 100.65)); // exactly its width
        Assert.Equal("Contract su\u2026", LabelMetrics.Fit("Contract summaries for legal review", 100));
        Assert.True(LabelMetrics.Width(LabelMetrics.Fit("Contract summaries for legal review", 100)) <= 100);
        Assert.Equal("Contract\u2026", LabelMetrics.Fit("Contract summaries", 84)); // no space before the ellipsis
        Assert.Equal("", LabelMetrics.Fit("abc", 5)); // not even the ellipsis fits
    }

    [Fact]
    public void Fit_never_splits_a_character_outside_the_basic_plane()
    {
        var cut = LabelMetrics.Fit("\U0001F600\U0001F600\U0001F600", 30);

        Assert.Equal("\U0001F600\u2026", cut);
        Assert.Equal(25.3, LabelMetrics.Width(cut), 9);
    }
}
