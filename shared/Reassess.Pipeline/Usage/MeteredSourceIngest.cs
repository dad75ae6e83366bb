using Microsoft.Extensions.Logging;
using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources;
using Reassess.Sources.Usage;
using Reassess.Sources.Usage.Api;

namespace Reassess.Pipeline.Usage;

/// <summary>
/// Reads one configured provider or billing source (<c>openai=https://api.openai.com</c>, <c>focus=exports/</c>, …):
/// a URL is pulled over its API for the last <see cref="UsageIngestOptions.PullDays"/> days; a file or folder is read
/// file by file (FOCUS streamed, plain or gzip). Rows are mapped to workloads; what no workload claims is totalled and
/// reported. A file or page that cannot be read is reported and adds nothing; the rest goes in.
/// </summary>
public sealed class MeteredSourceIngest(PipelineContext context, UsageMapper mapper, UsageIngestOptions options, JobOutcome outcome)
{
    private static readonly string[] JsonExtensions = [".json"];
    private static readonly string[] FocusExtensions = [".csv", ".gz"];

    /// <returns>The daily rows of workloads read from the source (to be stored).</returns>
    public async Task<IReadOnlyList<DailyUsage>> ReadAsync(SourceSpec source, IRecordReader<MeteredUsage> reader, CancellationToken cancellationToken)
    {
        var read = Uri.TryCreate(source.Path, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? await PullAsync(source.Format, url, cancellationToken).ConfigureAwait(false)
            : await ReadFilesAsync(source, reader, cancellationToken).ConfigureAwait(false);

        var mapping = mapper.Map(read);
        foreach (var lost in mapping.Unmapped)
            outcome.AddProblem(new InputProblem(source.Path, "unmapped usage", lost.ToString()));
        foreach (var (name, day) in mapping.PartialDays)
            context.Logger.LogInformation("  {Source} {Day:yyyy-MM-dd}: the source covers only part of the day so far; its totals will grow on the next pull", name, day);
        outcome.Count("unmapped usage rows", mapping.Unmapped.Sum(u => u.Rows));
        return mapping.Rows;
    }

    private async Task<IReadOnlyList<MeteredUsage>> PullAsync(string format, Uri url, CancellationToken cancellationToken)
    {
        var clients = options.HttpClients ?? new SharedHandlerClients();
        var period = UsagePeriod.Last(options.PullDays, context.Clock.GetUtcNow());
        void Progress(ReadProgress p) => context.Logger.LogInformation("  {Format} {Url}: {Progress}", format, url, p);
        var http = (options.Http ?? new Sources.Http.HttpPullOptions()) with { OnRetry = m => context.Logger.LogWarning("  {Retry}", m) };

        UsagePull? pull = format switch
        {
            UsageSourceNames.OpenAi or UsageSourceNames.OpenAiCosts when options.OpenAiAdminKey is { } key => format == UsageSourceNames.OpenAi
                ? await new OpenAiUsageApi(clients, key, context.Clock, http).PullUsageAsync(url, period, Progress, cancellationToken).ConfigureAwait(false)
                : await new OpenAiUsageApi(clients, key, context.Clock, http).PullCostsAsync(url, period, Progress, cancellationToken).ConfigureAwait(false),
            UsageSourceNames.Anthropic or UsageSourceNames.AnthropicCosts when options.AnthropicAdminKey is { } key => format == UsageSourceNames.Anthropic
                ? await new AnthropicUsageApi(clients, key, context.Clock, http).PullUsageAsync(url, period, Progress, cancellationToken).ConfigureAwait(false)
                : await new AnthropicUsageApi(clients, key, context.Clock, http).PullCostsAsync(url, period, Progress, cancellationToken).ConfigureAwait(false),
            UsageSourceNames.AzureMonitor =>
                await new AzureMonitorUsageApi(clients, options.AzureBearerToken(), context.Clock, http).PullAsync(url, period, Progress, cancellationToken).ConfigureAwait(false),
            _ => null,
        };

        if (pull is null)
        {
            outcome.AddProblem(new InputProblem(url.ToString(), "", format switch
            {
                UsageSourceNames.OpenAi or UsageSourceNames.OpenAiCosts => "no OpenAI admin key; set Reassess__OpenAiAdminKey (or OPENAI_ADMIN_KEY) in the environment.",
                UsageSourceNames.Anthropic or UsageSourceNames.AnthropicCosts => "no Anthropic admin key; set Reassess__AnthropicAdminKey (or ANTHROPIC_ADMIN_KEY) in the environment.",
                _ => $"format '{format}' is read from files, not pulled from a URL; give a file or folder.",
            }));
            return [];
        }

        outcome.AddProblems(pull.Result.Rejected);
        outcome.Count("api pages", pull.Pages);
        context.Logger.LogInformation("Pulled {Format} {Url}: {Rows:N0} daily rows from {Pages} page(s), {Bytes:N0} bytes{Incomplete}",
            format, url, pull.Result.Records.Count, pull.Pages, pull.Bytes, pull.Complete ? "" : " (stopped at a failed page)");
        return pull.Result.Records;
    }

    private async Task<IReadOnlyList<MeteredUsage>> ReadFilesAsync(SourceSpec source, IRecordReader<MeteredUsage> reader, CancellationToken cancellationToken)
    {
        var path = context.Settings.Resolve(source.Path);
        var files = DropFolder.Files(path, source.Format == UsageSourceNames.Focus ? FocusExtensions : JsonExtensions);
        if (files is null)
        {
            outcome.AddProblem(new InputProblem(path, "", "does not exist; check Reassess__UsageSources."));
            return [];
        }

        var rows = new List<MeteredUsage>();
        foreach (var file in files)
        {
            // Streamed readers (FOCUS) say how far they have got; a small file says nothing until done.
            var progressReader = source.Format == UsageSourceNames.Focus
                ? UsageReaders.Create(context.Clock, p => context.Logger.LogInformation("  {File}: {Progress}", Path.GetFileName(file), p)).Get(source.Format)
                : reader;
            rows.AddRange(await DropFolder.ReadFileAsync(context, progressReader, file, outcome, cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }
}
