using System.Buffers.Binary;
using System.IO.Compression;

namespace Reassess.Sources.Usage.Streams;

/// <summary>
/// Decompresses gzip and throws <see cref="InvalidDataException"/> when the data ends before the gzip trailer says it
/// should. .NET's <see cref="GZipStream"/> returns end of stream wherever the compressed bytes run out, so an export
/// cut short by a failed download would otherwise be read as a smaller, complete one, its missing days lost without a word.
/// </summary>
/// <remarks>
/// The check is the trailer's ISIZE (the last four bytes: the uncompressed length mod 2^32) against the bytes that came
/// out. Several gzip files joined together are valid gzip, but their last trailer counts only the last one, so they are
/// refused too, with a message that says so; exports are written as one gzip member.
/// </remarks>
public sealed class WholeGzipStream : ReadOnlyStream
{
    private const int HeaderAndTrailerBytes = 18;

    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private long _length;
    private bool _ended;

    public WholeGzipStream(Stream compressed)
    {
        _compressed = new TailStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
    }

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        _length += read;
        if (IsEnd(read, buffer.Length))
        {
            _compressed.Drain();
            CheckTrailer();
        }

        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _length += read;
        if (IsEnd(read, buffer.Length))
        {
            await _compressed.DrainAsync(cancellationToken).ConfigureAwait(false);
            CheckTrailer();
        }

        return read;
    }

    private bool IsEnd(int read, int asked)
    {
        if (read > 0 || asked == 0 || _ended) return false;
        return _ended = true;
    }

    private void CheckTrailer()
    {
        if (_compressed.Total < HeaderAndTrailerBytes)
            throw new InvalidDataException($"it ends after {_compressed.Total} bytes, before a gzip file's header and trailer; the file is cut short");
        if (BinaryPrimitives.ReadUInt32LittleEndian(_compressed.LastFour) != (uint)_length)
            throw new InvalidDataException(
                $"it ends before its gzip trailer: {_length:N0} bytes came out and the last four bytes do not say that many, so the file is cut short " +
                "(or it is several gzip files joined together: unpack them and read them one by one)");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _gzip.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Passes reads through, keeping the count and the last four bytes read (where gzip keeps ISIZE).</summary>
    private sealed class TailStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[4];
        private int _tailLength;

        public long Total { get; private set; }

        public ReadOnlySpan<byte> LastFour => _tail.AsSpan(0, _tailLength);

        public override int Read(Span<byte> buffer) => Keep(buffer, inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Keep(buffer.Span, read);
        }

        /// <summary>Reads to the end, so the tail is the input's last bytes even where the decoder stopped before them.</summary>
        public void Drain()
        {
            var buffer = new byte[4096];
            while (Read(buffer) > 0)
            {
            }
        }

        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[4096];
            while (await ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }

        private int Keep(ReadOnlySpan<byte> buffer, int read)
        {
            Total += read;
            // The new bytes go after what is kept of the old tail; only the last four stay.
            var keep = Math.Min(_tailLength, Math.Max(0, 4 - read));
            var take = Math.Min(read, 4);
            _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
            buffer.Slice(read - take, take).CopyTo(_tail.AsSpan(keep));
            _tailLength = keep + take;
            return read;
        }
    }
}
