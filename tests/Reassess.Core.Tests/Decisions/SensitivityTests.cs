using Reassess.Core.Decisions;

namespace Reassess.Core.Tests.Decisions;

public class SensitivityTests
{
    [Fact]
    public void Bisection_finds_a_step_within_a_tenth_of_a_percent()
    {
        var point = SensitivityAnalysis.Bisect(0m, 1_000m, x => x >= 123.4m);

        Assert.NotNull(point);
        Assert.InRange(point.Value, 123.4m * 0.999m, 123.4m * 1.001m);
    }

    [Fact]
    public void Bisection_gives_null_when_both_ends_agree()
    {
        Assert.Null(SensitivityAnalysis.Bisect(0m, 1_000m, _ => true));
    }

    [Fact]
    public void No_flip_point_when_the_candidate_never_saves()
    {
        var assessment = WorkedExample.Assess(r => r.WithFineTune(f => f with { GpuHourly = 5_000m }));

        // Even 1e13 calls at 40,000 calls per $5,000 GPU-hour cost more than the baseline.
        Assert.Null(assessment.Sensitivity.FlipMonthlyCalls);
    }

    [Fact]
    public void Cheaper_frontier_prices_flip_the_volume_threshold_at_a_negative_change()
    {
        var assessment = WorkedExample.Assess();

        Assert.True(assessment.Sensitivity.FlipBaselinePriceChangePct < 0);
    }
}
