using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Prices;

/// <summary>The meters of one Azure model and deployment type, gathered into one price record.</summary>
internal sealed class AzureModelPrices(string key, string? deploymentType)
{
    private readonly Dictionary<string, AzureRetailReader.AzureItem> _byPrice = new(StringComparer.Ordinal);

    public string Key { get; } = key;

    /// <summary>Adds a meter's price; a second meter for the same price is skipped when it agrees and rejected when it does not.</summary>
    public void Add(AzureRetailReader.AzureItem item, ReadResultBuilder<PriceRecord> results)
    {
        if (!_byPrice.TryGetValue(item.Price, out var first))
        {
            _byPrice[item.Price] = item;
            return;
        }

        if (first.Value == item.Value)
            results.Skip(item.Location, $"'{TextExcerpt.Of(item.MeterName)}' repeats {Key} {item.Price} {item.Value} already given by '{TextExcerpt.Of(first.MeterName)}' ({first.Location})");
        else
            results.Reject(item.Location,
                $"'{TextExcerpt.Of(item.MeterName)}' prices {Key} {item.Price} at {item.Value}, but '{TextExcerpt.Of(first.MeterName)}' ({first.Location}) says {first.Value}; the first is kept");
    }

    public PriceRecord ToRecord(string source, DateTimeOffset fetchedAt)
    {
        PriceKey.TryParse(Key, out var provider, out var model);
        decimal? Price(string name) => _byPrice.TryGetValue(name, out var item) ? item.Value : null;
        return new PriceRecord
        {
            Key = Key,
            Provider = provider,
            Model = model,
            InputPerMTok = Price(PriceNames.Input),
            CachedInputPerMTok = Price(PriceNames.CachedInput),
            OutputPerMTok = Price(PriceNames.Output),
            BatchInputPerMTok = Price(PriceNames.BatchInput),
            BatchOutputPerMTok = Price(PriceNames.BatchOutput),
            TrainingPerMTok = Price(PriceNames.Training),
            TrainingPerHour = Price(PriceNames.TrainingHour),
            HostingPerHour = Price(PriceNames.Hosting),
            DeploymentType = deploymentType ?? AzureDeploymentTypes.Global,
            Source = source,
            EffectiveFrom = _byPrice.Values.Max(i => i.EffectiveFrom),
            FetchedAt = fetchedAt,
        };
    }
}
