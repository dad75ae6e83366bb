using Reassess.Core.Reporting;
using Reassess.Core.Reporting.Html;

namespace Reassess.Core.Delivery;

/// <summary>An alert in words. Names from data go in the title, summary and items, never in facts (see <see cref="MessageFact"/>).</summary>
internal static class AlertWording
{
    public static DeliveryMessage Of(DeliveryAlert alert, Uri? link)
    {
        var links = DeliveryMessage.LinksOf(("Open the report", link));
        var teams = new MessageSection($"Teams affected ({alert.Teams.Count})",
            [.. alert.Teams.Select(t => new MessageItem(ReportText.TeamLabel(t), ""))], "No workload uses it.");
        var day = new MessageFact("Day", ReportFormat.Date(alert.Day));
        return alert switch
        {
            VerdictFlipAlert f => new DeliveryMessage(
                $"Verdict flip: {f.Flip.WorkloadName}",
                $"{f.Flip.WorkloadName} ({ReportText.TeamLabel(alert.Teams.FirstOrDefault())}) changed verdict on reassessment: {f.Flip.Transition}.",
                [day, new("Previous", ReportText.VerdictName(f.Flip.Previous)), new("Now", ReportText.VerdictName(f.Flip.Current))],
                [new("Drivers", [.. f.Flip.Drivers.Select(d => new MessageItem("", d))], "No driver recorded."), teams],
                links),
            PriceChangeAlert p => new DeliveryMessage(
                $"Price alert: {p.Change.Key} {p.Change.Price} {p.ChangeText}",
                $"The {p.Change.Price} price of {p.Change.Key} moved {p.ChangeText} at once. Wrong prices look exactly like right ones: " +
                "check it before trusting the verdicts that use it.",
                [
                    day,
                    new("Before", PriceAlertsPart.Quote(p.Change.Price, p.Change.Before, p.Change.BeforeSource)),
                    new("After", PriceAlertsPart.Quote(p.Change.Price, p.Change.After, p.Change.AfterSource)),
                    new("Change", p.ChangeText),
                    new("Effective", ReportFormat.EffectiveFrom(p.Change.EffectiveFrom)),
                ],
                [teams],
                links),
            StaleSourceAlert s => new DeliveryMessage(
                $"Stale price source: {s.Source.Source}",
                $"Prices from {s.Source.Source} have been old since {ReportFormat.Date(s.Source.Since)}: {s.Source.Reason}. " +
                "Verdicts that use them may be out of date.",
                [day, new("Since", ReportFormat.Date(s.Source.Since))],
                [teams],
                links),
            _ => throw new ArgumentOutOfRangeException(nameof(alert), alert.Kind, "unknown alert kind"),
        };
    }
}
