using System.Diagnostics;
using Reassess.Pipeline.Jobs;
using Reassess.Sources;
using Reassess.Storage.Runs;

namespace Reassess.Pipeline.Telemetry;

/// <summary>
/// The pipeline's spans: one per timer invocation (the job's lock and its run), one per job run (the root of its trace
/// when nothing started one, like <c>reassess run</c>), and one per source read within it (a price sheet, a usage source). Tags say what was read and what came of it;
/// never a key, a query string or a row's content.
/// </summary>
public static class JobTelemetry
{
    public const string SourceName = "Reassess.Pipeline";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>A timer's invocation of a job: taking the job's lock, then the run.</summary>
    public static Activity? StartTimer(JobName job, bool isPastDue)
    {
        var activity = Source.StartActivity($"timer {job}");
        activity?.SetTag("reassess.job", job.ToString());
        activity?.SetTag("reassess.timer.past_due", isPastDue);
        return activity;
    }

    public static Activity? StartRun(JobName job, RunPeriod period)
    {
        var activity = Source.StartActivity(job.ToString());
        activity?.SetTag("reassess.job", job.ToString());
        activity?.SetTag("reassess.period", period.Label);
        return activity;
    }

    /// <param name="kind"><c>price sheet</c> or <c>usage source</c>.</param>
    /// <param name="where">A file path, or a URL (only its scheme, host and path are kept).</param>
    public static Activity? StartRead(string kind, string format, string where)
    {
        var activity = Source.StartActivity($"{kind} {format}");
        activity?.SetTag("reassess.source.format", format);
        activity?.SetTag("reassess.source.location", SourceLocation.Of(where).Url is { } url ? url.GetLeftPart(UriPartial.Path) : where);
        return activity;
    }
}
