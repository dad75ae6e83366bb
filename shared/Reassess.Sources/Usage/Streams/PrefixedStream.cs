namespace Reassess.Sources.Usage.Streams;

/// <summary>
/// A read-only stream that gives back bytes already read from the start of another stream, then the rest of it: a
/// format can be recognised from its first bytes (gzip's magic number) without a seekable source or a copy.
/// </summary>
public sealed class PrefixedStream(byte[] prefix, Stream rest) : ReadOnlyStream
{
    private int _offset;

    public override int Read(Span<byte> buffer)
    {
        if (_offset < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _offset);
            prefix.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset < prefix.Length) return Read(buffer.Span);
        return await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }
}
