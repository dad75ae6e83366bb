using System.IO.Compression;
using System.Text;
using Reassess.Sources.Usage.Streams;

namespace Reassess.Sources.Tests.Usage.Streams;

public sealed class WholeGzipStreamTests
{
    private static readonly string Text = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"2026-11-{1 + i % 28:D2},row {i},{i * 7}"));

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 4096)]
    [InlineData(true, 3)]
    [InlineData(true, 65536)]
    public async Task A_whole_gzip_file_reads_back_exactly_whatever_the_size_of_the_underlying_reads(bool async, int chunk)
    {
        var text = await ReadAllAsync(new WholeGzipStream(new Trickle(Gzip(Text), chunk)), async);

        Assert.Equal(Text, text);
    }

    [Theory]
    [InlineData(false, "a third")]
    [InlineData(true, "a third")]
    [InlineData(false, "all but the trailer")]
    [InlineData(true, "all but the last byte")]
    [InlineData(false, "the header only")]
    public async Task A_gzip_file_cut_short_throws_instead_of_ending_early(bool async, string kept)
    {
        var gzip = Gzip(Text);
        var length = kept switch
        {
            "a third" => gzip.Length / 3,
            "all but the trailer" => gzip.Length - 8,
            "all but the last byte" => gzip.Length - 1,
            _ => 10,
        };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new WholeGzipStream(new MemoryStream(gzip, 0, length)), async));

        Assert.Contains("cut short", error.Message);
    }

    [Fact]
    public async Task Gzip_files_joined_together_are_refused_with_a_message_that_says_how_to_read_them()
    {
        var joined = Gzip("first part\n").Concat(Gzip("second part\n")).ToArray();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new WholeGzipStream(new MemoryStream(joined)), async: false));

        Assert.Contains("several gzip files joined together: unpack them and read them one by one", error.Message);
    }

    [Fact]
    public async Task An_empty_file_compressed_reads_as_empty()
    {
        // What `gzip` makes of an empty file: header, an empty final deflate block, CRC 0, length 0.
        byte[] empty = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.Equal("", await ReadAllAsync(new WholeGzipStream(new MemoryStream(empty)), async: true));
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    private static async Task<string> ReadAllAsync(Stream stream, bool async)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return async ? await reader.ReadToEndAsync() : reader.ReadToEnd();
    }

    /// <summary>Gives the bytes at most <paramref name="chunk"/> at a time, as a slow network does.</summary>
    private sealed class Trickle(byte[] bytes, int chunk) : ReadOnlyStream
    {
        private int _offset;

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, chunk), bytes.Length - _offset);
            bytes.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
