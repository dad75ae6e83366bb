using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reassess.Storage.Configuration;

namespace Reassess.Storage.Blobs;

/// <summary>
/// The files Reassess keeps as blobs, by path: <c>{container}/{name}</c> with the container as configured (no test
/// prefix), so a path reads the same in logs everywhere. The stores (<see cref="ReportStore"/>,
/// <see cref="PriceSheetArchive"/>) decide the names and hand such paths out; this reads any of them back.
/// </summary>
public sealed class BlobFiles(StorageAccount account)
{
    private readonly StorageSettings _settings = account.Settings;

    /// <summary>Reads a blob by its path (<c>{container}/{name}</c>, e.g. <c>reports/latest/summary.md</c>); null when absent.</summary>
    public Task<StoredFile?> DownloadAsync(string path, CancellationToken cancellationToken = default)
    {
        var (container, name) = Resolve(path);
        return DownloadAsync(container, name, cancellationToken);
    }

    /// <summary>Paths of the blobs under <paramref name="pathPrefix"/> (<c>{container}/{folder…}</c>), in name order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string pathPrefix, CancellationToken cancellationToken = default)
    {
        var (container, prefix) = Resolve(pathPrefix, allowEmptyName: true);
        return (await ListAsync(container, prefix, cancellationToken).ConfigureAwait(false)).Select(b => b.Path).ToList();
    }

    /// <summary>The path a blob of <paramref name="container"/> (its configured name) is known by.</summary>
    internal static string PathOf(string container, string name) => $"{container}/{name}";

    internal async Task<StoredFile?> DownloadAsync(string container, string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = await account.Container(container).GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var details = result.Value.Details;
            return new StoredFile(PathOf(container, name), result.Value.Content.ToArray(), details.ContentType ?? "", details.Metadata.AsReadOnly());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blobs under <paramref name="prefix"/> in <paramref name="container"/>, in name order, with their metadata.</summary>
    internal async Task<IReadOnlyList<(string Name, string Path, IDictionary<string, string> Metadata)>> ListAsync(
        string container, string prefix, CancellationToken cancellationToken)
    {
        var blobs = new List<(string, string, IDictionary<string, string>)>();
        await foreach (var blob in account.Container(container)
                           .GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix.Length == 0 ? null : prefix, cancellationToken).ConfigureAwait(false))
            blobs.Add((blob.Name, PathOf(container, blob.Name), blob.Metadata));
        return blobs;
    }

    /// <summary>Writes a blob (overwriting); returns its path.</summary>
    internal async Task<string> UploadAsync(
        string container, string name, ReadOnlyMemory<byte> content, string contentType, IDictionary<string, string> metadata,
        CancellationToken cancellationToken)
    {
        var client = account.Container(container);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata,
        };
        try
        {
            await client.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "ContainerNotFound")
        {
            throw new InvalidOperationException(
                $"Container {client.Name} does not exist: call StorageAccount.EnsureCreatedAsync at start-up.", e);
        }

        return PathOf(container, name);
    }

    internal Task DeleteAsync(string container, string name, CancellationToken cancellationToken) =>
        account.Container(container).DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);

    /// <summary>One folder or file name in a blob path: no separators, no dot folders, no control characters.</summary>
    internal static string Segment(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value is "." or ".." || value.Length > 255
            || value.Any(c => c is '/' or '\\' || char.IsControl(c)))
            throw new ArgumentException(
                $"{what} '{value}' cannot be part of a blob path: it must be 1-255 characters without '/', '\\' or control characters, and not '.' or '..'.");
        return value;
    }

    internal static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".json" => "application/json",
        ".csv" => "text/csv",
        ".html" or ".htm" => "text/html",
        ".md" => "text/markdown",
        ".txt" => "text/plain",
        ".xml" => "application/xml",
        _ => "application/octet-stream",
    };

    /// <summary>Splits <c>{container}/{name}</c>, checking the container is one Reassess keeps files in.</summary>
    private (string Container, string Name) Resolve(string path, bool allowEmptyName = false)
    {
        var parts = path.Split('/', 2);
        var known = new[] { _settings.PriceSheetsContainer, _settings.UsageDropsContainer, _settings.ReportsContainer };
        if (!known.Contains(parts[0], StringComparer.Ordinal))
            throw new ArgumentException($"Path '{path}' does not start with a known container ({string.Join(", ", known)}).", nameof(path));
        var name = parts.Length > 1 ? parts[1] : "";
        if (name.Length == 0 && !allowEmptyName)
            throw new ArgumentException($"Path '{path}' names a container but no blob in it.", nameof(path));
        return (parts[0], name);
    }
}
