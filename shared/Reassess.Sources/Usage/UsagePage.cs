using Reassess.Core.Ingestion;
using Reassess.Core.Usage;

namespace Reassess.Sources.Usage;

/// <summary>One page of a paged usage API (or a file holding one): its daily rows, and the cursor of the next page, if any.</summary>
public sealed record UsagePage(ReadResult<MeteredUsage> Result, string? NextPage);

/// <summary>A usage format whose answers come in pages: the API pullers read each page with it, files are read as one page.</summary>
public interface IUsagePageReader : IRecordReader<MeteredUsage>
{
    UsagePage ReadPage(byte[] content, string sourceName);
}
