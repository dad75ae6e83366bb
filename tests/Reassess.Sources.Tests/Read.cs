using System.Text;
using Reassess.Core.Ingestion;

namespace Reassess.Sources.Tests;

/// <summary>Runs a reader over text or a file, at a fixed instant.</summary>
public static class Read
{
    public static readonly DateTimeOffset FetchedAt = new(2026, 8, 3, 5, 0, 0, TimeSpan.Zero);

    public static ReadContext At(DateTimeOffset asOf) => new(asOf, FetchedAt);

    public static ReadContext Now => At(FetchedAt);

    public static Task<ReadResult<T>> Text<T>(IRecordReader<T> reader, string text, string sourceName, ReadContext? context = null) =>
        reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), sourceName, context ?? Now);

    public static async Task<ReadResult<T>> File<T>(IRecordReader<T> reader, string path, ReadContext? context = null)
    {
        await using var stream = System.IO.File.OpenRead(path);
        return await reader.ReadAsync(stream, Path.GetFileName(path), context ?? Now);
    }

    public static async Task<InputProblem> Refused<T>(IRecordReader<T> reader, string text, string sourceName)
    {
        var error = await Assert.ThrowsAsync<InputRejectedException>(() => Text(reader, text, sourceName));
        return error.Problem;
    }
}
