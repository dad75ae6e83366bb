using Reassess.Core.Ingestion;
using Reassess.Core.Usage;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Usage;

/// <summary>One page of a paged usage API (or a file holding one): its daily rows, and the cursor of the next page, if any.</summary>
public sealed record UsagePage(ReadResult<MeteredUsage> Result, string? NextPage);

/// <summary>A usage format whose answers come in pages: the API pullers read each page with it, files are read as one page.</summary>
public interface IUsagePageReader : IRecordReader<MeteredUsage>
{
    UsagePage ReadPage(byte[] content, string sourceName);
}

/// <summary>A page reader that reads a whole file as one page, so a saved answer and a pulled one read alike.</summary>
public abstract class UsagePageReader : IUsagePageReader
{
    public abstract string Format { get; }

    public async Task<ReadResult<MeteredUsage>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default) =>
        ReadPage(await InputBytes.ReadAllAsync(content, cancellationToken).ConfigureAwait(false), sourceName).Result;

    public abstract UsagePage ReadPage(byte[] content, string sourceName);
}
