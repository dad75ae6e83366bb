using Reassess.Core.Decisions;

namespace Reassess.Core.Tests.Decisions;

/// <summary>The what-ifs the report charts, computed by the engine from the same cost model as the verdict.</summary>
public class ScenarioTests
{
    private static readonly Assessment Worked = WorkedExample.Assess();

    [Fact]
    public void The_worked_example_carries_its_payback_curve_and_swings()
    {
        var s = Worked.Scenarios!;

        Assert.Equal(12m, s.MaxPaybackMonths);
        Assert.Equal(25m, s.SwingPct);
        Assert.Equal(ScenarioAnalysis.CurvePoints, s.PaybackByVolume.Count); // today's volume is the 12th of 24 steps to twice it
        var now = Assert.Single(s.PaybackByVolume, p => p.MonthlyCalls == 10_000_893m);
        Assert.Equal(9.584m, now.PaybackMonths);
        Assert.Equal(20_001_786m, s.PaybackByVolume[^1].MonthlyCalls); // twice today's volume
        Assert.Equal(s.PaybackByVolume.Select(p => p.MonthlyCalls).Order(), s.PaybackByVolume.Select(p => p.MonthlyCalls));
    }

    [Fact]
    public void Payback_falls_as_volume_grows_and_low_volumes_have_none()
    {
        var curve = Worked.Scenarios!.PaybackByVolume;

        Assert.Null(curve[0].PaybackMonths); // 833k calls/month is below the monthly volume floor (3.6M)
        // Payback falls with volume except where one more GPU is needed for the peak hour (one at 14.6M calls/month here).
        var gpuStep = Units.HoursPerMonth * 40_000m / 2m;
        var known = curve.Where(p => p.PaybackMonths is not null).ToList();
        for (var i = 1; i < known.Count; i++)
            if (Math.Ceiling(known[i].MonthlyCalls / gpuStep) == Math.Ceiling(known[i - 1].MonthlyCalls / gpuStep))
                Assert.True(known[i].PaybackMonths <= known[i - 1].PaybackMonths, $"payback rises at {known[i].MonthlyCalls:N0} calls/month");
        // The limit of 12 months is crossed between the points either side of the flip volume.
        var flip = Worked.Sensitivity.FlipMonthlyCalls!.Value;
        Assert.True(curve.Last(p => p.MonthlyCalls < flip).PaybackMonths > 12m);
        Assert.True(curve.First(p => p.MonthlyCalls > flip).PaybackMonths <= 12m);
    }

    [Fact]
    public void Swings_move_one_driver_at_a_time_widest_first()
    {
        var swings = Worked.Scenarios!.HorizonNetSwings;
        var byName = swings.ToDictionary(s => s.Driver);

        Assert.Equal(swings.OrderByDescending(s => Math.Abs(s.WhenHigher - s.WhenLower)).Select(s => s.Driver), swings.Select(s => s.Driver));
        Assert.DoesNotContain("Fine-tuned price per call", byName.Keys); // self-hosted: no per-call price to move
        Assert.True(byName["Monthly volume"].WhenLower < Worked.Economics.HorizonNet && byName["Monthly volume"].WhenHigher > Worked.Economics.HorizonNet);
        Assert.True(byName["Frontier price"].WhenLower < Worked.Economics.HorizonNet);
        // Build cost moves the horizon net one for one: ±25% of $30,000.
        Assert.Equal(Worked.Economics.HorizonNet + 7_500m, byName["Build cost"].WhenLower);
        Assert.Equal(Worked.Economics.HorizonNet - 7_500m, byName["Build cost"].WhenHigher);
    }

    [Fact]
    public void A_workload_without_usage_has_no_curve()
    {
        var model = new CostModel { BaselineCostPerCall = 0.001m, CandidateCostPerCall = 0m, FixedMonthlyWithoutGpus = 100m, BuildCost = 1000m, MonthlyRetrainCost = 0m };

        Assert.Empty(ScenarioAnalysis.Curve(model, 0m, flipMonthlyCalls: null));
        Assert.NotEmpty(ScenarioAnalysis.Curve(model, 0m, flipMonthlyCalls: 1_000_000m));
    }
}
