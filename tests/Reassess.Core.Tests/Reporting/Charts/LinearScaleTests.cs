using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Tests.Reporting.Charts;

public class LinearScaleTests
{
    [Theory]
    [InlineData(0, 97, 0, 100, 20)]
    [InlineData(0, 7400.44, 0, 8000, 2000)]
    [InlineData(3.2, 9.6, 2, 10, 2)]
    [InlineData(0, 0.37, 0, 0.4, 0.1)]
    [InlineData(1_861.85, 26_671.67, 0, 30_000, 10_000)]
    [InlineData(0, 45_727_046, 0, 50_000_000, 10_000_000)]
    public void Bounds_widen_to_round_numbers_and_ticks_step_evenly(double lo, double hi, double min, double max, double step)
    {
        var scale = LinearScale.Nice([lo, hi], 0, 100, maxTicks: 6, includeZero: lo == 0);

        Assert.Equal(min, scale.Min, 9);
        Assert.Equal(max, scale.Max, 9);
        Assert.Equal(step, scale.Step, 9);
        Assert.Equal(scale.Min, scale.Ticks[0]);
        Assert.Equal(scale.Max, scale.Ticks[^1]);
        for (var i = 1; i < scale.Ticks.Count; i++) Assert.Equal(step, scale.Ticks[i] - scale.Ticks[i - 1], 9);
    }

    [Fact]
    public void Ticks_are_1_2_2_5_or_5_times_a_power_of_ten_and_no_more_than_asked()
    {
        var random = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            var a = (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 9));
            var b = a + random.NextDouble() * Math.Pow(10, random.Next(-3, 9));
            var maxTicks = random.Next(2, 9);

            var scale = LinearScale.Nice([a, b], 0, 1, maxTicks);

            // Values either side of zero need three ticks however few are asked for.
            Assert.True(scale.Ticks.Count <= Math.Max(maxTicks, a < 0 && b > 0 ? 3 : 2), $"{scale.Ticks.Count} ticks for [{a}, {b}] asked {maxTicks}");
            Assert.True(scale.Min <= a && scale.Max >= b, $"[{scale.Min}, {scale.Max}] misses [{a}, {b}]");
            var mantissa = Math.Round(scale.Step / Math.Pow(10, Math.Floor(Math.Log10(scale.Step))), 6);
            Assert.True(mantissa is 1.0 or 2.0 or 2.5 or 5.0 or 10.0, $"step {scale.Step} for [{a}, {b}]");
        }
    }

    [Fact]
    public void Ticks_carry_no_floating_point_dust()
    {
        var scale = LinearScale.Nice([0.1, 0.7], 0, 1, maxTicks: 7);

        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], scale.Ticks);
    }

    [Fact]
    public void Negative_and_positive_values_share_one_axis_through_zero()
    {
        var scale = LinearScale.Nice([-64_883.50, 138_585.13, 590.42], 100, 700, maxTicks: 6, includeZero: true);

        Assert.Equal(-100_000, scale.Min);
        Assert.Equal(150_000, scale.Max);
        Assert.Contains(0.0, scale.Ticks);
        Assert.Equal(100, scale.Map(-100_000), 9);
        Assert.Equal(700, scale.Map(150_000), 9);
        Assert.Equal(340, scale.Map(0), 9);
    }

    [Fact]
    public void All_negative_values_with_zero_end_at_zero()
    {
        var scale = LinearScale.Nice([-3, -47], 0, 1, maxTicks: 6, includeZero: true);

        Assert.Equal(-50, scale.Min);
        Assert.Equal(0, scale.Max);
    }

    [Fact]
    public void No_values_give_a_unit_axis()
    {
        var scale = LinearScale.Nice([], 0, 200);

        Assert.Equal(0, scale.Min);
        Assert.Equal(1, scale.Max);
        Assert.True(scale.Ticks.Count >= 2);
    }

    [Fact]
    public void Non_finite_values_are_ignored()
    {
        var scale = LinearScale.Nice([double.NaN, 4, double.PositiveInfinity, 8, double.NegativeInfinity], 0, 1);

        Assert.True(scale.Min <= 4 && scale.Max >= 8 && scale.Max <= 10);
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(5, true)]
    [InlineData(-5, true)]
    [InlineData(0, false)]
    [InlineData(1_234_567, false)]
    public void One_value_still_gives_a_range_that_contains_it(double value, bool includeZero)
    {
        var scale = LinearScale.Nice([value], 0, 100, includeZero: includeZero);

        Assert.True(scale.Max > scale.Min);
        Assert.True(scale.Contains(value));
        Assert.InRange(scale.Map(value), 0, 100);
        if (includeZero) Assert.True(scale.Contains(0));
    }

    [Fact]
    public void Map_is_linear_and_can_run_downwards_for_y_axes()
    {
        var y = LinearScale.Nice([0, 40], 200, 20, maxTicks: 5); // SVG y grows downwards

        Assert.Equal(200, y.Map(0), 9);
        Assert.Equal(20, y.Map(40), 9);
        Assert.Equal(110, y.Map(20), 9);
        Assert.Equal(20, y.MapClamped(400), 9);
    }

    [Theory]
    [InlineData(0.8, true, 1)]
    [InlineData(0.7, true, 0.5)]
    [InlineData(1.6, true, 2)]
    [InlineData(3, true, 2.5)]
    [InlineData(4, true, 5)]
    [InlineData(8, true, 10)]
    [InlineData(2.1, false, 2.5)]
    [InlineData(2.6, false, 5)]
    [InlineData(0.031, false, 0.05)]
    [InlineData(1200, true, 1000)]
    public void Nice_numbers_round_or_ceil_to_1_2_2_5_5(double x, bool round, double expected)
    {
        Assert.Equal(expected, LinearScale.NiceNumber(x, round), 9);
    }
}
