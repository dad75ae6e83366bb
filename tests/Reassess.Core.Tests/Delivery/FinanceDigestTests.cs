using Reassess.Core.Tests.Reporting;
using Reassess.Core.Time;

namespace Reassess.Core.Tests.Delivery;

public class FinanceDigestTests
{
    [Fact]
    public void Carries_the_portfolio_totals_and_both_links()
    {
        var finance = DeliveryFixtures.Finance();

        Assert.Equal(5, finance.Totals.Workloads);
        Assert.Equal(19_971.13m, finance.Totals.BaselineMonthlyCost);
        Assert.Equal(DeliveryFixtures.ReportLink, finance.ReportLink);
        Assert.Equal(DeliveryFixtures.FinanceLink, finance.FinanceCsvLink);
    }

    [Fact]
    public void Spend_trend_is_the_reports_twelve_weeks_with_gaps_where_no_row_exists()
    {
        var trend = DeliveryFixtures.Finance().SpendTrend;

        Assert.Equal(12, trend.Count);
        Assert.Equal(new IsoWeek(2026, 48), trend[^1].Week);
        Assert.Equal(19_971.13m, trend[^1].MonthlySpend);
        Assert.Null(trend[0].MonthlySpend);
        Assert.NotNull(trend[^3].MonthlySpend);
        Assert.Equal("$17,074.02 (W46) \u2192 $19,971.13 (W48), +17.0%", DeliveryFixtures.Finance().SpendTrendSummary);
    }

    [Fact]
    public void Teams_are_listed_by_spend_largest_first()
    {
        var teams = DeliveryFixtures.Finance().Teams;

        Assert.Equal(["legal", "search", "billing"], teams.Select(t => t.Team));
        Assert.Equal(12_570.69m, teams[0].Totals.BaselineMonthlyCost);
    }
}
