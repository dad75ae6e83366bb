namespace Reassess.Sources.Usage.Streams;

/// <summary>Counts the bytes read through it (the input as it arrives, before any decompression), for progress reports.</summary>
public sealed class CountingStream(Stream inner) : ReadOnlyStream
{
    private long _bytes;

    /// <summary>Bytes read so far; safe to read from another thread.</summary>
    public long BytesRead => Interlocked.Read(ref _bytes);

    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Counted(int read)
    {
        Interlocked.Add(ref _bytes, read);
        return read;
    }
}
