using System.Security.Cryptography;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;

namespace Reassess.Sources.Prices;

/// <summary>
/// Reads one price sheet the way every caller (the refresh job, <c>reassess prices import</c>) must: the format's
/// reader, then the plausibility checks of <see cref="PricePlausibility"/> (a failing record is rejected with its
/// reason), then the sheet version stamped on every record that has none of its own.
/// </summary>
public static class PriceSheetReading
{
    public static async Task<ReadResult<PriceRecord>> ReadAsync(
        IRecordReader<PriceRecord> reader, byte[] raw, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = await reader.ReadAsync(new MemoryStream(raw, writable: false), sourceName, context, cancellationToken).ConfigureAwait(false);
        var version = VersionOf(raw);
        var records = new List<PriceRecord>(result.Records.Count);
        var rejected = result.Rejected.ToList();
        foreach (var record in result.Records)
        {
            if (PricePlausibility.Problem(record) is { } problem)
            {
                rejected.Add(new InputProblem(sourceName, $"model {record.Key}", $"{problem} — not stored; the price stored before stays in force"));
                continue;
            }

            records.Add(record.SheetVersion is null ? record with { SheetVersion = version } : record);
        }

        return new ReadResult<PriceRecord>(records, result.Skipped, rejected);
    }

    /// <summary>Re-keys the records through <paramref name="aliases"/>; records that land on a key the sheet already prices are listed as skipped.</summary>
    public static ReadResult<PriceRecord> Canonicalised(ReadResult<PriceRecord> result, PriceAliases aliases, string sourceName)
    {
        var (records, dropped) = aliases.Canonicalise(result.Records);
        if (dropped.Count == 0 && ReferenceEquals(records, result.Records)) return result;
        return result with
        {
            Records = records,
            Skipped = [.. result.Skipped, .. dropped.Select(d => new InputProblem(sourceName, $"model {d.Record.Key}", d.Reason))],
        };
    }

    /// <summary>A sheet's version when it states none: the start of the SHA-256 of its bytes, which names the archived file exactly.</summary>
    public static string VersionOf(ReadOnlySpan<byte> raw) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw))[..16];
}
