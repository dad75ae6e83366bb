using Reassess.Core.Reporting;

namespace Reassess.Core.Delivery;

/// <summary>A team's digest in words, with the report's labels and figures (<see cref="ReportFormat"/>, <see cref="ReportText"/>).</summary>
internal static class TeamDigestWording
{
    public static DeliveryMessage Of(TeamDigest d)
    {
        var t = d.Totals;
        var summary = $"{ReportText.WorkloadCount(t.Workloads)} assessed as of {ReportFormat.Instant(d.AsOf)}: " +
                      string.Join(", ", d.Counts.Select(c => $"{c.Count} {ReportText.VerdictName(c.Verdict)}")) + ". " +
                      $"Ready to act on: {ReportFormat.Money(t.ProjectedMonthlySavings)}/month; " +
                      $"projected savings {ReportFormat.Money(t.ChosenHorizonNet)} net over the horizon.";
        return new DeliveryMessage(
            $"Reassess {d.Week}: {ReportText.TeamLabel(d.Team)}",
            summary,
            [
                .. d.Counts.Select(c => new MessageFact(ReportText.VerdictName(c.Verdict), ReportFormat.Count(c.Count))),
                new("Flips", ReportFormat.Count(t.Flips)),
                new("Baseline spend", ReportFormat.Money(t.BaselineMonthlyCost) + "/month"),
                new("Ready to act on", ReportFormat.Money(t.ProjectedMonthlySavings) + "/month"),
            ],
            [
                new($"Flips this week ({d.Flips.Count})", [.. d.Flips.Select(Flip)], "No verdict changed since the previous assessment."),
                new($"Act on these ({d.Actions.Count})", [.. d.Actions.Select(Action)], "No FineTune or Route verdict this week."),
                new($"Fragile verdicts ({d.Fragile.Count})", [.. d.Fragile.Select(f => new MessageItem(f.WorkloadName, $"{ReportText.VerdictName(f.Verdict)}, {f.Margin}"))],
                    "No verdict is within 10% of changing."),
                new($"Evidence gaps ({d.EvidenceGaps.Count})", [.. d.EvidenceGaps.Select(g => new MessageItem(g.WorkloadName, string.Join("; ", g.Gaps)))],
                    "Every threshold could be judged."),
            ],
            DeliveryMessage.LinksOf(("Open the report", d.ReportLink)));
    }

    /// <summary><c>StayOnFrontier → FineTune, fragile flip (margin 4.6%): driver; driver</c>.</summary>
    internal static MessageItem Flip(FlipItem f) =>
        new(f.WorkloadName, $"{f.Transition}{(f.Fragile is null ? "" : ", " + f.Fragile)}: " +
                            (f.Drivers.Count == 0 ? f.MainDriver : string.Join("; ", f.Drivers)));

    private static MessageItem Action(ActionItem a) =>
        new(a.WorkloadName, $"{a.Action}: {ReportFormat.Money(a.HorizonNet)} net over {a.HorizonMonths} months, " +
                            $"{ReportFormat.Money(a.MonthlyNetSavings)}/month, payback {ReportFormat.Payback(a.PaybackMonths)}" +
                            (a.Fragile is null ? "" : $" ({a.Fragile})"));
}
