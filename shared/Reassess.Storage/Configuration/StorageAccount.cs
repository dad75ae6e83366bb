using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Reassess.Storage.Configuration;

/// <summary>
/// The storage account the settings point at: builds the table and blob clients from a connection string or from
/// service URIs plus an Azure identity, and creates every table and container on start-up. Building clients does
/// not touch the network; a wrong setting is reported when the account is built, naming the setting. Every client
/// retries transient failures as <see cref="StorageRetryOptions"/> says.
/// </summary>
public sealed partial class StorageAccount
{
    public StorageAccount(StorageSettings settings, TokenCredential? credential = null, StorageRetryOptions? retry = null)
    {
        Settings = settings;
        CheckNames(settings);
        Retry = retry ?? StorageRetryOptions.Default;
        Retry.Validate();
        var tableOptions = Retry.ApplyTo(new TableClientOptions());
        var blobOptions = Retry.ApplyTo(new BlobClientOptions());
        if (settings.IsConnectionString)
        {
            Tables = FromConnectionString(() => new TableServiceClient(settings.ConnectionString, tableOptions));
            Blobs = FromConnectionString(() => new BlobServiceClient(settings.ConnectionString, blobOptions));
        }
        else if (settings.IsIdentityBased)
        {
            var tableUri = settings.TableServiceUri ?? throw Missing(StorageSettings.Keys.TableServiceUri, "tables");
            var blobUri = settings.BlobServiceUri ?? throw Missing(StorageSettings.Keys.BlobServiceUri, "blobs");
            Credential = credential ?? CredentialFor(settings);
            Tables = new TableServiceClient(tableUri, Credential, tableOptions);
            Blobs = new BlobServiceClient(blobUri, Credential, blobOptions);
        }
        else
        {
            throw new StorageConfigurationException(
                $"No storage is configured. Set {StorageSettings.Keys.Connection} to a connection string " +
                $"(UseDevelopmentStorage=true for Azurite), or set {StorageSettings.Keys.BlobServiceUri} and " +
                $"{StorageSettings.Keys.TableServiceUri} (with {StorageSettings.Keys.Credential}=managedidentity) for identity-based access.");
        }
    }

    public StorageSettings Settings { get; }

    /// <summary>How the clients retry; <see cref="StorageRetryOptions.Default"/> unless the caller chose otherwise.</summary>
    public StorageRetryOptions Retry { get; }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>The identity used for identity-based access; null with a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>A table by its configured (unprefixed) name, e.g. <c>Settings.PricesTable</c>.</summary>
    public TableClient Table(string table) => Tables.GetTableClient(Settings.TableName(table));

    /// <summary>A container by its configured (unprefixed) name, e.g. <c>Settings.ReportsContainer</c>.</summary>
    public BlobContainerClient Container(string container) => Blobs.GetBlobContainerClient(Settings.ContainerName(container));

    /// <summary>
    /// Creates every table and container that does not exist yet; safe to call on every start. Month tables are
    /// created by the first write of their month.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in Settings.AllTables.Except(Settings.MonthTables))
            await Table(table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var container in Settings.AllContainers)
            await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// As Azure Functions reads these settings: a user-assigned managed identity when a client id is given, the
    /// system-assigned one for <c>credential=managedidentity</c>, otherwise the developer credential chain
    /// (Azure CLI, Visual Studio, environment...) so the same settings work from a laptop.
    /// </summary>
    private static TokenCredential CredentialFor(StorageSettings settings)
    {
        var kind = settings.Credential;
        if (kind is not null && !kind.Equals("managedidentity", StringComparison.OrdinalIgnoreCase))
            throw new StorageConfigurationException(
                $"Setting {StorageSettings.Keys.Credential} is '{kind}'; the only supported value is 'managedidentity' (or leave it empty).");
        if (settings.ClientId is not null)
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.ClientId));
        if (kind is not null)
            return new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        return new DefaultAzureCredential();
    }

    private static T FromConnectionString<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new StorageConfigurationException(
                $"Setting {StorageSettings.Keys.Connection} is not a valid storage connection string ({e.Message}). " +
                "Use UseDevelopmentStorage=true for Azurite, or copy the account's connection string.", e);
        }
    }

    private static StorageConfigurationException Missing(string key, string what) =>
        new($"Identity-based storage is configured but {key} is not set, so {what} cannot be reached. " +
            $"Set it, e.g. https://<account>.{(what == "tables" ? "table" : "blob")}.core.windows.net.");

    private static void CheckNames(StorageSettings settings)
    {
        foreach (var (setting, table) in new[]
                 {
                     (nameof(settings.WorkloadsTable), settings.WorkloadsTable), (nameof(settings.PricesTable), settings.PricesTable),
                     (nameof(settings.UsageDailyTable), settings.UsageDailyTable), (nameof(settings.EvalsTable), settings.EvalsTable),
                     (nameof(settings.AssessmentsTable), settings.AssessmentsTable),
                     (nameof(settings.CostTrendsTable), settings.CostTrendsTable), (nameof(settings.RunsTable), settings.RunsTable),
                     (nameof(settings.DeliveriesTable), settings.DeliveriesTable),
                     (nameof(settings.DecisionsTable), settings.DecisionsTable),
                 })
        {
            if (!TableNamePattern().IsMatch(settings.TableName(table)))
                throw new StorageConfigurationException(
                    $"Setting {StorageSettings.Keys.Section}__{setting} is '{table}': a table name is 3-63 letters or digits starting with a letter.");
        }

        foreach (var (setting, container) in new[]
                 {
                     (nameof(settings.PriceSheetsContainer), settings.PriceSheetsContainer),
                     (nameof(settings.UsageDropsContainer), settings.UsageDropsContainer),
                     (nameof(settings.ReportsContainer), settings.ReportsContainer),
                 })
        {
            var name = settings.ContainerName(container);
            if (!ContainerNamePattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
                throw new StorageConfigurationException(
                    $"Setting {StorageSettings.Keys.Section}__{setting} is '{container}': a container name is 3-63 lower-case letters, " +
                    "digits or single hyphens, starting and ending with a letter or digit.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$")]
    private static partial Regex ContainerNamePattern();
}

/// <summary>
/// How the table and blob clients retry a request that failed in a way worth trying again: 408, 429, 500, 502, 503 and
/// 504 answers, a dropped or refused connection, and a request with no answer within <see cref="NetworkTimeout"/>.
/// <para>
/// Why not the SDK's defaults (3 retries from 0.8 s, about 6 s of trying, and a 100 s network timeout): those suit an
/// interactive caller. Reassess's jobs are batch runs that write thousands of rows in parallel transactions, and storage
/// answers such bursts with 503 ServerBusy for seconds at a time while it rebalances partitions; a job that gives up
/// costs a rerun of the whole week. So the clients back off exponentially (1, 2, 4, 8, 16 s, each ±20% jitter, or
/// longer when storage sends Retry-After) and ride out about half a minute of throttling or a restarting emulator
/// before failing. A request with no answer for 30 s is hung rather than slow (the largest is a table transaction of
/// at most 4 MiB), so it is abandoned and retried instead of holding the run for 100 s. Tests shorten all of this.
/// </para>
/// </summary>
public sealed partial record StorageRetryOptions
{
    public static StorageRetryOptions Default { get; } = new();

    /// <summary>Retries after the first attempt (0–20).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff; each retry doubles it, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff the clients choose themselves (a Retry-After from storage is honoured as sent).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one network operation of a request may take before the attempt is abandoned (and retried).</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (MaxRetries is < 0 or > 20)
            throw new StorageConfigurationException($"Storage retry: MaxRetries is {MaxRetries}; use 0 to 20.");
        if (Delay <= TimeSpan.Zero || MaxDelay < Delay)
            throw new StorageConfigurationException(
                $"Storage retry: Delay is {Delay} and MaxDelay {MaxDelay}; the delay must be positive and at most MaxDelay.");
        if (NetworkTimeout <= TimeSpan.Zero)
            throw new StorageConfigurationException($"Storage retry: NetworkTimeout is {NetworkTimeout}; it must be positive.");
    }

    internal T ApplyTo<T>(T options) where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = Delay;
        options.Retry.MaxDelay = MaxDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.AddPolicy(new RetriesExhaustedPolicy(), HttpPipelinePosition.PerCall);
        return options;
    }

    /// <summary>
    /// Runs outside the SDK's retry policy, so it sees what is left once the retries are spent: a transient answer
    /// (503 ServerBusy, 500, a throttling 429...) or a connection that never worked. It replaces the SDK's
    /// "Retry failed after N tries" or bare status dump with what was asked for, how long it was tried, and what to
    /// do, still as a <see cref="RequestFailedException"/> with the status and error code so callers' checks hold.
    /// Callers that know more (the table batch writer knows the table and partition) wrap it with that.
    /// </summary>
    private sealed class RetriesExhaustedPolicy : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                ProcessNext(message, pipeline);
            }
            catch (Exception e) when (IsUnreachable(message, e))
            {
                throw Unreachable(message, e);
            }

            ThrowIfRetriesExhausted(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            catch (Exception e) when (IsUnreachable(message, e))
            {
                throw Unreachable(message, e);
            }

            ThrowIfRetriesExhausted(message);
        }

        /// <summary>Transport failures the retry policy gave up on; a caller's own cancellation passes through untouched.</summary>
        private static bool IsUnreachable(HttpMessage message, Exception e) =>
            !message.CancellationToken.IsCancellationRequested
            && e is AggregateException or RequestFailedException { Status: 0 } or HttpRequestException or IOException or TaskCanceledException;

        private static void ThrowIfRetriesExhausted(HttpMessage message)
        {
            if (!message.HasResponse || !message.ResponseClassifier.IsErrorResponse(message) || !message.ResponseClassifier.IsRetriableResponse(message))
                return;
            var response = message.Response;
            var code = response.Headers.TryGetValue("x-ms-error-code", out var errorCode) ? errorCode : null;
            throw new RequestFailedException(
                response.Status,
                $"{Describe(message.Request)}: {Attempts(message)} all failed; storage kept answering {response.Status} " +
                $"{(code ?? response.ReasonPhrase)} (throttling or unavailable). {WhatToDo}",
                code,
                innerException: null);
        }

        private static RequestFailedException Unreachable(HttpMessage message, Exception e)
        {
            // The innermost error says what the network did ("Connection refused", "Connection reset by peer", a timeout).
            var cause = e is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[^1] : e;
            while (cause.InnerException is not null) cause = cause.InnerException;
            var reason = cause.Message.Split('\n', 2)[0].Trim();
            return new RequestFailedException(
                0,
                $"{Describe(message.Request)}: {Attempts(message)} all failed; storage at {message.Request.Uri.Host}:{message.Request.Uri.Port} " +
                $"could not be reached ({reason}). Check that it is running and reachable. {WhatToDo}",
                errorCode: null,
                e);
        }

        private const string WhatToDo =
            "Rerun the job once storage answers again: its writes replace rows and blobs by key, so a rerun completes what this run started without duplicating anything.";

        private static string Attempts(HttpMessage message)
        {
            var attempts = message.ProcessingContext.RetryNumber + 1;
            var seconds = (DateTimeOffset.UtcNow - message.ProcessingContext.StartTime).TotalSeconds;
            return string.Create(CultureInfo.InvariantCulture, $"{attempts} attempt{(attempts == 1 ? "" : "s")} over {seconds:0.0} s");
        }

        /// <summary>The request in storage's terms: which table (and partition, when the query names one) or blob.</summary>
        private static string Describe(Request request)
        {
            var uri = request.Uri.ToUri();
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
            // Azurite (an IP address or a bare host name) puts the account name first in the path; the service puts it in the host.
            var pathStyle = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || !uri.Host.Contains('.', StringComparison.Ordinal);
            var path = pathStyle && segments.Length > 0 ? segments[1..] : segments;
            var verb = request.Method.Method;
            var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
            if (path.Length == 0) return $"{verb} {uri.Host}";
            if (path[0] == "$batch") return $"{verb} table transaction ($batch)";
            if (path[0] == "Tables" || path[0].StartsWith("Tables(", StringComparison.Ordinal)) return $"{verb} table list {path[0]}";
            var table = TableCall().Match(path[0]);
            if (table.Success)
            {
                var name = table.Groups["name"].Value;
                var keys = table.Groups["keys"].Value;
                var filter = query["$filter"];
                return keys.Length > 0 ? $"{verb} table {name} row ({keys})"
                    : filter is not null ? $"{verb} table {name} query ({filter})"
                    : $"{verb} table {name}";
            }

            var container = path[0];
            var blob = string.Join('/', path.Skip(1));
            var comp = query["comp"] is { } c ? $" ({c})" : "";
            return blob.Length == 0 ? $"{verb} blob container {container}{comp}" : $"{verb} blob {container}/{blob}{comp}";
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9]{2,62})\((?<keys>[^)]*)\)$")]
    private static partial Regex TableCall();
}
