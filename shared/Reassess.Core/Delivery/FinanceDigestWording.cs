using Reassess.Core.Reporting;

namespace Reassess.Core.Delivery;

/// <summary>Finance's digest in words: the portfolio's spend and savings, the trend, and each team's share.</summary>
internal static class FinanceDigestWording
{
    public static DeliveryMessage Of(FinanceDigest d)
    {
        var t = d.Totals;
        var summary = $"{ReportText.WorkloadCount(t.Workloads)} assessed as of {ReportFormat.Instant(d.AsOf)}. " +
                      $"Baseline LLM spend {ReportFormat.Money(t.BaselineMonthlyCost)}/month. " +
                      $"Projected savings {ReportFormat.Money(t.ChosenHorizonNet)} net over the horizon, " +
                      $"{ReportFormat.Money(t.ChosenMonthlyNetSavings)}/month run rate; FineTune and Route verdicts, ready to act on: " +
                      $"{ReportFormat.Money(t.ProjectedMonthlySavings)}/month.";
        return new DeliveryMessage(
            $"Reassess {d.Week}: finance",
            summary,
            [
                new("Baseline spend", ReportFormat.Money(t.BaselineMonthlyCost) + "/month"),
                new("Ready to act on", ReportFormat.Money(t.ProjectedMonthlySavings) + "/month"),
                new("Projected net", ReportFormat.Money(t.ChosenHorizonNet)),
                new("Run rate", ReportFormat.Money(t.ChosenMonthlyNetSavings) + "/month"),
                new("Spend trend", d.SpendTrendSummary),
                new("Workloads", ReportFormat.Count(t.Workloads)),
            ],
            [
                new($"Teams by spend ({d.Teams.Count})", [.. d.Teams.Select(Team)], "No team has a workload this week."),
                new("Spend by week", [.. d.SpendTrend.Select(w => new MessageItem(w.Week.ToString(),
                    w.MonthlySpend is { } m ? ReportFormat.Money(m) + "/month" : "no data"))], "No spend recorded."),
            ],
            DeliveryMessage.LinksOf(("Open the report", d.ReportLink), ("Download finance.csv", d.FinanceCsvLink)));
    }

    private static MessageItem Team(TeamTotals team) =>
        new(ReportText.TeamLabel(team.Team),
            $"{ReportFormat.Money(team.Totals.BaselineMonthlyCost)}/month spend, {ReportFormat.Money(team.Totals.ProjectedMonthlySavings)}/month ready to act on, " +
            ReportText.WorkloadCount(team.Totals.Workloads));
}
