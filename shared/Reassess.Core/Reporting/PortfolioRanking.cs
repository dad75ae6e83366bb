using Reassess.Core.Decisions;

namespace Reassess.Core.Reporting;

/// <summary>The orders of the report's two portfolio lists; the routes' order is shared by index.html and summary.md.</summary>
internal static class PortfolioRanking
{
    /// <summary>
    /// "Fine-tune next": FineTune, then PrepareFineTune, then Route, then StayOnFrontier; within each, the fine-tune's
    /// horizon net descending, then payback ascending (none last). FineTune and PrepareFineTune lead because a fine-tune
    /// is what they recommend (a plan with gaps to close still ranks above no plan). Route comes next, not last: a
    /// fine-tune is not its next step (a cheaper model returns more for less effort), but the workload is one to act on,
    /// and its fine-tune is the one to revisit first when that model's price or score moves. StayOnFrontier has nothing
    /// to act on, so it closes the list.
    /// </summary>
    public static IEnumerable<ReportEntry> FineTuneNext(ReportModel model) => model.Entries
        .OrderBy(e => e.Assessment.Verdict switch { Verdict.FineTune => 0, Verdict.PrepareFineTune => 1, Verdict.Route => 2, _ => 3 })
        .ThenByDescending(e => e.Assessment.Economics.HorizonNet)
        .ThenBy(e => e.Assessment.Economics.PaybackMonths ?? decimal.MaxValue)
        .ThenBy(e => e.Anchor, StringComparer.Ordinal);

    /// <summary>Route verdicts with their best route's option, by the route's horizon net descending.</summary>
    public static IEnumerable<(ReportEntry Entry, OptionSummary Route)> Routes(ReportModel model) => model.Entries
        .Where(e => e.Assessment.Verdict == Verdict.Route)
        .Select(e => (Entry: e, Route: ChosenOption.BestRoute(e.Assessment)))
        .Where(r => r.Route is not null)
        .Select(r => (r.Entry, r.Route!))
        .OrderByDescending(r => r.Item2.HorizonNet ?? 0m)
        .ThenBy(r => r.Item1.Anchor, StringComparer.Ordinal);
}
