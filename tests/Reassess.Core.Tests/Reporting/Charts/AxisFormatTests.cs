using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Tests.Reporting.Charts;

public class AxisFormatTests
{
    [Theory]
    [InlineData(0, 2000, "$0")]
    [InlineData(2500, 500, "$2.5k")]
    [InlineData(10_000, 5000, "$10k")]
    [InlineData(-50_000, 50_000, "\u2212$50k")]
    [InlineData(1_500_000, 500_000, "$1.5M")]
    [InlineData(750, 250, "$750")]
    [InlineData(0.5, 0.25, "$0.50")]
    public void Money_ticks_are_short_and_tell_neighbours_apart(double value, double step, string expected)
    {
        Assert.Equal(expected, AxisFormat.Money(value, step));
    }

    [Theory]
    [InlineData(10_000_000, 5_000_000, "10M")]
    [InlineData(12_500_000, 2_500_000, "12.5M")]
    [InlineData(0, 10_000_000, "0")]
    [InlineData(2_000_000_000_000, 1_000_000_000_000, "2T")]
    public void Count_ticks_scale_by_k_M_B_T(double value, double step, string expected)
    {
        Assert.Equal(expected, AxisFormat.Count(value, step));
    }

    [Theory]
    [InlineData(12, 2, "12")]
    [InlineData(0.5, 0.5, "0.5")]
    [InlineData(-2.5, 2.5, "\u22122.5")]
    [InlineData(1200, 200, "1,200")]
    public void Plain_ticks_use_the_decimals_of_the_step(double value, double step, string expected)
    {
        Assert.Equal(expected, AxisFormat.Plain(value, step));
    }
}
