using Reassess.Core.Decisions;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>The card's economics: the fine-tune against staying, figure by figure; the options table sets it beside the routes.</summary>
internal static class EconomicsTable
{
    public static void Write(HtmlWriter html, Assessment a)
    {
        var e = a.Economics;
        html.Line("<h4>Economics</h4>");
        html.OpenTable("economics", "Figure", "Value");
        Row(html, "Monthly calls", $"{ReportFormat.Calls(e.MonthlyCalls)} ({ReportFormat.Count(e.MonthlyCalls)})");
        Row(html, "Baseline cost per call", ReportFormat.MoneyPerCall(e.BaselineCostPerCall));
        Row(html, "Baseline cost per accepted outcome", ReportFormat.MoneyPerCall(e.BaselineCostPerAcceptedOutcome));
        Row(html, "Baseline monthly cost", ReportFormat.Money(e.BaselineMonthlyCost));
        Row(html, "Candidate cost per call", ReportFormat.MoneyPerCall(e.CandidateCostPerCall));
        Row(html, "Candidate all-in cost per call",
            $"{ReportFormat.MoneyPerCall(e.AllInCandidateCostPerCall)} (hosting, GPUs and retraining included)");
        Row(html, "Candidate cost per accepted outcome", ReportFormat.MoneyPerCall(e.CandidateCostPerAcceptedOutcome));
        Row(html, "Candidate monthly cost",
            $"{ReportFormat.Money(e.CandidateMonthlyCost)} (incl. fixed {ReportFormat.Money(e.MonthlyFixedCost)} and retraining {ReportFormat.Money(e.MonthlyRetrainCost)})");
        Row(html, "Monthly net savings (first month)", ReportFormat.Money(e.MonthlyNetSavings));
        Row(html, "Build cost", ReportFormat.Money(e.BuildCost));
        Row(html, "Payback", ReportFormat.Payback(e.PaybackMonths));
        Row(html, "Calls until payback",
            e.BreakevenCalls is { } be ? $"{ReportFormat.Calls(be)} calls" : $"none: no payback within {ReportFormat.PaybackLimitMonths} months");
        Row(html, "Monthly volume floor",
            e.MonthlyVolumeFloor is { } floor ? $"{ReportFormat.Calls(floor)} calls/month" : "none: the candidate saves nothing per call");
        Row(html, $"Horizon net over {e.HorizonMonths} months", ReportFormat.Money(e.HorizonNet));
        Row(html, "Assumptions",
            $"frontier price decline {ReportFormat.Percent(e.MonthlyPriceDecline)}/month ({a.Inputs.PriceDeclineSource}), " +
            $"volume growth {ReportFormat.Percent(e.MonthlyVolumeGrowth)}/month");
        html.CloseTable();
    }

    private static void Row(HtmlWriter html, string label, string value) =>
        html.Line($"<tr><th scope=\"row\">{E(label)}</th><td>{E(value)}</td></tr>");
}
