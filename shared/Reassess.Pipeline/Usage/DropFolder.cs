using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Pipeline.Telemetry;

namespace Reassess.Pipeline.Usage;

/// <summary>A configured path that is a file or a folder of files, and reading one of them with a reader, reporting rather than failing.</summary>
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

    /// <summary>Reads one file: its bad entries become problems, and a file that cannot be read at all is skipped whole (rows stored before stay).</summary>
    public static async Task<IReadOnlyList<T>> ReadFileAsync<T>(
        PipelineContext context, IRecordReader<T> reader, string file, JobOutcome outcome, CancellationToken cancellationToken)
    {
        var started = context.Clock.GetTimestamp();
        using var span = JobTelemetry.StartRead("usage drop", reader.Format, file);
        try
        {
            await using var stream = File.OpenRead(file);
            var now = context.Clock.GetUtcNow();
            var result = await reader.ReadAsync(stream, file, new ReadContext(now, now), cancellationToken);
            outcome.AddProblems(result.Rejected);
            span?.SetTag("reassess.source.rows", result.Records.Count);
            span?.SetTag("reassess.source.rejected", result.Rejected.Count);
            var elapsed = context.Clock.GetElapsedTime(started).TotalSeconds;
            context.Logger.LogInformation("Read {File}: {Rows:N0} rows, {Rejected:N0} rejected ({Rate:N0} rows/s)",
                Path.GetFileName(file), result.Records.Count, result.Rejected.Count, elapsed > 0 ? result.Records.Count / elapsed : 0);
            return result.Records;
        }
        catch (InputRejectedException e)
        {
            outcome.AddProblem(e.Problem with { Message = $"{e.Problem.Message} — file skipped; rows stored before stay." });
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "file skipped");
            return [];
        }
    }
}
