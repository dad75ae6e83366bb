using System.Globalization;
using System.Text.Json;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Formats;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Prices;

/// <summary>
/// Azure Retail Prices API items (format <c>azure-retail</c>): a page envelope <c>{ Items, NextPageLink, Count }</c> (or
/// all pages combined into one, as <see cref="PriceSheetPuller"/> stores them), a bare array of items, or JSON lines
/// with one item per line. Azure OpenAI meters (service <c>Cognitive Services</c> or <c>Foundry Models</c>) are read by
/// name (<see cref="AzureMeterName"/>) and gathered into one record per model and deployment type, keyed
/// <c>azure/{model}</c> for global deployments and <c>azure/{model}:data-zone</c> / <c>azure/{model}:regional</c> for the
/// others; fine-tunes are <c>azure/{model}-ft</c> with training (per 1M tokens or per hour) and hosting (per hour) prices.
/// Units <c>1K</c> and <c>1M</c> (tokens) and <c>1 Hour</c> are understood; other meters (images, seconds of video,
/// provisioned throughput, tools) are skipped with the reason. One region is read: the one given, else the region most
/// items are for. A record takes effect at the latest <c>effectiveStartDate</c> of its meters.
/// </summary>
public sealed class AzureRetailReader(string? region = null) : IRecordReader<PriceRecord>
{
    public const string FormatName = "azure-retail";

    /// <summary>The <see cref="PriceRecord.Source"/> of every record read.</summary>
    public const string SourceId = "azure-retail";

    public const string Provider = "azure";

    /// <summary>The service names Azure OpenAI meters are listed under (the older and the newer).</summary>
    public static IReadOnlyList<string> ServiceNames { get; } = ["Cognitive Services", "Foundry Models"];

    public static SheetShape Shape { get; } = new("Items", ["meterName"]);

    /// <summary>Units of measure a model's price comes in, without spaces: per 1K or 1M tokens, per hour.</summary>
    private static readonly HashSet<string> KnownUnits = ["1K", "1M", "1HOUR"];

    /// <summary>The region read; null reads the region most items are for.</summary>
    public string? Region { get; } = region;

    public string Format => FormatName;

    public async Task<ReadResult<PriceRecord>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        var bytes = await InputBytes.ReadAllAsync(content, cancellationToken).ConfigureAwait(false);
        var results = new ReadResultBuilder<PriceRecord>(sourceName);
        var entries = JsonLines.LooksLikeJsonLines(bytes)
            ? JsonLines.Read(bytes, sourceName)
            : JsonEntries.Read(bytes, sourceName, Shape.JsonArrayName).OfType<JsonEntry>().ToList();
        if (MorePages(bytes) is { } next)
            results.Skip("NextPageLink", $"this is one page of several (next: {next}); only its items were read. Configure the API URL to have every page pulled");

        var region = Region ?? entries.Select(e => e.Field("armRegionName").Text).Where(r => r.Length > 0)
            .GroupBy(r => r, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
        var models = new SortedDictionary<string, AzureModelPrices>(StringComparer.Ordinal);
        var broken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (ReadItem(entry, region, results, broken) is not { } item) continue;
            if (!models.TryGetValue(item.Key, out var prices)) models[item.Key] = prices = new AzureModelPrices(item.Key, item.Meter.DeploymentType);
            prices.Add(item, results);
        }

        foreach (var prices in models.Values)
        {
            // A model missing one of its meters would look cheaper than it is (a fine-tune without its hosting hours):
            // it is left out whole, so its last good price stays in force.
            if (broken.TryGetValue(prices.Key, out var where))
                results.Skip($"model {prices.Key}", $"left out: its meter at {where} was rejected, and a model priced without one of its meters looks cheaper than it is; its last good price stays in force");
            else
                results.Add(prices.ToRecord(SourceId, context.FetchedAt));
        }

        return results.Build();
    }

    /// <summary>One meter's price, converted to the record's unit, with where it came from.</summary>
    internal sealed record AzureItem(string Key, AzureMeterName Meter, string Price, decimal Value, DateTimeOffset EffectiveFrom, string MeterName, string Location);

    private static AzureItem? ReadItem(JsonEntry entry, string? region, ReadResultBuilder<PriceRecord> results, Dictionary<string, string> broken)
    {
        var fields = new FieldReader(entry);
        var meterName = fields.Text("meterName", required: true);
        var unit = fields.Text("unitOfMeasure", required: true);
        var price = fields.Price("retailPrice") ?? fields.Price("unitPrice");
        var currency = fields.Text("currencyCode") ?? "USD";
        var itemRegion = fields.Text("armRegionName");
        var service = fields.Text("serviceName");
        var type = fields.Text("type") ?? "Consumption";
        var tierStart = fields.Decimal("tierMinimumUnits", 0m, null, "a tier starts at 0 units or more");
        var effective = EffectiveFrom(fields);
        if (price is null && fields.IsValid) fields.Problem("retailPrice", "is missing; every item needs a retailPrice");
        else if (price > PriceUnits.MaxPerThousand) fields.Problem("retailPrice", $"{price} is too large to be a price (only a damaged sheet states one)");
        if (!string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase))
            fields.Problem("currencyCode", $"'{TextExcerpt.Of(currency)}' is not supported; ask the API for USD (currencyCode='USD')");
        if (!fields.IsValid || meterName is null || unit is null || price is null)
        {
            fields.RejectInto(results);
            if (meterName is not null && AzureMeterName.Parse(meterName, out _) is { } named) broken.TryAdd(KeyOf(named), entry.Location);
            return null;
        }

        string? skip = null;
        if (service is not null && !ServiceNames.Contains(service, StringComparer.OrdinalIgnoreCase))
            skip = $"service {TextExcerpt.Of(service)} is not Azure OpenAI ({string.Join(" or ", ServiceNames)})";
        else if (region is not null && itemRegion is not null && !string.Equals(itemRegion, region, StringComparison.OrdinalIgnoreCase))
            skip = $"region {TextExcerpt.Of(itemRegion)}; this sheet is read for {region}";
        else if (!string.Equals(type, "Consumption", StringComparison.OrdinalIgnoreCase))
            skip = $"a {TextExcerpt.Of(type)} price, not pay-as-you-go (Consumption)";
        else if (tierStart > 0)
            skip = $"a volume tier from {tierStart} units; the base tier is the price";
        if (skip is not null)
        {
            results.Skip(entry.Location, $"'{TextExcerpt.Of(meterName)}' is {skip}");
            return null;
        }

        if (!KnownUnits.Contains(unit.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()))
        {
            results.Skip(entry.Location, $"'{TextExcerpt.Of(meterName)}' is priced per '{TextExcerpt.Of(unit)}', not per tokens (1K, 1M) or per hour (1 Hour): not a price of a model's calls");
            return null;
        }

        var meter = AzureMeterName.Parse(meterName, out var why);
        if (meter is null)
        {
            results.Skip(entry.Location, $"'{TextExcerpt.Of(meterName)}' is not read: {why}");
            return null;
        }

        if (meter.Kind == AzureMeterKind.BatchCachedInput)
        {
            results.Skip(entry.Location, $"'{TextExcerpt.Of(meterName)}' is a batch price for cached input, which a price record does not hold (batch workloads pay the cached price)");
            return null;
        }

        if (Converted(meter, unit, price.Value) is not { } converted)
        {
            results.Skip(entry.Location, $"'{TextExcerpt.Of(meterName)}' is a {meter.Kind} meter priced per '{TextExcerpt.Of(unit)}' ({meter.UnitWord}); a {meter.Kind} price is read per {(meter.Kind is AzureMeterKind.Hosting ? "hour" : meter.Kind is AzureMeterKind.Training ? "1K/1M tokens or per hour" : "1K or 1M tokens")}");
            return null;
        }

        return new AzureItem(KeyOf(meter), meter, converted.Price, converted.Value, effective ?? DateTimeOffset.UnixEpoch, meterName, entry.Location);
    }

    /// <summary><c>azure/{model}</c> for a global deployment, <c>azure/{model}:{deployment type}</c> for the others.</summary>
    private static string KeyOf(AzureMeterName meter) =>
        PriceKey.For(Provider, meter.DeploymentType is null or AzureDeploymentTypes.Global ? meter.Model : $"{meter.Model}:{meter.DeploymentType}");

    /// <summary>The price in the record's unit: per 1M tokens for token meters, per hour for hourly ones; null for anything else.</summary>
    private static (string Price, decimal Value)? Converted(AzureMeterName meter, string unit, decimal price)
    {
        var normalized = unit.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        decimal? perMillion = normalized switch
        {
            "1K" when meter.CountsTokens => PriceUnits.PerMillionFromPerThousand(price),
            "1M" when meter.CountsTokens => PriceUnits.Trim(price),
            _ => null,
        };
        var perHour = normalized == "1HOUR" && meter.CountsUnits ? PriceUnits.Trim(price) : (decimal?)null;

        return meter.Kind switch
        {
            AzureMeterKind.Training when perMillion is { } v => (PriceNames.Training, v),
            AzureMeterKind.Training when perHour is { } v => (PriceNames.TrainingHour, v),
            AzureMeterKind.Hosting when perHour is { } v => (PriceNames.Hosting, v),
            AzureMeterKind.Input when perMillion is { } v => (PriceNames.Input, v),
            AzureMeterKind.CachedInput when perMillion is { } v => (PriceNames.CachedInput, v),
            AzureMeterKind.Output when perMillion is { } v => (PriceNames.Output, v),
            AzureMeterKind.BatchInput when perMillion is { } v => (PriceNames.BatchInput, v),
            AzureMeterKind.BatchOutput when perMillion is { } v => (PriceNames.BatchOutput, v),
            _ => null,
        };
    }

    private static DateTimeOffset? EffectiveFrom(FieldReader fields)
    {
        if (fields.Text("effectiveStartDate") is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
            return start;
        fields.Problem("effectiveStartDate", $"'{TextExcerpt.Of(text)}' is not a date and time (e.g. 2025-04-01T00:00:00Z)");
        return null;
    }

    /// <summary>The envelope's <c>NextPageLink</c> when the input is one page of several; null for the last page and other shapes.</summary>
    private static string? MorePages(byte[] bytes)
    {
        if (!InputBytes.LooksLikeJson(bytes) || JsonLines.LooksLikeJsonLines(bytes)) return null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isNext = reader.ValueTextEquals("NextPageLink");
            reader.Read();
            if (isNext) return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } link ? link : null;
            reader.Skip();
        }

        return null;
    }
}
