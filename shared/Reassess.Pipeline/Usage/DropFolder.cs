using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Pipeline.Telemetry;

namespace Reassess.Pipeline.Usage;

/// <summary>A configured path that is a file or a folder of files, and reading one of them into a job's run, reporting rather than failing.</summary>
public static class DropFolder
{
    /// <summary>The file itself, or the folder's files with one of <paramref name="extensions"/> (any depth, in name order); null when the path does not exist.</summary>
    public static IReadOnlyList<string>? Files(string path, IReadOnlyCollection<string> extensions)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) return null;
        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads one file (<see cref="FileByFile"/>) into the run: its problems go to the outcome, with a span and a log line for the file.</summary>
    public static async Task<IReadOnlyList<T>> ReadFileAsync<T>(
        PipelineContext context, IRecordReader<T> reader, string file, JobOutcome outcome, CancellationToken cancellationToken)
    {
        var started = context.Clock.GetTimestamp();
        using var span = JobTelemetry.StartRead("usage drop", reader.Format, file);
        var read = await FileByFile.ReadAsync(file, reader, context.Clock, cancellationToken);
        var result = read.Result;
        outcome.AddProblems(result.Rejected);
        if (read.Refused)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "file skipped");
            return [];
        }

        span?.SetTag("reassess.source.rows", result.Records.Count);
        span?.SetTag("reassess.source.rejected", result.Rejected.Count);
        var elapsed = context.Clock.GetElapsedTime(started).TotalSeconds;
        context.Logger.LogInformation("Read {File}: {Rows:N0} rows, {Rejected:N0} rejected ({Rate:N0} rows/s)",
            Path.GetFileName(file), result.Records.Count, result.Rejected.Count, elapsed > 0 ? result.Records.Count / elapsed : 0);
        return result.Records;
    }
}
