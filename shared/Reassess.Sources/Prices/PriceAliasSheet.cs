using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Formats;

namespace Reassess.Sources.Prices;

/// <summary>
/// The company's alias table (CSV or JSON): <c>alias,key</c> rows mapping another name of a model (a bare id such as
/// <c>claude-haiku-4-5</c>, a key such as <c>anthropic/claude-haiku-4.5</c>, a dated snapshot) to the canonical key its
/// prices are stored under. <c>note</c> is ignored. JSON: an array of such objects or <c>{ "aliases": [ ... ] }</c>.
/// A bad row is rejected on its own; an alias given twice keeps its first key.
/// </summary>
public static class PriceAliasSheet
{
    public static SheetShape Shape { get; } = new("aliases", ["alias", "key"]);

    public static async Task<(PriceAliases Aliases, IReadOnlyList<InputProblem> Rejected)> ReadAsync(
        Stream content, string sourceName, CancellationToken cancellationToken = default)
    {
        var entries = await Sheet.ReadAsync(content, sourceName, Shape, cancellationToken).ConfigureAwait(false);
        var results = new ReadResultBuilder<KeyValuePair<string, string>>(sourceName);
        var firstSeen = new Dictionary<string, (string Key, string Location)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var fields = new FieldReader(entry);
            var alias = fields.Text("alias", required: true);
            var key = fields.PriceKeyField("key");
            if (!fields.IsValid || alias is null || key is not { } k)
            {
                fields.RejectInto(results);
                continue;
            }

            var normalized = PriceKey.Normalize(alias);
            if (firstSeen.TryGetValue(normalized, out var earlier))
            {
                if (earlier.Key != k.Key)
                    results.Reject(entry.Location, $"'{alias}' is already mapped to {earlier.Key} at {earlier.Location}; one name resolves to one key");
                continue;
            }

            firstSeen[normalized] = (k.Key, entry.Location);
            results.Add(new(normalized, k.Key));
        }

        var read = results.Build();
        return (new PriceAliases(read.Records), read.Rejected);
    }
}
