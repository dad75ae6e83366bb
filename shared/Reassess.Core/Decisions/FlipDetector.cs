namespace Reassess.Core.Decisions;

/// <summary>
/// A verdict that differs from the workload's previous assessment is a flip; its drivers say in words and numbers
/// what moved: thresholds, the best route, the frontier price, volume, payback, latency and quality.
/// </summary>
public static class FlipDetector
{
    /// <summary>Moves smaller than this share are noise, not drivers.</summary>
    private const decimal NoticeableChange = 0.005m;

    public static Flip? Detect(Assessment? previous, Assessment current)
    {
        if (previous is null || previous.Verdict == current.Verdict) return null;
        return new Flip(previous.Verdict, previous.AssessedAt, Drivers(previous, current));
    }

    public static IReadOnlyList<string> Drivers(Assessment previous, Assessment current)
    {
        var drivers = new List<string>();

        foreach (var ((name, before), (_, after)) in previous.Thresholds.Named().Zip(current.Thresholds.Named()))
        {
            if (before.Status != after.Status)
                drivers.Add($"{name} threshold {before.Status} → {after.Status}: {after.Evidence}");
        }

        AddRouteChange(drivers, previous, current);
        AddPriceMoves(drivers, previous, current);

        var (callsBefore, callsAfter) = (previous.Economics.MonthlyCalls, current.Economics.MonthlyCalls);
        if (Changed(callsBefore, callsAfter) is { } volumeChange)
            drivers.Add($"monthly calls {Signed(volumeChange)} ({Evidence.Calls(callsBefore)} → {Evidence.Calls(callsAfter)})");

        var (paybackBefore, paybackAfter) = (previous.Economics.PaybackMonths, current.Economics.PaybackMonths);
        if (paybackBefore != paybackAfter)
            drivers.Add($"payback {Months(paybackBefore)} → {Months(paybackAfter)}");

        var (p95Before, p95After) = (previous.Inputs.Window.LatencyP95Ms, current.Inputs.Window.LatencyP95Ms);
        if (p95Before is { } lb && p95After is { } la && Changed(lb, la) is not null)
            drivers.Add($"p95 latency {Evidence.Number(lb, "0")} → {Evidence.Number(la, "0")} ms");

        var (evalsBefore, evalsAfter) = (previous.Inputs.Window.EvalScores, current.Inputs.Window.EvalScores);
        if (evalsBefore.Count > 0 && evalsAfter.Count > 0 && evalsBefore[^1] != evalsAfter[^1])
            drivers.Add($"latest eval {Evidence.Number(evalsBefore[^1], "0.0")} → {Evidence.Number(evalsAfter[^1], "0.0")}");

        return drivers;
    }

    /// <summary>A new best route (or none any more), or the same model at another share or a noticeably other 12-month net.</summary>
    private static void AddRouteChange(List<string> drivers, Assessment previous, Assessment current)
    {
        var (before, after) = (BestRoute(previous), BestRoute(current));
        if (before is null && after is null) return;
        if (before?.Model != after?.Model || before?.Share != after?.Share)
        {
            drivers.Add($"best route {Route(before, previous)} → {Route(after, current)}");
            return;
        }

        var (netBefore, netAfter) = (before!.HorizonNet ?? 0m, after!.HorizonNet ?? 0m);
        if (Changed(netBefore, netAfter) is { } netChange)
            drivers.Add($"best route {after.Model} {current.Economics.HorizonMonths}-month net {Signed(netChange)} ({Evidence.Money(netBefore)} → {Evidence.Money(netAfter)})");
    }

    private static OptionSummary? BestRoute(Assessment assessment) =>
        assessment.BestRoute is { } model
            ? (assessment.Options ?? []).FirstOrDefault(o => o.Kind == OptionKind.Route && o.Model == model)
                ?? new OptionSummary { Kind = OptionKind.Route, Model = model }
            : null;

    private static string Route(OptionSummary? route, Assessment assessment) => route switch
    {
        null => "none",
        { HorizonNet: { } net } => $"{route.Model} ({Share(route)} of calls, {assessment.Economics.HorizonMonths}-month net {Evidence.Money(net)})",
        _ => $"{route.Model} ({Share(route)} of calls)",
    };

    private static string Share(OptionSummary route) => Evidence.Number(route.Share * 100m, "0.#") + "%";

    private static void AddPriceMoves(List<string> drivers, Assessment previous, Assessment current)
    {
        foreach (var now in current.Inputs.Prices)
        {
            var before = previous.Inputs.Prices.FirstOrDefault(p => p.Role == now.Role && p.Key == now.Key);
            if (before is null) continue;
            if (before.InputPerMTok is { } ib && now.InputPerMTok is { } ia && Changed(ib, ia) is { } inputChange)
                drivers.Add($"{now.Key} input price {Signed(inputChange)} ({Evidence.Number(ib, "0.00##")} → {Evidence.Number(ia, "0.00##")} $/MTok)");
            if (before.OutputPerMTok is { } ob && now.OutputPerMTok is { } oa && Changed(ob, oa) is { } outputChange)
                drivers.Add($"{now.Key} output price {Signed(outputChange)} ({Evidence.Number(ob, "0.00##")} → {Evidence.Number(oa, "0.00##")} $/MTok)");
        }
    }

    private static decimal? Changed(decimal before, decimal after)
    {
        if (before == after) return null;
        if (before == 0) return null;
        var change = (after - before) / before;
        return Math.Abs(change) < NoticeableChange ? null : change;
    }

    private static string Signed(decimal change) =>
        (change > 0 ? "+" : "−") + Evidence.Number(Math.Abs(change) * 100m, "0.0") + "%";

    private static string Months(decimal? months) =>
        months is { } m ? $"{Evidence.Number(m, "0.0")} months" : "none within 120 months";
}
