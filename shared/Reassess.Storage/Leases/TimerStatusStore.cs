using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Leases;

/// <summary>Reads and writes <c>timers/{hostId}/{function}/status</c> in <c>azure-webjobs-hosts</c>, in Azure's JSON shape.</summary>
public sealed class TimerStatusStore(BlobContainerClient container, string hostId)
{
    public TimerStatusStore(StorageAccount account, string hostId)
        : this(WebJobsHosts.Container(account), hostId)
    {
    }

    public string HostId { get; } = WebJobsHosts.ValidateHostId(hostId);

    public string BlobName(string functionName) => WebJobsHosts.TimerStatusBlob(HostId, functionName);

    /// <summary>The stored status, or null when none was stored yet.</summary>
    /// <exception cref="InvalidDataException">The blob is not a status Azure or Reassess wrote.</exception>
    public async Task<TimerScheduleStatus?> GetAsync(string functionName, CancellationToken cancellationToken = default)
    {
        BinaryData content;
        try
        {
            content = (await container.GetBlobClient(BlobName(functionName)).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        try
        {
            return content.ToObjectFromJson<TimerScheduleStatus>()
                   ?? throw new JsonException("the blob holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Timer status blob {WebJobsHosts.ContainerName}/{BlobName(functionName)} is not {{\"Last\",\"Next\",\"LastUpdated\"}} JSON: {e.Message}", e);
        }
    }

    public async Task SaveAsync(string functionName, TimerScheduleStatus status, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient(BlobName(functionName));
        var content = BinaryData.FromObjectAsJson(status);
        try
        {
            await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
    }
}
