using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting.Html;

/// <summary>What the team should do next, in a sentence, on the workload's card and in the ranking.</summary>
internal static class NextStep
{
    public static string Of(Assessment a)
    {
        var e = a.Economics;
        var route = ChosenOption.BestRoute(a);
        switch (a.Verdict)
        {
            case Verdict.FineTune:
                return $"Fine-tune now: {a.Thresholds.MetCount} of 4 thresholds hold and it pays back in {ReportFormat.Payback(e.PaybackMonths)}." +
                       (route is null ? "" : $" It nets {ReportFormat.Money(e.HorizonNet)} over {e.HorizonMonths} months, more than the best route " +
                                             $"({ReportText.ShareOf(route)} to {route.Model}: {FigureText.MoneyOrDash(route.HorizonNet)}).");
            case Verdict.PrepareFineTune:
                return "Close the readiness gaps first: " + string.Join("; ", (a.ReadinessGaps ?? []).Select(g => g.TrimEnd('.', ' '))) + ".";
            case Verdict.Route when route is not null:
                return $"{ReportText.RouteAction(route)}: it meets the targets, saves {FigureText.MoneyOrDash(route.MonthlyNetSavings)} / month and nets " +
                       $"{FigureText.MoneyOrDash(route.HorizonNet)} over {e.HorizonMonths} months ({RoutePayback(route.PaybackMonths)}); " +
                       $"the fine-tune would net {ReportFormat.Money(e.HorizonNet)}.";
            case Verdict.Route:
                // Stored before options existed: the best route is named, but there are no figures to quote.
                return $"Switch or route to {a.BestRoute}: it meets the targets and returns more than a fine-tune.";
        }

        return e.HorizonNet > 0
            ? $"It would pay, but only {a.Thresholds.MetCount} of 4 thresholds hold (2 needed); keep improving prompts and caching."
            : $"Does not pay within {e.HorizonMonths} months; keep improving prompts, caching and routing.";
    }

    /// <summary>Zero months means the route has no migration cost, so there is nothing to pay back rather than an instant payback.</summary>
    private static string RoutePayback(decimal? months) => months switch
    {
        0m => "nothing up front to recover",
        { } m => $"the migration pays back in {ReportFormat.Months(m)} months",
        null => $"the migration does not pay back within {ReportFormat.PaybackLimitMonths} months",
    };
}
