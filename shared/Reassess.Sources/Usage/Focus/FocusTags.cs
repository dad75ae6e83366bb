using System.Text.Json;

namespace Reassess.Sources.Usage.Focus;

/// <summary>
/// The <c>Tags</c> column: a JSON object of string values (FOCUS), or the members without their braces as some
/// Azure exports write them (<c>"team": "support", "workload": "ticket-triage"</c>). Parsed tag sets are remembered,
/// since a large export repeats a few of them millions of times.
/// </summary>
public sealed class FocusTags
{
    private const int Remembered = 10_000;
    private readonly Dictionary<string, IReadOnlyList<KeyValuePair<string, string?>>> _parsed = new(StringComparer.Ordinal);

    /// <returns>The tags, or null with <paramref name="problem"/> when the text is not a JSON object.</returns>
    public IReadOnlyList<KeyValuePair<string, string?>>? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (_parsed.TryGetValue(text, out var known)) return known;

        var json = text.TrimStart().StartsWith('{') ? text : "{" + text + "}";
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "is not a JSON object of tags";
                return null;
            }

            var tags = document.RootElement.EnumerateObject()
                .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))
                .ToList();
            if (_parsed.Count < Remembered) _parsed[text] = tags;
            return tags;
        }
        catch (JsonException)
        {
            problem = $"'{(text.Length > 80 ? text[..80] + "…" : text)}' is not a JSON object of tags, e.g. {{\"workload\": \"ticket-triage\"}}";
            return null;
        }
        catch (InvalidOperationException)
        {
            // A string that parses but does not decode: an escaped half of a surrogate pair (\ud800).
            problem = $"'{(text.Length > 80 ? text[..80] + "…" : text)}' holds an escape that is no character (half of a \\uD800–\\uDFFF pair); write the character itself";
            return null;
        }
    }
}
