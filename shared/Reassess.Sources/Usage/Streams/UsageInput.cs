namespace Reassess.Sources.Usage.Streams;

/// <summary>
/// Opens an export as text whether it is plain or gzip-compressed (told apart by gzip's magic bytes, not by a file
/// name). Damaged or cut-short gzip throws <see cref="InvalidDataException"/> as it is read.
/// </summary>
public static class UsageInput
{
    private const byte GzipFirst = 0x1F;
    private const byte GzipSecond = 0x8B;

    public static async Task<Stream> OpenAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[2];
        var read = 0;
        while (read < head.Length)
        {
            var n = await content.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }

        var replayed = new PrefixedStream(head[..read], content);
        return read == 2 && head[0] == GzipFirst && head[1] == GzipSecond
            ? new WholeGzipStream(replayed)
            : replayed;
    }
}
