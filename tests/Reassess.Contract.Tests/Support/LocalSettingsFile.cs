using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reassess.Contract.Tests.Support;

/// <summary><c>local.settings.example.json</c>: its "Values" and "Descriptions".</summary>
public sealed record LocalSettingsFile(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Descriptions)
{
    public const string Path = "local.settings.example.json";

    public static LocalSettingsFile Load() => Parse(Repo.Read(Path));

    public static LocalSettingsFile Parse(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                   ?? throw new FormatException($"{Path} is empty");
        return new LocalSettingsFile(Strings(root, "Values"), Strings(root, "Descriptions"));
    }

    /// <summary>An in-memory copy without <paramref name="name"/> (value and description).</summary>
    public LocalSettingsFile Without(string name) =>
        new(Values.Where(v => v.Key != name).ToDictionary(), Descriptions.Where(d => d.Key != name).ToDictionary());

    public LocalSettingsFile With(string name, string value, string description) =>
        new(new Dictionary<string, string>(Values) { [name] = value }, new Dictionary<string, string>(Descriptions) { [name] = description });

    private static Dictionary<string, string> Strings(JsonNode root, string property)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root[property] is not JsonObject obj) return values;
        foreach (var (key, value) in obj)
            values[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        return values;
    }
}
