using Reassess.Core.Decisions;
using Reassess.Core.Delivery;
using Reassess.Core.Prices;
using Reassess.Core.Reporting;
using Reassess.Core.Tests.Reporting;

namespace Reassess.Core.Tests.Delivery;

/// <summary>Digests built from the report fixtures, a big team, and price alerts that touch some of their models.</summary>
internal static class DeliveryFixtures
{
    public static readonly Uri ReportLink = new("https://reports.example.test/2026-W48/index.html?sig=abc");
    public static readonly Uri FinanceLink = new("https://reports.example.test/2026-W48/finance.csv?sig=abc");

    public static TeamDigest Legal() => TeamDigest.For(ReportFixtures.Report(), "legal", ReportLink);

    public static TeamDigest Search() => TeamDigest.For(ReportFixtures.Report(), "search", ReportLink);

    public static FinanceDigest Finance() => FinanceDigest.For(ReportFixtures.ReportWithHistory(), ReportLink, FinanceLink);

    /// <summary><paramref name="count"/> routed workloads of one team, each flipped, fragile and with an evidence gap.</summary>
    public static TeamDigest BigTeam(int count = 300)
    {
        var route = ReportFixtures.RouteWithFlip();
        var fragile = route with { Sensitivity = route.Sensitivity with { Fragile = true, Margin = 0.05m } };
        var assessments = Enumerable.Range(1, count).Select(i => fragile with
        {
            WorkloadId = $"wl-{i:D3}",
            WorkloadName = $"Workload {i:D3} with a long descriptive name for the summarising test",
            Team = "platform",
        }).ToList();
        var report = ReportFixtures.Report() with { Assessments = assessments };
        return TeamDigest.For(report, "platform", ReportLink);
    }

    public static SuspiciousPriceChange GptMiniChange() => new(
        "openai/gpt-4.1", "input", 2m, "litellm", 5m, "litellm", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), 150m);

    public static StalePriceSource StaleGenaiPrices() => new("genai-prices", new DateOnly(2026, 11, 1), "pull failed: HTTP 503");

    public static PriceAlerts Alerts() => new() { SuspiciousChanges = [GptMiniChange()], StaleSources = [StaleGenaiPrices()] };

    public static readonly DateOnly Day = new(2026, 11, 24);

    public static IReadOnlyList<Assessment> Latest() => ReportFixtures.Report().Assessments;
}
