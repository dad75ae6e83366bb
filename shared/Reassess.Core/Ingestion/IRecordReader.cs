namespace Reassess.Core.Ingestion;

/// <summary>
/// The one shape of every input format: read a source (a price sheet, a usage export, a drop file) into canonical
/// records. A reader throws <see cref="InputRejectedException"/> only when nothing in the input can be trusted
/// (not the format at all); a bad entry is rejected on its own and reading goes on.
/// </summary>
public interface IRecordReader<TRecord>
{
    /// <summary>The format's name as the CLI and settings spell it, e.g. <c>genai-prices</c>, <c>overrides</c>, <c>csv</c>.</summary>
    string Format { get; }

    /// <param name="content">The raw sheet or file.</param>
    /// <param name="sourceName">How problems name the input: a file path, a URL or a blob name.</param>
    /// <param name="context">The instant the records are read for (price lists constrained by date pick the one in force).</param>
    Task<ReadResult<TRecord>> ReadAsync(Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default);
}

/// <summary>What a reader may need beyond the bytes.</summary>
public sealed record ReadContext(DateTimeOffset AsOf, DateTimeOffset FetchedAt);
