using System.Globalization;

namespace Reassess.Core.Usage;

/// <summary>
/// Usage no workload claims (or that several claim), totalled per source and set of dimensions so it is reported,
/// not lost: the message says what to add to which workload's <c>usage.match</c>.
/// </summary>
public sealed record UnmappedUsage
{
    public required string Source { get; init; }
    public required UsageDimensions Dimensions { get; init; }

    /// <summary>Why no workload took it: no rule matches, or the rules of several workloads do.</summary>
    public required string Reason { get; init; }

    public DateOnly FirstDay { get; init; }
    public DateOnly LastDay { get; init; }
    public long Rows { get; init; }

    /// <summary>Calls over those days; null when the source gives no call count.</summary>
    public long? Calls { get; init; }

    public long Tokens { get; init; }
    public decimal? Cost { get; init; }
    public string? Currency { get; init; }

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var days = FirstDay == LastDay ? FirstDay.ToString("yyyy-MM-dd", inv) : $"{FirstDay.ToString("yyyy-MM-dd", inv)}–{LastDay.ToString("yyyy-MM-dd", inv)}";
        var calls = Calls is { } c ? string.Create(inv, $"{c:N0} calls, ") : "";
        var cost = Cost is { } money ? string.Create(inv, $", {money:0.##} {Currency}") : "";
        return string.Create(inv, $"{Source} usage with {Dimensions}: {calls}{Tokens:N0} tokens{cost} on {days} ({Rows:N0} daily row(s)) — {Reason}");
    }
}
