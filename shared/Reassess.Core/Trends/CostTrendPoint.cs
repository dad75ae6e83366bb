using Reassess.Core.Decisions;
using Reassess.Core.Prices;
using Reassess.Core.Reporting;
using Reassess.Core.Time;
using Reassess.Core.Usage;

namespace Reassess.Core.Trends;

/// <summary>
/// One workload's costs for one ISO week, as the weekly run records them (table <c>CostTrends</c>) and finance reads
/// them. The week's assessment gives the run rates and the verdict; the charge period (the 7 days before the
/// assessment instant, so weeks never overlap) gives <see cref="EffectiveCost"/>: the calls and tokens of those days
/// priced at the baseline model's price in force. Money in <see cref="BillingCurrency"/>.
/// </summary>
public sealed record CostTrendPoint
{
    public const string Usd = "USD";

    /// <summary>The ISO week of the assessment (<c>2026-W48</c>).</summary>
    public required string Week { get; init; }

    public required string WorkloadId { get; init; }
    public string WorkloadName { get; init; } = "";
    public string Team { get; init; } = "";
    public string CostCenter { get; init; } = "";
    public DateTimeOffset AssessedAt { get; init; }

    /// <summary>The provider's billing service (<c>Anthropic</c>, <c>Azure OpenAI</c>), from the baseline price key.</summary>
    public string ServiceName { get; init; } = "";

    public string BaselineModel { get; init; } = "";
    public Verdict Verdict { get; init; }
    public string BillingCurrency { get; init; } = Usd;

    /// <summary>First day of the charge period.</summary>
    public DateOnly ChargePeriodStart { get; init; }

    /// <summary>The day after the charge period's last day (FOCUS periods end exclusively).</summary>
    public DateOnly ChargePeriodEnd { get; init; }

    public long ChargePeriodCalls { get; init; }

    /// <summary>What the charge period's usage cost on the baseline model.</summary>
    public decimal EffectiveCost { get; init; }

    /// <summary>The assessment window's calls and baseline cost (28 days by default; windows of successive weeks overlap).</summary>
    public long WindowCalls { get; init; }

    public decimal WindowCost { get; init; }
    public decimal MonthlyCalls { get; init; }
    public decimal BaselineMonthlyCost { get; init; }
    public decimal CandidateMonthlyCost { get; init; }
    public decimal MonthlyNetSavings { get; init; }

    /// <summary>The chosen option's first-month net savings when the verdict is <c>FineTune</c> or <c>Route</c>, else 0.</summary>
    public decimal ProjectedMonthlySavings { get; init; }

    /// <summary>The fine-tune's build cost, payback and horizon net (whatever the verdict).</summary>
    public decimal BuildCost { get; init; }
    public decimal? PaybackMonths { get; init; }
    public decimal HorizonNet { get; init; }

    /// <summary>The best qualifying route's model key, whatever the verdict; empty when there is none.</summary>
    public string BestRoute { get; init; } = "";

    /// <summary>The verdict's chosen option's first-month net savings (<see cref="ChosenOption"/>; 0 for staying).</summary>
    public decimal ChosenMonthlyNetSavings { get; init; }

    /// <summary>The verdict's chosen option's horizon net (<see cref="ChosenOption"/>; 0 for staying).</summary>
    public decimal ChosenHorizonNet { get; init; }

    /// <summary>
    /// The point of a weekly assessment, with the charge period's usage (the stored daily rows of the days before the
    /// assessment; several sources for one day are resolved as the assessment does) priced at the baseline price.
    /// </summary>
    public static CostTrendPoint From(Assessment assessment, IsoWeek week, IEnumerable<DailyUsage> usage, PriceRecord baselinePrice, bool batch)
    {
        var (start, end) = ChargePeriod(assessment.AssessedAt, assessment.Inputs.Window);
        var days = Math.Max(1, end.DayNumber - start.DayNumber);
        var period = UsageWindowBuilder.Build(usage.Where(u => u.Day >= start && u.Day < end), [], assessment.AssessedAt, days);
        var cost = period.Calls > 0 ? CallCost.Of(baselinePrice, TokenMix.PerCall(period), batch) * period.Calls : 0m;
        return Of(assessment, week, start, end, period.Calls, cost);
    }

    /// <summary>
    /// The point of an assessment without its daily rows (a report built from assessments alone): the charge period's
    /// calls estimated as the window's average day times the period's days.
    /// </summary>
    public static CostTrendPoint Estimate(Assessment assessment, IsoWeek week)
    {
        var (start, end) = ChargePeriod(assessment.AssessedAt, assessment.Inputs.Window);
        var window = assessment.Inputs.Window;
        var calls = window.Days > 0 ? (long)Math.Round((decimal)window.Calls * (end.DayNumber - start.DayNumber) / window.Days, MidpointRounding.AwayFromZero) : 0;
        return Of(assessment, week, start, end, calls, assessment.Economics.BaselineCostPerCall * calls);
    }

    /// <summary>The 7 days before the assessment instant (fewer when the window is shorter): [start, end).</summary>
    public static (DateOnly Start, DateOnly End) ChargePeriod(DateTimeOffset assessedAt, WindowInput window)
    {
        var end = window.To is { } to ? to.AddDays(1) : DateOnly.FromDateTime(assessedAt.UtcDateTime);
        var start = end.AddDays(-7);
        if (window.From is { } from && from > start) start = from;
        return (start, end);
    }

    private static CostTrendPoint Of(Assessment a, IsoWeek week, DateOnly start, DateOnly end, long calls, decimal cost)
    {
        var e = a.Economics;
        return new CostTrendPoint
        {
            Week = week.ToString(),
            WorkloadId = a.WorkloadId,
            WorkloadName = a.WorkloadName,
            Team = a.Team,
            CostCenter = a.CostCenter,
            AssessedAt = a.AssessedAt,
            ServiceName = ReportText.ServiceName(a),
            BaselineModel = ReportText.BaselinePrice(a)?.Key ?? "",
            Verdict = a.Verdict,
            ChargePeriodStart = start,
            ChargePeriodEnd = end,
            ChargePeriodCalls = calls,
            EffectiveCost = Money(cost),
            WindowCalls = a.Inputs.Window.Calls,
            WindowCost = Money(e.BaselineCostPerCall * a.Inputs.Window.Calls),
            MonthlyCalls = e.MonthlyCalls,
            BaselineMonthlyCost = e.BaselineMonthlyCost,
            CandidateMonthlyCost = e.CandidateMonthlyCost,
            MonthlyNetSavings = e.MonthlyNetSavings,
            ProjectedMonthlySavings = ChosenOption.ProjectedMonthlySavings(a),
            BuildCost = e.BuildCost,
            PaybackMonths = e.PaybackMonths,
            HorizonNet = e.HorizonNet,
            BestRoute = a.BestRoute ?? "",
            ChosenMonthlyNetSavings = ChosenOption.MonthlyNetSavings(a),
            ChosenHorizonNet = ChosenOption.HorizonNet(a),
        };
    }

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
