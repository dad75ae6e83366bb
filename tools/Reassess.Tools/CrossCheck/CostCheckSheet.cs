using System.Globalization;
using System.Text.Json;
using Reassess.Core.Prices;
using Reassess.Sources.Prices;

namespace Reassess.Tools.CrossCheck;

/// <summary>
/// What the cost cross-check needs to know of a genai-prices v2 sheet beyond the prices Reassess reads from it: every
/// model in sheet order with its match rule, the ids that rule names, its tier thresholds, the dates its price lists
/// start, and whether Reassess knowingly prices it differently from genai-prices (<see cref="CostCheckModel.KnownDifference"/>).
/// </summary>
public sealed class CostCheckSheet
{
    /// <summary>Why Reassess and genai-prices price a model with a per-request price differently.</summary>
    public const string PerRequestPrice =
        "states a per-request price (requests_kcount), which genai-prices adds to every call; Reassess reads token prices only";

    /// <summary>Why Reassess and genai-prices price a model with a time-of-day price list differently.</summary>
    public const string TimeOfDayPrices =
        "has a time-of-day price list, which genai-prices applies by the call's time; Reassess counts usage per day and uses the list without a constraint all day";

    /// <summary>Why Reassess and genai-prices price a fine-tune's id that a base model's match rule names differently.</summary>
    public const string FineTunedNameOfBaseModel =
        "is a fine-tune's id that a base model's match rule names: genai-prices prices it at the base model's price, Reassess never takes a fine-tuned id to a base model (FineTunedIds) and has no price for it";

    private readonly Dictionary<string, List<CostCheckModel>> _byProvider;

    private CostCheckSheet(string path, byte[] raw, IReadOnlyList<CostCheckModel> models, IReadOnlyList<DateOnly> startDates)
    {
        Path = path;
        Raw = raw;
        Models = models;
        StartDates = startDates;
        _byProvider = models.GroupBy(m => m.Provider, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public string Path { get; }
    public byte[] Raw { get; }

    /// <summary>Every model with an id and a readable match rule, in sheet order (the order genai-prices tries them in).</summary>
    public IReadOnlyList<CostCheckModel> Models { get; }

    /// <summary>The distinct <c>constraint.start_date</c>s of the sheet, ascending: the only days on which the prices in force change.</summary>
    public IReadOnlyList<DateOnly> StartDates { get; }

    public static CostCheckSheet Read(string path)
    {
        var raw = File.ReadAllBytes(path);
        using var document = JsonDocument.Parse(raw);
        var models = new List<CostCheckModel>();
        var starts = new SortedSet<DateOnly>();
        foreach (var provider in document.RootElement.EnumerateArray())
        {
            if (Text(provider, "id") is not { } providerId || !provider.TryGetProperty("models", out var list)) continue;
            foreach (var model in list.EnumerateArray())
            {
                if (Text(model, "id") is not { } id || !model.TryGetProperty("match", out var match)) continue;
                ModelMatch rule;
                try
                {
                    rule = GenAiMatchRules.Clause(match);
                }
                catch (FormatException)
                {
                    continue;
                }

                var modelStarts = new SortedSet<DateOnly>();
                var (thresholds, difference) = Prices(model, modelStarts);
                starts.UnionWith(modelStarts);
                models.Add(new CostCheckModel(
                    PriceKey.Normalize(providerId), PriceKey.Normalize(id), rule, NamedIds(match, rule), thresholds, [.. modelStarts], difference));
            }
        }

        return new CostCheckSheet(path, raw, models, [.. starts]);
    }

    /// <summary>
    /// The model genai-prices' <c>calcPrice</c> resolves an id to within its provider: the first model of the provider,
    /// in sheet order, whose match rule matches (ids compared in lower case, as calcPrice lowers them).
    /// </summary>
    public CostCheckModel? GenAiPricesModel(string provider, string id)
    {
        var lowered = id.Trim().ToLowerInvariant();
        return _byProvider.TryGetValue(provider, out var models) ? models.FirstOrDefault(m => m.Match.Matches(lowered)) : null;
    }

    /// <summary>The ids of <see cref="FineTunedNameOfBaseModel"/>: fine-tuned ids named by the match rule of a model that is not a fine-tune.</summary>
    public IEnumerable<(CostCheckModel Model, string Id)> FineTunedNamesOfBaseModels() =>
        Models.Where(m => !FineTunedIds.IsFineTuned(m.Id)).SelectMany(m => m.NamedIds.Where(FineTunedIds.IsFineTuned).Select(id => (m, id)));

    /// <summary>The thresholds of the model's tiered prices and its known difference, if any; adds the start dates of its price lists.</summary>
    private static (IReadOnlyList<long> Thresholds, string? Difference) Prices(JsonElement model, SortedSet<DateOnly> starts)
    {
        var thresholds = new SortedSet<long>();
        string? difference = null;
        if (!model.TryGetProperty("prices", out var prices)) return ([], null);
        var lists = prices.ValueKind == JsonValueKind.Array
            ? prices.EnumerateArray().Select(l => (Prices: l.TryGetProperty("prices", out var p) ? p : default, Constraint: l.TryGetProperty("constraint", out var c) ? c : default)).ToList()
            : [(prices, default(JsonElement))];
        foreach (var (list, constraint) in lists)
        {
            if (constraint.ValueKind == JsonValueKind.Object)
            {
                if (constraint.TryGetProperty("start_time", out _)) difference ??= TimeOfDayPrices;
                if (constraint.TryGetProperty("start_date", out var start)
                    && DateOnly.TryParseExact(start.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    starts.Add(day);
            }

            if (list.ValueKind != JsonValueKind.Object) continue;
            foreach (var price in list.EnumerateObject())
            {
                if (price.Name == "requests_kcount") difference ??= PerRequestPrice;
                if (price.Value.ValueKind == JsonValueKind.Object && price.Value.TryGetProperty("tiers", out var tiers) && tiers.ValueKind == JsonValueKind.Array)
                {
                    foreach (var tier in tiers.EnumerateArray())
                        if (tier.TryGetProperty("start", out var s) && s.TryGetInt64(out var above)) thresholds.Add(above);
                }
            }
        }

        return ([.. thresholds], difference);
    }

    /// <summary>Ids a match rule names outright: the text of its <c>equals</c>, <c>starts_with</c>, <c>ends_with</c> and <c>contains</c> clauses (not regexes), lower case.</summary>
    private static IReadOnlyList<string> NamedIds(JsonElement match, ModelMatch rule)
    {
        var ids = new List<string>();
        Collect(match, ids);
        return ids.Select(i => i.Trim().ToLowerInvariant()).Where(i => i.Length > 0 && rule.Matches(i)).Distinct(StringComparer.Ordinal).ToList();

        static void Collect(JsonElement clause, List<string> ids)
        {
            if (clause.ValueKind != JsonValueKind.Object) return;
            foreach (var member in clause.EnumerateObject())
            {
                if (member.Name is "equals" or "starts_with" or "ends_with" or "contains" && member.Value.ValueKind == JsonValueKind.String)
                    ids.Add(member.Value.GetString()!);
                else if (member.Name is "or" or "and" && member.Value.ValueKind == JsonValueKind.Array)
                    foreach (var inner in member.Value.EnumerateArray()) Collect(inner, ids);
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}

/// <summary>One model of the sheet.</summary>
/// <param name="NamedIds">Ids its match rule names outright (lower case), which may include its own id.</param>
/// <param name="TierThresholds">The prompt lengths above which one of its prices changes, ascending; empty when untiered.</param>
/// <param name="StartDates">The days its dated price lists start, ascending; empty when it has one price list.</param>
/// <param name="KnownDifference">Why Reassess prices it differently from genai-prices on purpose; null when both should agree.</param>
public sealed record CostCheckModel(
    string Provider, string Id, ModelMatch Match, IReadOnlyList<string> NamedIds, IReadOnlyList<long> TierThresholds,
    IReadOnlyList<DateOnly> StartDates, string? KnownDifference)
{
    public string Key => $"{Provider}/{Id}";
}
