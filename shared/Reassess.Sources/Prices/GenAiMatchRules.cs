using System.Text.Json;
using Reassess.Core.Ingestion;
using Reassess.Core.Prices;
using Reassess.Sources.Formats.Json;

namespace Reassess.Sources.Prices;

/// <summary>
/// The <c>match</c> rules of a genai-prices v2 sheet: for every model, the clauses naming each id it goes by (dated
/// snapshots, dotted and dashed spellings), and for some providers which bare ids they own (<c>model_match</c>). Fed to
/// <see cref="PriceAliases"/>, they resolve other sheets' and usage exports' ids to genai-prices' canonical keys.
/// </summary>
public sealed record GenAiMatchRules(
    IReadOnlyList<ModelMatchRule> Rules,
    IReadOnlyList<(string Provider, ModelMatch Models)> ProviderModels,
    IReadOnlyList<InputProblem> Problems)
{
    /// <summary>The rules of the sheet; a malformed clause costs only its model (listed in <see cref="Problems"/>).</summary>
    public static GenAiMatchRules Read(byte[] content, string sourceName)
    {
        JsonText.Check(content, sourceName, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw JsonSyntax.Refusal(sourceName, ex);
        }

        using (document)
        {
            var rules = new List<ModelMatchRule>();
            var owners = new List<(string, ModelMatch)>();
            var problems = new List<InputProblem>();
            if (document.RootElement.ValueKind != JsonValueKind.Array) return new GenAiMatchRules(rules, owners, problems);

            foreach (var provider in document.RootElement.EnumerateArray())
            {
                if (provider.ValueKind != JsonValueKind.Object || Text(provider, "id") is not { } providerId) continue;
                if (provider.TryGetProperty("model_match", out var owned) && owned.ValueKind == JsonValueKind.Object)
                    TryAdd(() => owners.Add((providerId, Clause(owned))), $"provider {providerId}, model_match", sourceName, problems);
                if (!provider.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array) continue;

                foreach (var model in models.EnumerateArray())
                {
                    if (model.ValueKind != JsonValueKind.Object || Text(model, "id") is not { } modelId) continue;
                    if (!model.TryGetProperty("match", out var match)) continue;
                    TryAdd(() => rules.Add(new ModelMatchRule(providerId, modelId, Clause(match))),
                        $"model {PriceKey.For(providerId, modelId)}, match", sourceName, problems);
                }
            }

            return new GenAiMatchRules(rules, owners, problems);
        }
    }

    /// <summary>These rules added to <paramref name="aliases"/> (the alias table stays first).</summary>
    public PriceAliases AddTo(PriceAliases aliases) => aliases.WithRules(Rules, ProviderModels);

    /// <summary>One clause: <c>{equals|starts_with|ends_with|contains|regex: text}</c> or <c>{or|and: [clauses]}</c>.</summary>
    public static ModelMatch Clause(JsonElement clause)
    {
        if (clause.ValueKind != JsonValueKind.Object)
            throw new FormatException($"a clause must be an object such as {{\"equals\": \"gpt-4o\"}}; found {JsonSyntax.Describe(clause)}");
        var members = clause.EnumerateObject().ToList();
        if (members.Count != 1)
            throw new FormatException($"a clause has exactly one of equals, starts_with, ends_with, contains, regex, or, and; found {members.Count} members");

        var (kind, value) = (members[0].Name, members[0].Value);
        return kind switch
        {
            "equals" => ModelMatch.EqualTo(TextOf(kind, value)),
            "starts_with" => ModelMatch.StartsWith(TextOf(kind, value)),
            "ends_with" => ModelMatch.EndsWith(TextOf(kind, value)),
            "contains" => ModelMatch.Contains(TextOf(kind, value)),
            "regex" => Regex(TextOf(kind, value)),
            "or" => ModelMatch.AnyOf(ListOf(kind, value)),
            "and" => ModelMatch.AllOf(ListOf(kind, value)),
            _ => throw new FormatException($"'{kind}' is not a clause; use equals, starts_with, ends_with, contains, regex, or, and"),
        };
    }

    private static ModelMatch Regex(string pattern)
    {
        try
        {
            return ModelMatch.Matching(pattern);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"regex '{pattern}' does not compile ({e.Message})", e);
        }
    }

    private static string TextOf(string kind, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"{kind} needs text; found {JsonSyntax.Describe(value)}");

    private static List<ModelMatch> ListOf(string kind, JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(Clause).ToList()
            : throw new FormatException($"{kind} needs a list of clauses; found {JsonSyntax.Describe(value)}");

    private static void TryAdd(Action add, string location, string sourceName, List<InputProblem> problems)
    {
        try
        {
            add();
        }
        catch (FormatException e)
        {
            problems.Add(new InputProblem(sourceName, location, $"{e.Message}; this model's other names will not resolve to it"));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
