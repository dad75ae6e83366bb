using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources;
using Reassess.Sources.Http;
using Reassess.Sources.Usage;
using Reassess.Sources.Usage.Api;

namespace Reassess.Pipeline.Usage;

/// <summary>What reading one provider or billing source gave, before mapping: its rows, its problems, and how much was read.</summary>
public sealed record MeteredRead(
    IReadOnlyList<MeteredUsage> Rows,
    IReadOnlyList<InputProblem> Rejected,
    IReadOnlyList<InputProblem> Skipped,
    long Bytes,
    TimeSpan Elapsed)
{
    /// <summary>Lines or results read (a FOCUS export's lines, not the daily rows they add up to).</summary>
    public long InputRows { get; init; } = -1;

    public ReadProgress Progress => new(InputRows >= 0 ? InputRows : Rows.Count, Bytes, Elapsed);
}

/// <summary>
/// Reads one provider or billing source (<c>openai</c>, <c>anthropic</c>, their <c>-costs</c>, <c>azure-monitor</c>,
/// <c>focus</c>) wherever it is: a URL is pulled over its API for the last <see cref="UsageIngestOptions.PullDays"/>
/// days (paged, with retries); a file or a folder is read file by file (FOCUS streamed, plain or gzip, with progress).
/// A file or page that cannot be read becomes a problem and adds nothing; the rest is read. The ingest job and
/// <c>reassess usage import</c> both read through here.
/// </summary>
public sealed class MeteredSourceReader(TimeProvider clock, UsageIngestOptions options, Action<string> say)
{
    private static readonly string[] JsonExtensions = [".json"];
    private static readonly string[] FocusExtensions = [".csv", ".gz"];

    /// <param name="pathOrUrl">A URL, or a file or folder path (already resolved).</param>
    public async Task<MeteredRead> ReadAsync(string format, string pathOrUrl, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        if (SourceLocation.Of(pathOrUrl).Url is { } url) return await PullAsync(format, url, started, cancellationToken).ConfigureAwait(false);

        var files = DropFolder.Files(pathOrUrl, format == UsageSourceNames.Focus ? FocusExtensions : JsonExtensions);
        if (files is null)
            return new MeteredRead([], [new InputProblem(pathOrUrl, "", "does not exist; check the path (Reassess__UsageSources).")], [], 0, TimeSpan.Zero);

        long inputRows = 0;
        ReadProgress? streamed = null;
        IRecordReader<MeteredUsage> ReaderFor(string file)
        {
            var name = Path.GetFileName(file);
            streamed = null;
            return UsageReaders.Create(clock, p =>
            {
                streamed = p;
                say($"  {name}: {p}");
            }).Get(format);
        }

        var read = await FileByFile.ReadAllAsync(files, ReaderFor, clock, file =>
        {
            // A streamed export says how many lines it read; a JSON answer's rows are its daily rows.
            if (!file.Refused) inputRows += streamed?.Rows ?? file.Result.Records.Count;
        }, cancellationToken).ConfigureAwait(false);

        return new MeteredRead(read.Records, read.Rejected, read.Skipped, read.Bytes, clock.GetElapsedTime(started)) { InputRows = inputRows };
    }

    private async Task<MeteredRead> PullAsync(string format, Uri url, long started, CancellationToken cancellationToken)
    {
        var clients = options.HttpClients;
        var period = UsagePeriod.Last(options.PullDays, clock.GetUtcNow());
        void Progress(ReadProgress p) => say($"  {format} {url}: {p}");
        var http = (options.Http ?? new HttpPullOptions()) with { OnRetry = m => say($"  {m}") };

        UsagePull? pull = format switch
        {
            UsageSourceNames.OpenAi when options.OpenAiAdminKey is { } key =>
                await new OpenAiUsageApi(clients, key, clock, http).PullUsageAsync(url, period, Progress, cancellationToken).ConfigureAwait(false),
            UsageSourceNames.OpenAiCosts when options.OpenAiAdminKey is { } key =>
                await new OpenAiUsageApi(clients, key, clock, http).PullCostsAsync(url, period, Progress, cancellationToken).ConfigureAwait(false),
            UsageSourceNames.Anthropic when options.AnthropicAdminKey is { } key =>
                await new AnthropicUsageApi(clients, key, clock, http).PullUsageAsync(url, period, Progress, cancellationToken).ConfigureAwait(false),
            UsageSourceNames.AnthropicCosts when options.AnthropicAdminKey is { } key =>
                await new AnthropicUsageApi(clients, key, clock, http).PullCostsAsync(url, period, Progress, cancellationToken).ConfigureAwait(false),
            UsageSourceNames.AzureMonitor =>
                await new AzureMonitorUsageApi(clients, options.AzureBearerToken(), clock, http).PullAsync(url, period, Progress, cancellationToken).ConfigureAwait(false),
            _ => null,
        };

        if (pull is null)
            return new MeteredRead([], [new InputProblem(url.ToString(), "", NoPull(format))], [], 0, TimeSpan.Zero);
        say($"Pulled {format} {url}: {pull.Result.Records.Count:N0} daily rows from {pull.Pages} page(s), {pull.Bytes:N0} bytes" +
            (pull.Complete ? "" : " (stopped at a page that failed)"));
        return new MeteredRead(pull.Result.Records, pull.Result.Rejected, pull.Result.Skipped, pull.Bytes, clock.GetElapsedTime(started));
    }

    private static string NoPull(string format) => format switch
    {
        UsageSourceNames.OpenAi or UsageSourceNames.OpenAiCosts => $"no OpenAI admin key; set {UsageIngestOptions.OpenAiAdminKeySetting} (app setting, local.settings.json or environment; or {UsageIngestOptions.OpenAiAdminKeyShellName} in your shell).",
        UsageSourceNames.Anthropic or UsageSourceNames.AnthropicCosts => $"no Anthropic admin key; set {UsageIngestOptions.AnthropicAdminKeySetting} (app setting, local.settings.json or environment; or {UsageIngestOptions.AnthropicAdminKeyShellName} in your shell).",
        _ => $"format '{format}' is read from files, not pulled from a URL; give a file or folder.",
    };
}
