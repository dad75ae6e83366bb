using System.Text;
using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting;

/// <summary>
/// <c>summary.md</c>: short enough to paste into a team channel — the week, verdict counts, spend and savings,
/// one line per flip with its main driver (fragile flips marked), the top fine-tune candidates and the top routes by
/// horizon net, and how many inputs were skipped.
/// </summary>
public static class MarkdownSummary
{
    public const string FileName = WeeklyReportRenderer.SummaryMarkdown;
    public const string ContentType = "text/markdown; charset=utf-8";

    /// <summary>How many fine-tune candidates, and how many routes, the summary lists.</summary>
    public const int TopCandidates = 5;

    public static ReportFile Render(WeeklyReport report) => Render(ReportModel.Build(report));

    internal static ReportFile Render(ReportModel model)
    {
        var md = new StringBuilder();
        var t = model.Totals;
        void Line(string text = "") => md.Append(text).Append('\n');

        Line($"# Reassess weekly report {model.Report.Week}");
        Line();
        Line($"{ReportText.WorkloadCount(t.Workloads)} assessed as of {ReportFormat.Instant(model.Report.AsOf)}: " +
             $"**{t.FineTune} FineTune**, {t.PrepareFineTune} PrepareFineTune, **{t.Route} Route**, {t.StayOnFrontier} StayOnFrontier.");
        Line($"Baseline LLM spend {E(ReportFormat.Money(t.BaselineMonthlyCost))}/month. " +
             $"Projected savings {E(ReportFormat.Money(t.ChosenHorizonNet))} net over the horizon, {E(ReportFormat.Money(t.ChosenMonthlyNetSavings))}/month run rate " +
             "(each verdict's chosen option: the fine-tune of FineTune and PrepareFineTune, the best route of Route); " +
             $"FineTune and Route verdicts, ready to act on: {E(ReportFormat.Money(t.ProjectedMonthlySavings))}/month.");
        if (SpendTrendLine(model) is { } trend) Line(trend);
        Line();

        Line($"## Flips ({model.Flips.Count})");
        Line();
        if (model.Flips.Count == 0)
        {
            Line("No verdict changed since the previous assessment.");
        }
        else
        {
            foreach (var entry in model.Flips)
            {
                var a = entry.Assessment;
                var fragile = ReportText.Fragile(a, "fragile flip") is { } f ? $" **{E(f)}**" : "";
                Line($"- **{E(ReportText.WorkloadLabel(a))}** ({E(ReportText.TeamLabel(a.Team))}): " +
                     $"{ReportText.FlipTransition(a, a.Flip!)}{fragile} \u2014 {E(ReportText.MainDriver(a.Flip!))}");
            }
        }

        Line();
        Line("## Top fine-tune candidates");
        Line();
        var candidates = model.Entries
            .Where(e => e.Assessment.Verdict == Verdict.FineTune)
            .OrderByDescending(e => e.Assessment.Economics.HorizonNet)
            .ThenBy(e => e.Anchor, StringComparer.Ordinal)
            .Take(TopCandidates)
            .ToList();
        if (candidates.Count == 0) Line("No workload has a FineTune verdict this week.");
        for (var i = 0; i < candidates.Count; i++)
        {
            var a = candidates[i].Assessment;
            var e = a.Economics;
            Line($"{i + 1}. {Workload(a)}: " +
                 $"horizon net {E(ReportFormat.Money(e.HorizonNet))} over {e.HorizonMonths} months, " +
                 $"payback {E(ReportFormat.Payback(e.PaybackMonths))}, saves {E(ReportFormat.Money(e.MonthlyNetSavings))}/month{Fragile(a)}");
        }

        Line();
        Line("## Top routes");
        Line();
        var routes = PortfolioRanking.Routes(model).Take(TopCandidates).ToList();
        if (routes.Count == 0) Line("No workload has a Route verdict this week.");
        for (var i = 0; i < routes.Count; i++)
        {
            var (entry, route) = routes[i];
            var a = entry.Assessment;
            Line($"{i + 1}. {Workload(a)}: {E(ReportText.RouteAction(route))}, " +
                 $"horizon net {E(ReportFormat.Money(route.HorizonNet ?? 0m))} over {a.Economics.HorizonMonths} months, " +
                 $"payback {E(ReportFormat.Payback(route.PaybackMonths))}, saves {E(ReportFormat.Money(route.MonthlyNetSavings ?? 0m))}/month{Fragile(a)}");
        }

        DidItPay(model, Line);
        Line();
        if (model.Report.PriceAlerts is { Count: > 0 } alerts) Line($"{ReportText.PriceAlertsLine(alerts)} (details in index.html).");
        Line(model.Skipped.Count == 0
            ? "Skipped inputs: none."
            : $"Skipped inputs: {ReportFormat.Count(model.Skipped.Count)} (reasons in index.html).");

        return new ReportFile(FileName, WeeklyReportRenderer.Utf8.GetBytes(md.ToString()), ContentType);
    }

    /// <summary>"Did it pay?": a line per recorded decision with its verdict and savings to date; nothing when there are none.</summary>
    private static void DidItPay(ReportModel model, Action<string> line)
    {
        if (model.Report.Outcomes.Count == 0) return;
        line("");
        line("## Did it pay?");
        line("");
        foreach (var o in DidItPayEntry.InReportOrder(model.Report.Outcomes))
            line($"- **{E(o.WorkloadName)}** ({E(ReportText.TeamLabel(o.Team))}), {E(o.ActionText)} on {ReportFormat.Date(o.Decision.Date)}: {E(o.Outcome.Verdict)}; " +
                 $"savings to date {(o.Outcome.Outcome?.SavingsToDate is { } s ? E(ReportFormat.Money(s)) : "not known yet")}.");
    }

    private static string Workload(Assessment a) => $"**{E(ReportText.WorkloadLabel(a))}** ({E(ReportText.TeamLabel(a.Team))})";

    private static string Fragile(Assessment a) => ReportText.Fragile(a) is { } text ? $" \u2014 **{E(text)}**" : "";

    /// <summary><c>Spend trend: $46,700.12/month in W39 → $51,822.07/month in W48 (+11.0%).</c>; null without two weeks on record.</summary>
    internal static string? SpendTrendLine(ReportModel model)
    {
        var trends = model.Trends;
        var labels = trends.Labels;
        var known = trends.Total.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList();
        if (known.Count < 2) return null;
        var (first, last) = (known[0], known[^1]);
        var change = first.v != 0 ? $" ({ReportFormat.PercentChange((last.v!.Value - first.v!.Value) / first.v.Value * 100m)})" : "";
        return $"Spend trend: {E(ReportFormat.Money(first.v!.Value))}/month in {labels[first.i]} \u2192 {E(ReportFormat.Money(last.v!.Value))}/month in {labels[last.i]}{change}.";
    }

    /// <summary>
    /// Text from data as literal Markdown: line breaks become spaces and the characters that would start emphasis,
    /// links, code, HTML or tables are backslash-escaped (so a workload named <c>&lt;script&gt;</c> stays text).
    /// </summary>
    internal static string E(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? "")
        {
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#' or '!' or '&':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
