using Reassess.Core.Ingestion;
using Reassess.Core.Time;

namespace Reassess.Core.Trends;

/// <summary>How trend rows are grouped: by the workloads' team, cost centre, or each workload on its own.</summary>
public enum TrendGrouping
{
    Team,
    CostCenter,
    Workload,
}

public enum TrendFormat
{
    Csv,
    Json,
}

/// <summary>
/// One question to the cost trends (<c>reassess trends</c> and <c>GET /api/trends</c> take the same options, checked
/// here once): group <see cref="By"/>, weeks <see cref="From"/> to <see cref="To"/> (both included), answer as CSV or JSON.
/// </summary>
public sealed record TrendQuery(TrendGrouping By, IsoWeek From, IsoWeek To, TrendFormat Format)
{
    /// <summary>Weeks in the default range: the report's twelve.</summary>
    public const int DefaultWeeks = 12;

    /// <summary>What a missing format means, for the CLI and the API alike.</summary>
    public const TrendFormat DefaultFormat = TrendFormat.Json;

    /// <summary>At most ten years of weeks in one answer.</summary>
    public const int MaxWeeks = 530;

    public static readonly IReadOnlyList<string> Groupings = ["team", "costCenter", "workload"];
    public static readonly IReadOnlyList<string> Formats = ["csv", "json"];

    /// <summary>The option value of a grouping as typed (<c>costCenter</c>).</summary>
    public static string Name(TrendGrouping by) => by switch
    {
        TrendGrouping.Team => "team",
        TrendGrouping.CostCenter => "costCenter",
        _ => "workload",
    };

    /// <summary>
    /// Reads the options as typed. Missing <paramref name="to"/> is <paramref name="latest"/> (the newest week with
    /// trends, else the current one); missing <paramref name="from"/> is 11 weeks before <c>to</c>; missing
    /// <paramref name="by"/> is team and missing <paramref name="format"/> is <see cref="DefaultFormat"/> (JSON).
    /// A wrong option gives a problem naming it (field <c>by</c>, <c>from</c>, <c>to</c> or <c>format</c>).
    /// </summary>
    public static bool TryParse(
        string? by, string? from, string? to, string? format, IsoWeek latest,
        out TrendQuery query, out InputProblem? problem)
    {
        query = new TrendQuery(TrendGrouping.Team, latest, latest, DefaultFormat);
        problem = null;

        var grouping = TrendGrouping.Team;
        if (!string.IsNullOrWhiteSpace(by))
        {
            var key = by.Trim().Replace("-", "").Replace("_", "").ToLowerInvariant();
            TrendGrouping? parsed = key switch
            {
                "team" => TrendGrouping.Team,
                "costcenter" or "costcentre" => TrendGrouping.CostCenter,
                "workload" => TrendGrouping.Workload,
                _ => null,
            };
            if (parsed is null)
            {
                problem = new InputProblem("request", "by", $"'{by}' is not a grouping; use team, costCenter or workload.");
                return false;
            }

            grouping = parsed.Value;
        }

        var end = latest;
        if (!string.IsNullOrWhiteSpace(to) && !IsoWeek.TryParse(to.Trim(), out end))
        {
            problem = new InputProblem("request", "to", $"'{to}' is not an ISO week; use yyyy-Www, e.g. 2026-W48.");
            return false;
        }

        var start = end;
        for (var i = 1; i < DefaultWeeks; i++) start = start.Previous;
        if (!string.IsNullOrWhiteSpace(from) && !IsoWeek.TryParse(from.Trim(), out start))
        {
            problem = new InputProblem("request", "from", $"'{from}' is not an ISO week; use yyyy-Www, e.g. 2026-W37.");
            return false;
        }

        if (start.CompareTo(end) > 0)
        {
            problem = new InputProblem("request", "from", $"{start} is after to ({end}).");
            return false;
        }

        if (WeeksBetween(start, end) > MaxWeeks)
        {
            problem = new InputProblem("request", "from", $"{start} to {end} is more than {MaxWeeks} weeks; ask for a shorter range.");
            return false;
        }

        var answer = DefaultFormat;
        if (!string.IsNullOrWhiteSpace(format))
        {
            switch (format.Trim().ToLowerInvariant())
            {
                case "csv": answer = TrendFormat.Csv; break;
                case "json": answer = TrendFormat.Json; break;
                default:
                    problem = new InputProblem("request", "format", $"'{format}' is not a trends format; use csv or json.");
                    return false;
            }
        }

        query = new TrendQuery(grouping, start, end, answer);
        return true;
    }

    /// <summary>Weeks from <paramref name="from"/> to <paramref name="to"/>, both counted.</summary>
    public static int WeeksBetween(IsoWeek from, IsoWeek to) => (to.Monday.DayNumber - from.Monday.DayNumber) / 7 + 1;

    /// <summary>Every week of the range, oldest first.</summary>
    public IEnumerable<IsoWeek> Weeks()
    {
        for (var w = From; w.CompareTo(To) <= 0; w = w.Next) yield return w;
    }
}
