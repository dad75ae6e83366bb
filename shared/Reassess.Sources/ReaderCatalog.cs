using System.Diagnostics.CodeAnalysis;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Core.Usage;
using Reassess.Sources.Prices;
using Reassess.Sources.Usage;

namespace Reassess.Sources;

/// <summary>The readers of one kind of record, by <see cref="IRecordReader{TRecord}.Format"/> name (any case).</summary>
public sealed class ReaderSet<TRecord>
{
    private readonly Dictionary<string, IRecordReader<TRecord>> _byFormat = new(StringComparer.OrdinalIgnoreCase);

    public ReaderSet(string kind, IEnumerable<IRecordReader<TRecord>> readers)
    {
        Kind = kind;
        foreach (var reader in readers)
            if (!_byFormat.TryAdd(reader.Format, reader))
                throw new ArgumentException($"two {kind} readers claim the format '{reader.Format}'", nameof(readers));
        Formats = _byFormat.Keys.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>What the records are, as messages say it: <c>price</c>, <c>usage</c>, <c>eval</c>.</summary>
    public string Kind { get; }

    public IReadOnlyList<string> Formats { get; }

    public bool TryGet(string? format, [NotNullWhen(true)] out IRecordReader<TRecord>? reader)
    {
        reader = null;
        return format is not null && _byFormat.TryGetValue(format.Trim(), out reader);
    }

    /// <summary>The reader for <paramref name="format"/>; an <see cref="ArgumentException"/> listing the known formats otherwise.</summary>
    public IRecordReader<TRecord> Get(string? format) =>
        TryGet(format, out var reader)
            ? reader
            : throw new ArgumentException(
                $"'{format}' is not a known {Kind} format; use one of: {string.Join(", ", Formats)}", nameof(format));
}

/// <summary>Every reader Reassess has, by kind and format name, so a CLI <c>--format</c> or a setting can pick one.</summary>
public sealed class ReaderCatalog(
    IEnumerable<IRecordReader<PriceRecord>> priceReaders,
    IEnumerable<IRecordReader<DailyUsage>> usageReaders,
    IEnumerable<IRecordReader<EvalPoint>> evalReaders)
{
    /// <summary>
    /// The built-in readers: prices <c>genai-prices</c>, <c>overrides</c>, <c>litellm</c>, <c>azure-retail</c>,
    /// <c>openrouter</c>; usage <c>csv</c>; evals <c>evals</c>.
    /// </summary>
    public static ReaderCatalog Default { get; } = new(
        [new GenAiPricesReader(), new OverridesPriceReader(), new LiteLlmReader(), new AzureRetailReader(), new OpenRouterReader()],
        [new UsageDropReader()],
        [new EvalDropReader()]);

    public ReaderSet<PriceRecord> Prices { get; } = new("price", priceReaders);

    public ReaderSet<DailyUsage> Usage { get; } = new("usage", usageReaders);

    public ReaderSet<EvalPoint> Evals { get; } = new("eval", evalReaders);
}
