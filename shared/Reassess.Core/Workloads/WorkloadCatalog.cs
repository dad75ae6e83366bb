using System.Text.Json;
using Reassess.Core.Ingestion;
using Reassess.Core.Json;

namespace Reassess.Core.Workloads;

/// <summary>
/// Reads a workloads file (a JSON array, or <c>{ "workloads": [...] }</c>). Each workload is checked on its own:
/// a malformed or invalid one is rejected with its index, id and field path, and the others load.
/// </summary>
public sealed class WorkloadCatalog : IRecordReader<Workload>
{
    public string Format => "workloads";

    public async Task<ReadResult<Workload>> ReadAsync(
        Stream content, string sourceName, ReadContext context, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(content, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            }, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new InputRejectedException(new InputProblem(sourceName,
                $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}", $"not valid JSON ({FirstSentence(e.Message)})"), e);
        }

        using (document)
        {
            var items = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => document.RootElement,
                JsonValueKind.Object when document.RootElement.TryGetProperty("workloads", out var list) && list.ValueKind == JsonValueKind.Array => list,
                _ => throw new InputRejectedException(new InputProblem(sourceName, "",
                    "expected a JSON array of workloads or an object with a \"workloads\" array")),
            };

            var result = new ReadResultBuilder<Workload>(sourceName);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var location = Describe(index++, item);
                var workload = Parse(item, location, result);
                if (workload is null) continue;

                var problems = WorkloadValidator.Validate(workload);
                if (problems.Count > 0)
                    result.Reject(location, string.Join("; ", problems));
                else if (!seen.Add(workload.Id))
                    result.Reject(location, $"id: '{workload.Id}' appears more than once; the first one is kept");
                else
                    result.Add(workload);
            }

            return result.Build();
        }
    }

    /// <summary>Parses one workload from JSON text, as the HTTP API and what-if receive it.</summary>
    /// <param name="id">The id the workload is stored under when the caller names it (a URL), over whatever the JSON says.</param>
    public static Workload ParseOne(JsonElement element, string sourceName, string? id = null)
    {
        var result = new ReadResultBuilder<Workload>(sourceName);
        var workload = Parse(element, "workload", result);
        if (workload is null) throw new InputRejectedException(result.Build().Rejected[0]);
        if (id is not null) workload = workload with { Id = id };
        var problems = WorkloadValidator.Validate(workload);
        if (problems.Count > 0) throw new InputRejectedException(new InputProblem(sourceName, "workload", string.Join("; ", problems)));
        return workload;
    }

    private static Workload? Parse(JsonElement item, string location, ReadResultBuilder<Workload> result)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            result.Reject(location, $"expected an object, found {item.ValueKind}");
            return null;
        }

        // .NET refuses to turn an escaped half of a character pair (\uD800 alone) into a string, with an exception
        // that names no field; found first, it is a problem with its path like any other.
        if (BrokenText(item, "") is { } broken)
        {
            result.Reject(location, $"{broken}: has an escaped half of a character pair (\\uD800–\\uDFFF without its other half); write the character whole");
            return null;
        }

        try
        {
            return item.Deserialize<Workload>(ReassessJson.Options);
        }
        catch (JsonException e)
        {
            var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            result.Reject(location, $"{(path.Length == 0 ? "value" : path)}: {FirstSentence(e.Message)}");
            return null;
        }
    }

    private static string Describe(int index, JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && BrokenText(id, "id") is null
            ? $"workloads[{index}] (id '{FreeText.Shown(id.GetString()!)}')"
            : $"workloads[{index}]";

    /// <summary>The path of the first string (or property name) under <paramref name="element"/> that cannot be read as text, or null.</summary>
    private static string? BrokenText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return path.Length == 0 ? "value" : path;
                }
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path.Length == 0 ? "a property name" : $"{path}: a property name";
                    }

                    if (BrokenText(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } broken) return broken;
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (BrokenText(item, $"{path}[{index++}]") is { } broken) return broken;
                return null;
            default:
                return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
